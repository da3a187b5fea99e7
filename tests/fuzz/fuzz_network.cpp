// libFuzzer target: any bytes given to the causal-model loader give a value or errors, never a crash;
// a network that loads also answers a posterior and the next tests.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto loaded = dah::net::load_network(text, "fuzz.json");
    if (!loaded.value && loaded.errors.empty()) __builtin_trap();
    for (const auto& e : loaded.errors) (void)e.to_string();
    if (loaded.ok()) {
        const dah::net::Network& n = *loaded.value;
        dah::net::Evidence e = dah::net::Evidence::none(n);
        for (std::size_t i = 0; i < n.nodes.size() && i < size; ++i) {
            if (n.nodes[i].kind != dah::net::NodeKind::cause) e.set(n, static_cast<int>(i), data[i] % 4 - 1);
        }
        (void)dah::net::posterior_after(n, e);
        (void)dah::net::suggest_next_tests(n, e);
    }
    return 0;
}
