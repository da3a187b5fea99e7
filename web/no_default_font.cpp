// The browser edition never starts without its own font (the page stops with a message when the font
// cannot be fetched), so ImGui's built-in bitmap font, 12 kB of base85 text that ImFontAtlas::Build
// keeps reachable, is left out of the wasm: the link (web/CMakeLists.txt) sends every call to
// ImFontAtlas::AddFontDefault here, where nothing is added.
#include <imgui.h>

extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
    return nullptr;
}
