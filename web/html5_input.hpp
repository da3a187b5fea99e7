// The browser's input for ImGui, from emscripten's html5.h callbacks: keys (by physical key, as USB
// HID usage ids like SDL scancodes, which is what web/ui/keys.hpp names), typed text, mouse, wheel,
// touch as a left button, focus. Events queue up as they arrive and are handed to ImGui once per frame
// by the batch rule of event_batch.hpp. Also keeps the canvas's mouse cursor in step with ImGui's.
#pragma once

#include <functional>
#include <vector>

namespace dah::platform {

struct InputEvent {
    enum class Kind { key_down, key_up, text, button_down, button_up, move, wheel, leave, blur } kind;
    int code = 0;  // key: HID usage id; text: code point; button: 0 left, 1 right, 2 middle
    float x = 0, y = 0;  // move: CSS pixels in the canvas; wheel: ImGui wheel units
    bool shift = false, ctrl = false, alt = false, super = false;
};

class Html5Input {
public:
    // Registers the callbacks on the page; `on_event` runs after each queued event (wakes the loop).
    void install(std::function<void()> on_event);
    // Hands this frame's events to ImGui. Returns true when any was handled.
    bool feed();
    bool pending() const { return !queue_.empty(); }
    // Shows ImGui's wanted cursor on the canvas (only touches the page when it changes).
    void update_cursor();

    void push(const InputEvent& e);

private:
    std::vector<InputEvent> queue_;
    std::function<void()> on_event_;
    int cursor_ = -2;
};

}  // namespace dah::platform
