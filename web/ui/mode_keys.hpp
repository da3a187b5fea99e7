// Keys of the issue-6 features that keys.hpp does not name (SDL scancodes = USB HID usage ids), and
// a way to consume a key so the app's own shortcuts do not act on it too in the same frame.
#pragma once

#include <imgui.h>

#include "ui/keys.hpp"

namespace dah::ui::key {
inline constexpr int home = 74, page_up = 75, end = 77, page_down = 78, backspace = 42;
}  // namespace dah::ui::key

namespace dah::ui {

// True when `k` went down this frame; the key then reads as up for the rest of the frame.
inline bool take_key(int k) {
    ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsKeyPressed(k, false)) return false;
    io.KeysDown[k] = false;
    io.KeysDownDuration[k] = -1.0f;
    return true;
}

}  // namespace dah::ui
