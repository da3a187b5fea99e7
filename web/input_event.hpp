// One input event of the browser layer, queued until the frame that hands it to ImGui.
#pragma once

namespace dah::platform {

struct InputEvent {
    // scroll: a finger's drag over the window at (x, y); pinch: two fingers around (x, y); zoom: Ctrl+wheel.
    enum class Kind { key_down, key_up, text, button_down, button_up, move, wheel, leave, blur, scroll, pinch, zoom } kind;
    int code = 0;  // key: HID usage id; text: code point; button: 0 left, 1 right, 2 middle
    float x = 0, y = 0;  // move: CSS pixels in the canvas; wheel: ImGui wheel units
    bool shift = false, ctrl = false, alt = false, super = false;
    float dx = 0, dy = 0;  // scroll: CSS pixels the content follows the finger by
    float factor = 1;      // pinch, zoom: how much larger
};

}  // namespace dah::platform
