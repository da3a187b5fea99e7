// libFuzzer target: any bytes given to the knowledge-base loader give a value or errors, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dah/knowledge_base.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto loaded = dah::load_knowledge_base(text, "fuzz.json");
    // A result is either a knowledge base or at least one error, never both missing.
    if (!loaded.value && loaded.errors.empty()) __builtin_trap();
    for (const auto& e : loaded.errors) (void)e.to_string();
    return 0;
}
