#include "dah/sort_stably.hpp"

#include <algorithm>

namespace dah::detail {

// Bottom-up merge sort of indices: plain loops, no per-type instantiation.
std::vector<std::size_t> stable_order(std::size_t n, IndexLess less, const void* context) {
    std::vector<std::size_t> order(n), merged(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    for (std::size_t width = 1; width < n; width *= 2) {
        for (std::size_t lo = 0; lo < n; lo += 2 * width) {
            const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            std::size_t i = lo, j = mid, k = lo;
            // The right run's item goes first only when strictly less: equal items keep their order.
            while (i < mid && j < hi)
                merged[k++] = less(context, order[j], order[i]) ? order[j++] : order[i++];
            while (i < mid) merged[k++] = order[i++];
            while (j < hi) merged[k++] = order[j++];
        }
        order.swap(merged);
    }
    return order;
}

}  // namespace dah::detail
