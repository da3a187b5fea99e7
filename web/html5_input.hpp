// The browser's input for ImGui, from emscripten's html5.h callbacks: keys as USB HID usage ids (like SDL
// scancodes, which is what web/ui/keys.hpp names) chosen by the character a key types, so that shortcuts
// follow the keyboard layout (the physical key where it types no Latin character); typed text from the
// page's hidden text field (shell/input.js: IME composition, dead keys, soft keyboards, paste) or from
// keys; mouse, wheel (Ctrl+wheel zooms), touch gestures (touch_gestures.hpp), focus. Events queue up as
// they arrive and are handed to ImGui once per frame by the batch rule of event_batch.hpp. Also keeps
// the canvas's cursor and the hidden text field in step with ImGui.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "input_event.hpp"
#include "touch_gestures.hpp"

struct EmscriptenKeyboardEvent;
struct EmscriptenTouchEvent;

namespace dah::platform {

// Zooms asked for since the last frame: the whole UI (Ctrl+wheel) and a pinch at a point.
struct ZoomRequest {
    float ui_steps = 0;  // Ctrl+wheel: + larger, one step a wheel notch
    float pinch = 1;
    float x = 0, y = 0;  // where the pinch happened, CSS pixels
};

class Html5Input {
public:
    // Registers the callbacks on the page; `on_event` runs after each queued event (wakes the loop).
    void install(std::function<void()> on_event);
    // Hands this frame's events to ImGui. Returns true when any was handled.
    bool feed();
    bool pending() const { return !queue_.empty() || gestures_.moving(); }
    // After the frame: shows ImGui's wanted cursor on the canvas and focuses (or leaves) the hidden text
    // field when an ImGui text field is (no longer) active. Touches the page only on a change.
    void update_page();
    // Zooms asked for since the last call.
    ZoomRequest take_zoom();

    void push(const InputEvent& e);
    void push_text(const char* utf8);  // committed text from the page's text field
    // A paste: with Ctrl+V (Cmd+V) on its way to ImGui, ImGui pastes it as its clipboard; otherwise (a
    // menu's Paste) it is typed.
    void paste(const char* utf8);
    // What a copy or cut takes from the active ImGui text field: its selection, or its whole text.
    const std::string& copy_text();

    // Browser event handlers (html5_input.cpp).
    bool key(int type, const EmscriptenKeyboardEvent& k);
    void touch(int type, const EmscriptenTouchEvent& t);

private:
    std::vector<InputEvent> queue_;
    std::function<void()> on_event_;
    TouchGestures gestures_;
    std::array<short, 256> pressed_as_{};  // physical key (HID) → the id its key down was given
    bool alt_graph_ = false;               // AltGr is held (Linux, macOS: key "AltGraph")
    bool text_field_ = false;              // the page's text field has the focus for ImGui
    float text_field_x_ = -1, text_field_y_ = -1;
    int cursor_ = -2;
    ZoomRequest zoom_;
    std::string copied_;
    std::string clipboard_;          // what ImGui pastes: the last paste, or ImGui's own last copy
    bool paste_key_pending_ = false;  // Ctrl+V went down since the last paste
};

}  // namespace dah::platform
