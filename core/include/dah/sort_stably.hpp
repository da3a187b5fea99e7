// A stable sort whose merge step is compiled once for all callers: each std::stable_sort with a
// comparator of its own adds about 3 kB to the WebAssembly the browser downloads.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace dah {

namespace detail {
using IndexLess = bool (*)(const void* context, std::size_t a, std::size_t b);
// The permutation that orders items 0..n-1 by `less`, equal items keeping their order.
std::vector<std::size_t> stable_order(std::size_t n, IndexLess less, const void* context);
}  // namespace detail

template <class T, class Less>
void sort_stably(std::vector<T>& items, Less less) {
    struct Context {
        const std::vector<T>* items;
        const Less* less;
    };
    const Context context{&items, &less};
    const std::vector<std::size_t> order = detail::stable_order(
        items.size(),
        [](const void* c, std::size_t a, std::size_t b) {
            const Context& x = *static_cast<const Context*>(c);
            return (*x.less)((*x.items)[a], (*x.items)[b]);
        },
        &context);
    std::vector<T> sorted;
    sorted.reserve(items.size());
    for (std::size_t i : order) sorted.push_back(std::move(items[i]));
    items = std::move(sorted);
}

}  // namespace dah
