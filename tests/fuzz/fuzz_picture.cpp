// libFuzzer target: any bytes given to the picture reader give a picture or errors, never a crash; a
// picture that loads can be described (the text the app shows and reads out for it).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dah/picture.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto loaded = dah::load_picture(text, "fuzz.picture.json");
    if (!loaded.value && loaded.errors.empty()) __builtin_trap();
    for (const auto& e : loaded.errors) (void)e.to_string();
    if (loaded.value && dah::describe(*loaded.value).empty()) __builtin_trap();
    return 0;
}
