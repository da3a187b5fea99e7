#include "html5_input.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "event_batch.hpp"

namespace dah::platform {
namespace {

// USB HID usage ids (keyboard page), the numbers SDL calls scancodes.
namespace hid {
constexpr int a = 4, digit1 = 30, digit0 = 39, enter = 40, escape = 41, backspace = 42, tab = 43, space = 44;
constexpr int f1 = 58, insert = 73, home = 74, page_up = 75, del = 76, end = 77, page_down = 78;
constexpr int right = 79, left = 80, down = 81, up = 82, keypad_enter = 88, keypad1 = 89, keypad0 = 98;
constexpr int left_ctrl = 224;  // then left shift, alt, meta, right ctrl, shift, alt, meta
}  // namespace hid

// KeyboardEvent.code (the physical key) to its HID usage id; -1 for keys the app has no use for.
int hid_of_code(std::string_view code) {
    auto starts = [&](std::string_view p) { return code.substr(0, p.size()) == p; };
    if (starts("Key") && code.size() == 4 && code[3] >= 'A' && code[3] <= 'Z') return hid::a + (code[3] - 'A');
    if (starts("Digit") && code.size() == 6 && code[5] >= '0' && code[5] <= '9')
        return code[5] == '0' ? hid::digit0 : hid::digit1 + (code[5] - '1');
    if (starts("Numpad") && code.size() == 7 && code[6] >= '0' && code[6] <= '9')
        return code[6] == '0' ? hid::keypad0 : hid::keypad1 + (code[6] - '1');
    if (starts("F") && code.size() <= 3) {
        const int n = std::atoi(std::string(code.substr(1)).c_str());
        if (n >= 1 && n <= 12) return hid::f1 + n - 1;
    }
    struct Named { std::string_view name; int id; };
    static constexpr Named named[] = {
        {"Enter", hid::enter}, {"Escape", hid::escape}, {"Backspace", hid::backspace}, {"Tab", hid::tab},
        {"Space", hid::space}, {"Minus", 45}, {"Equal", 46}, {"BracketLeft", 47}, {"BracketRight", 48},
        {"Backslash", 49}, {"Semicolon", 51}, {"Quote", 52}, {"Backquote", 53}, {"Comma", 54}, {"Period", 55},
        {"Slash", 56}, {"Insert", hid::insert}, {"Home", hid::home}, {"PageUp", hid::page_up}, {"Delete", hid::del},
        {"End", hid::end}, {"PageDown", hid::page_down}, {"ArrowRight", hid::right}, {"ArrowLeft", hid::left},
        {"ArrowDown", hid::down}, {"ArrowUp", hid::up}, {"NumpadEnter", hid::keypad_enter},
        {"ControlLeft", hid::left_ctrl}, {"ShiftLeft", hid::left_ctrl + 1}, {"AltLeft", hid::left_ctrl + 2},
        {"MetaLeft", hid::left_ctrl + 3}, {"ControlRight", hid::left_ctrl + 4}, {"ShiftRight", hid::left_ctrl + 5},
        {"AltRight", hid::left_ctrl + 6}, {"MetaRight", hid::left_ctrl + 7},
    };
    for (const Named& n : named)
        if (n.name == code) return n.id;
    return -1;
}

// The code point of a KeyboardEvent.key that is one printable character ("a", "?", "é"), else 0
// ("Enter", "ArrowLeft", "Dead" are names, not text).
unsigned int text_of_key(const char* key) {
    unsigned int c = 0;
    const int bytes = *key ? ImTextCharFromUtf8(&c, key, nullptr) : 0;
    return (bytes > 0 && key[bytes] == '\0' && c >= 0x20 && c != 0x7f) ? c : 0;
}

InputEvent with_modifiers(InputEvent e, const EmscriptenKeyboardEvent& k) {
    e.shift = k.shiftKey, e.ctrl = k.ctrlKey, e.alt = k.altKey, e.super = k.metaKey;
    return e;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* k, void* user) {
    auto& input = *static_cast<Html5Input*>(user);
    const int id = hid_of_code(k->code);
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    if (id >= 0 && !(down && k->repeat)) input.push(with_modifiers({down ? InputEvent::Kind::key_down : InputEvent::Kind::key_up, id}, *k));
    // Ctrl or Cmd with a key is the browser's (zoom, reload, copy) unless it is AltGr (Ctrl+Alt) typing.
    const bool shortcut = (k->ctrlKey && !k->altKey) || k->metaKey;
    if (down && !shortcut) {
        if (const unsigned int c = text_of_key(k->key)) input.push(with_modifiers({InputEvent::Kind::text, static_cast<int>(c)}, *k));
    }
    // Keep keys from scrolling or leaving the page (Tab, Space, arrows, Backspace, '/' quick find), but
    // leave the browser its shortcuts and F5 / F11 / F12.
    const bool browser_key = id == hid::f1 + 4 || id == hid::f1 + 10 || id == hid::f1 + 11;
    return !shortcut && !browser_key;
}

InputEvent mouse_event(InputEvent::Kind kind, const EmscriptenMouseEvent& m) {
    InputEvent e{kind, m.button == 2 ? 1 : m.button == 1 ? 2 : m.button, static_cast<float>(m.clientX), static_cast<float>(m.clientY)};
    e.shift = m.shiftKey, e.ctrl = m.ctrlKey, e.alt = m.altKey, e.super = m.metaKey;
    return e;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* m, void* user) {
    auto& input = *static_cast<Html5Input*>(user);
    // The canvas fills the page from its top left corner, so client coordinates are canvas coordinates.
    input.push(mouse_event(InputEvent::Kind::move, *m));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN && m->button <= 2) input.push(mouse_event(InputEvent::Kind::button_down, *m));
    if (type == EMSCRIPTEN_EVENT_MOUSEUP && m->button <= 2) input.push(mouse_event(InputEvent::Kind::button_up, *m));
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE && m->buttons == 0) input.push({InputEvent::Kind::leave});
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN;  // no text selection or focus change by the page
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* w, void* user) {
    // ImGui scrolls about five lines per unit; a wheel notch is 100 pixels or 3 lines in browsers.
    const double per_unit = w->deltaMode == DOM_DELTA_PIXEL ? 100.0 : w->deltaMode == DOM_DELTA_LINE ? 3.0 : 0.5;
    InputEvent e = mouse_event(InputEvent::Kind::wheel, w->mouse);
    e.x = static_cast<float>(-w->deltaX / per_unit);
    e.y = static_cast<float>(-w->deltaY / per_unit);
    static_cast<Html5Input*>(user)->push(e);
    return true;
}

// A finger is the left mouse button (the first finger only); no mouse events are made up afterwards.
EM_BOOL on_touch(int type, const EmscriptenTouchEvent* t, void* user) {
    auto& input = *static_cast<Html5Input*>(user);
    for (int i = 0; i < t->numTouches; ++i) {
        const EmscriptenTouchPoint& p = t->touches[i];
        if (!p.isChanged) continue;
        InputEvent move{InputEvent::Kind::move, 0, static_cast<float>(p.clientX), static_cast<float>(p.clientY)};
        input.push(move);
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART) input.push({InputEvent::Kind::button_down, 0, move.x, move.y});
        if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
            input.push({InputEvent::Kind::button_up, 0, move.x, move.y});
            input.push({InputEvent::Kind::leave});  // no hover (or tooltip) left behind by a finger
        }
        break;
    }
    return true;
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void* user) {
    static_cast<Html5Input*>(user)->push({InputEvent::Kind::blur});
    return false;
}

// Keys and buttons share one id space for the batch rule: keys by HID id, buttons above 512. A button's
// release also "presses" the pointer and a leave "releases" it, so that a leave right after a release
// (a finger lifted) waits a frame: the release must land on its button, still under the pointer.
using K = InputEvent::Kind;
constexpr int button_id_base = 512, pointer_id = 520;
int pressed_id(const InputEvent& e) {
    return e.kind == K::key_down ? e.code : e.kind == K::button_down ? button_id_base + e.code : e.kind == K::button_up ? pointer_id : -1;
}
int released_id(const InputEvent& e) {
    return e.kind == K::key_up ? e.code : e.kind == K::button_up ? button_id_base + e.code : e.kind == K::leave ? pointer_id : -1;
}

void apply(ImGuiIO& io, const InputEvent& e) {
    switch (e.kind) {
    case K::key_down:
    case K::key_up:
        if (e.code < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[e.code] = e.kind == K::key_down;
        io.KeyShift = e.shift, io.KeyCtrl = e.ctrl, io.KeyAlt = e.alt, io.KeySuper = e.super;
        break;
    case K::text: io.AddInputCharacter(static_cast<unsigned int>(e.code)); break;
    case K::button_down:
    case K::button_up:
        io.MouseDown[e.code] = e.kind == K::button_down;
        io.MousePos = ImVec2(e.x, e.y);
        break;
    case K::move: io.MousePos = ImVec2(e.x, e.y); break;
    case K::wheel:
        io.MouseWheelH += e.x;
        io.MouseWheel += e.y;
        break;
    case K::leave: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); break;
    case K::blur:  // keys released while the page was not looking must not stay down
        std::memset(io.KeysDown, 0, sizeof(io.KeysDown));
        std::memset(io.MouseDown, 0, sizeof(io.MouseDown));
        io.KeyShift = io.KeyCtrl = io.KeyAlt = io.KeySuper = false;
        io.AddFocusEvent(false);
        break;
    }
}

}  // namespace

void Html5Input::install(std::function<void()> on_event) {
    on_event_ = std::move(on_event);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "dah_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    const struct { ImGuiKey key; int id; } keymap[] = {
        {ImGuiKey_Tab, hid::tab}, {ImGuiKey_LeftArrow, hid::left}, {ImGuiKey_RightArrow, hid::right},
        {ImGuiKey_UpArrow, hid::up}, {ImGuiKey_DownArrow, hid::down}, {ImGuiKey_PageUp, hid::page_up},
        {ImGuiKey_PageDown, hid::page_down}, {ImGuiKey_Home, hid::home}, {ImGuiKey_End, hid::end},
        {ImGuiKey_Insert, hid::insert}, {ImGuiKey_Delete, hid::del}, {ImGuiKey_Backspace, hid::backspace},
        {ImGuiKey_Space, hid::space}, {ImGuiKey_Enter, hid::enter}, {ImGuiKey_Escape, hid::escape},
        {ImGuiKey_KeyPadEnter, hid::keypad_enter}, {ImGuiKey_A, hid::a}, {ImGuiKey_C, hid::a + 2},
        {ImGuiKey_V, hid::a + 21}, {ImGuiKey_X, hid::a + 23}, {ImGuiKey_Y, hid::a + 24}, {ImGuiKey_Z, hid::a + 25},
    };
    for (const auto& k : keymap) io.KeyMap[k.key] = k.id;

    const char* canvas = "#canvas";
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, true, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, true, on_key);
    emscripten_set_mousedown_callback(canvas, this, true, on_mouse);
    // Moves and releases outside the canvas still count while a button is held (dragging a slider).
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, this, true, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, this, true, on_mouse);
    emscripten_set_mouseleave_callback(canvas, this, true, on_mouse);
    emscripten_set_wheel_callback(canvas, this, true, on_wheel);
    emscripten_set_touchstart_callback(canvas, this, true, on_touch);
    emscripten_set_touchmove_callback(canvas, this, true, on_touch);
    emscripten_set_touchend_callback(canvas, this, true, on_touch);
    emscripten_set_touchcancel_callback(canvas, this, true, on_touch);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, true, on_blur);
}

void Html5Input::push(const InputEvent& e) {
    queue_.push_back(e);
    if (on_event_) on_event_();
}

bool Html5Input::feed() {
    const std::size_t now = events_for_this_frame(queue_, pressed_id, released_id);
    ImGuiIO& io = ImGui::GetIO();
    for (std::size_t i = 0; i < now; ++i) apply(io, queue_[i]);
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(now));
    return now > 0;
}

// clang-format off
EM_JS(void, dah_js_set_cursor, (const char* css), {
    const canvas = document.getElementById('canvas');
    if (canvas) canvas.style.cursor = UTF8ToString(css);
});
// clang-format on

void Html5Input::update_cursor() {
    const int wanted = ImGui::GetMouseCursor();
    if (wanted == cursor_) return;
    cursor_ = wanted;
    static const char* const css[ImGuiMouseCursor_COUNT] = {"default", "text", "move", "ns-resize", "ew-resize",
                                                            "nesw-resize", "nwse-resize", "pointer", "not-allowed"};
    dah_js_set_cursor(wanted >= 0 && wanted < ImGuiMouseCursor_COUNT ? css[wanted] : "none");
}

}  // namespace dah::platform
