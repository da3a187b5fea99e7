#include "html5_input.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
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

// The key a shortcut means is the character it types (KeyboardEvent.key): on AZERTY the key that types
// "w" is W, and Ctrl+A selects all wherever A is. A key that types no Latin letter, digit or one of the
// punctuation keys (Cyrillic, Greek, a dead key, Shift+1's "!") counts by its physical place (code).
int hid_of_key(const char* key, std::string_view code) {
    if (code.substr(0, 6) == "Numpad" || !key[0] || key[1]) return hid_of_code(code);
    const char c = key[0] >= 'A' && key[0] <= 'Z' ? static_cast<char>(key[0] - 'A' + 'a') : key[0];
    if (c >= 'a' && c <= 'z') return hid::a + (c - 'a');
    if (c >= '1' && c <= '9') return hid::digit1 + (c - '1');
    if (c == '0') return hid::digit0;
    static constexpr char punctuation[] = "-=[]\\\0;'`,./";  // HID 45 … 56 (50 is a non-US key)
    for (int i = 0; i < static_cast<int>(sizeof punctuation) - 1; ++i)
        if (punctuation[i] == c && c) return 45 + i;
    return hid_of_code(code);
}

// The code point of a KeyboardEvent.key that is one printable character ("a", "?", "é"), else 0
// ("Enter", "ArrowLeft", "Dead" are names, not text).
unsigned int text_of_key(const char* key) {
    unsigned int c = 0;
    const int bytes = *key ? ImTextCharFromUtf8(&c, key, nullptr) : 0;
    return (bytes > 0 && key[bytes] == '\0' && c >= 0x20 && c != 0x7f) ? c : 0;
}

// Keys that edit or move in a text field: ImGui's, never the page's hidden field's.
bool editing_key(int id) {
    return id == hid::enter || id == hid::escape || id == hid::backspace || id == hid::tab ||
           (id >= hid::insert && id <= hid::up) || id == hid::keypad_enter;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* k, void* user) {
    return static_cast<Html5Input*>(user)->key(type, *k);
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
    // Ctrl+wheel (and a touchpad's pinch, which browsers send as one) zooms the UI, not the page.
    if (w->mouse.ctrlKey) e = InputEvent{InputEvent::Kind::zoom}, e.factor = static_cast<float>(-w->deltaY / per_unit);
    static_cast<Html5Input*>(user)->push(e);
    return true;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* t, void* user) {
    static_cast<Html5Input*>(user)->touch(type, *t);
    return true;  // no mouse events made up afterwards, no page scroll or zoom
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void* user) {
    static_cast<Html5Input*>(user)->push({InputEvent::Kind::blur});
    return false;
}

// The window under a point (the topmost drawn), then the nearest window up from it that scrolls on
// that axis: where a finger's drag goes, as the wheel would.
ImGuiWindow* scrollable_at(ImVec2 p, bool vertical) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* w = nullptr;
    for (int i = g.Windows.Size - 1; i >= 0 && !w; --i) {
        ImGuiWindow* c = g.Windows[i];
        if (c->Active && !c->Hidden && !(c->Flags & ImGuiWindowFlags_NoMouseInputs) && c->OuterRectClipped.Contains(p)) w = c;
    }
    while (w && ((vertical ? w->ScrollMax.y : w->ScrollMax.x) <= 0 || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
        w = w->ParentWindow;
    return w;
}

void scroll_by(ImVec2 at, float dx, float dy) {
    if (ImGuiWindow* w = dy != 0 ? scrollable_at(at, true) : nullptr) {
        const float from = w->ScrollTarget.y < FLT_MAX ? w->ScrollTarget.y : w->Scroll.y;
        ImGui::SetScrollY(w, std::clamp(from - dy, 0.0f, w->ScrollMax.y));
    }
    if (ImGuiWindow* w = dx != 0 ? scrollable_at(at, false) : nullptr) {
        const float from = w->ScrollTarget.x < FLT_MAX ? w->ScrollTarget.x : w->Scroll.x;
        ImGui::SetScrollX(w, std::clamp(from - dx, 0.0f, w->ScrollMax.x));
    }
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
    case K::scroll: scroll_by(ImVec2(e.x, e.y), e.dx, e.dy); break;
    case K::pinch:
    case K::zoom: break;  // for the app (take_zoom)
    case K::blur:  // keys released while the page was not looking must not stay down
        std::memset(io.KeysDown, 0, sizeof(io.KeysDown));
        std::memset(io.MouseDown, 0, sizeof(io.MouseDown));
        io.KeyShift = io.KeyCtrl = io.KeyAlt = io.KeySuper = false;
        io.AddFocusEvent(false);
        break;
    }
}

}  // namespace

// Whether the page runs on macOS or iOS, where Cmd is the shortcut key (ImGui's text fields follow it).
// clang-format off
EM_JS(int, dah_js_is_apple, (), {
    const p = (navigator['userAgentData'] && navigator['userAgentData']['platform']) || navigator.platform || "";
    return /Mac|iPhone|iPad|iPod/.test(p) ? 1 : 0;
});
// The hidden text field of shell/input.js: focused at the caret while an ImGui text field is active.
EM_JS(void, dah_js_text_field, (int active, float x, float y, float line_height), {
    const page = window['dahTutor'];
    if (page && page['textField']) page['textField'](!!active, x, y, line_height);
});
// clang-format on


void Html5Input::install(std::function<void()> on_event) {
    on_event_ = std::move(on_event);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "dah_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigMacOSXBehaviors = dah_js_is_apple() != 0;
    // ImGui's clipboard is the page's last paste (copies reach the system through the copy event).
    io.ClipboardUserData = &clipboard_;
    io.GetClipboardTextFn = [](void* text) { return static_cast<const std::string*>(text)->c_str(); };
    io.SetClipboardTextFn = [](void* text, const char* s) { *static_cast<std::string*>(text) = s ? s : ""; };
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

bool Html5Input::key(int type, const EmscriptenKeyboardEvent& k) {
    const std::string_view name(k.key);
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    if (name == "AltGraph") alt_graph_ = down;
    // A key an input method composes with is its own: the text comes when it is committed.
    if (k.keyCode == 229 || name == "Process") return false;
    const int physical = hid_of_code(k.code);
    int id = hid_of_key(k.key, k.code);
    if (physical >= 0 && physical < static_cast<int>(pressed_as_.size())) {
        short& as = pressed_as_[static_cast<std::size_t>(physical)];
        if (down && !k.repeat) as = static_cast<short>(id);
        else if (!down && as > 0) id = as, as = 0;  // released as what it was pressed as (Shift may be up now)
    }
    // AltGr (Ctrl+Alt on Windows) types a character: it is Alt (no letter shortcut), never Ctrl (no zoom).
    const bool alt_gr = alt_graph_ || (k.ctrlKey && k.altKey);
    InputEvent e{down ? InputEvent::Kind::key_down : InputEvent::Kind::key_up, id};
    e.shift = k.shiftKey, e.ctrl = k.ctrlKey && !alt_gr, e.alt = k.altKey || alt_gr, e.super = k.metaKey;
    if (id >= 0 && !(down && k.repeat)) push(e);
    const bool shortcut = e.ctrl || e.super;
    if (down && shortcut && id == hid::a + ('v' - 'a')) paste_key_pending_ = true;
    // With the text field focused, its input event brings the text (and what dead keys and input
    // methods make of keys); otherwise a key's own character is the text.
    if (down && !shortcut && !text_field_) {
        if (const unsigned int c = text_of_key(k.key)) push(InputEvent{InputEvent::Kind::text, static_cast<int>(c)});
    }
    // The browser keeps its shortcuts (copy, paste, reload: the clipboard events come from them) but
    // Ctrl+= / Ctrl+- / Ctrl+0, which zoom the app itself, and F5 / F11 / F12. The text field gets what
    // types; keys that edit or move are ImGui's. Elsewhere no key scrolls the page or leaves it.
    if (shortcut) return e.ctrl && (id == hid::digit0 || id == 45 || id == 46);
    if (id == hid::f1 + 4 || id == hid::f1 + 10 || id == hid::f1 + 11) return false;
    return text_field_ ? editing_key(id) : true;
}

void Html5Input::touch(int type, const EmscriptenTouchEvent& t) {
    std::vector<InputEvent> out;
    // The event's own time: a long frame must not turn a tap that waited for it into a long press.
    const double now = (t.timestamp > 0 ? t.timestamp : emscripten_get_now()) / 1000.0;
    // Over a control: the pointer (moved there when the finger went down) hovers an item.
    auto over_control = [] { return ImGui::GetCurrentContext()->HoveredId != 0; };
    for (int i = 0; i < t.numTouches; ++i) {
        const EmscriptenTouchPoint& p = t.touches[i];
        if (!p.isChanged) continue;
        const float x = static_cast<float>(p.clientX), y = static_cast<float>(p.clientY);
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART) gestures_.down(p.identifier, x, y, now, out);
        else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) gestures_.move(p.identifier, x, y, now, over_control, out);
        else gestures_.up(p.identifier, x, y, now, type == EMSCRIPTEN_EVENT_TOUCHCANCEL, out);
    }
    for (const InputEvent& e : out) push(e);
}

void Html5Input::push(const InputEvent& e) {
    queue_.push_back(e);
    if (on_event_) on_event_();
}

void Html5Input::push_text(const char* utf8) {
    while (utf8 && *utf8) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, utf8, nullptr);
        if (n <= 0) break;
        utf8 += n;
        if (c >= 0x20 && c != 0x7f) queue_.push_back(InputEvent{InputEvent::Kind::text, static_cast<int>(c)});
    }
    if (on_event_) on_event_();
}

void Html5Input::paste(const char* utf8) {
    if (!paste_key_pending_) return push_text(utf8);
    paste_key_pending_ = false;
    clipboard_ = utf8 ? utf8 : "";
}

const std::string& Html5Input::copy_text() {
    copied_.clear();
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiInputTextState& s = g.InputTextState;
    if (g.ActiveId == 0 || g.ActiveId != s.ID) return copied_;
    int from = std::min(s.Stb.select_start, s.Stb.select_end), to = std::max(s.Stb.select_start, s.Stb.select_end);
    if (from == to) from = 0, to = s.CurLenW;  // nothing selected: ImGui copies the whole line
    from = std::clamp(from, 0, s.CurLenW), to = std::clamp(to, from, s.CurLenW);
    char utf8[8];
    for (int i = from; i < to; ++i) copied_ += ImTextCharToUtf8(utf8, s.TextW[i]);
    return copied_;
}

bool Html5Input::feed() {
    float dx = 0, dy = 0;
    const bool gliding = gestures_.momentum(emscripten_get_now() / 1000.0, dx, dy);
    if (gliding) scroll_by(ImVec2(gestures_.start_x(), gestures_.start_y()), dx, dy);
    const std::size_t now = events_for_this_frame(queue_, pressed_id, released_id);
    ImGuiIO& io = ImGui::GetIO();
    for (std::size_t i = 0; i < now; ++i) {
        const InputEvent& e = queue_[i];
        if (e.kind == K::zoom) zoom_.ui_steps += e.factor;
        if (e.kind == K::pinch) zoom_.pinch *= e.factor, zoom_.x = e.x, zoom_.y = e.y;
        apply(io, e);
    }
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(now));
    return now > 0 || gliding;
}

ZoomRequest Html5Input::take_zoom() {
    const ZoomRequest z = zoom_;
    zoom_ = ZoomRequest{};
    return z;
}

// clang-format off
EM_JS(void, dah_js_set_cursor, (const char* css), {
    const canvas = document.getElementById('canvas');
    if (canvas) canvas.style.cursor = UTF8ToString(css);
});
// clang-format on

void Html5Input::update_page() {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 caret = ImGui::GetCurrentContext()->PlatformImePos;
    if (io.WantTextInput != text_field_ || (text_field_ && (caret.x != text_field_x_ || caret.y != text_field_y_))) {
        text_field_ = io.WantTextInput, text_field_x_ = caret.x, text_field_y_ = caret.y;
        dah_js_text_field(text_field_, caret.x, caret.y, ImGui::GetFontSize());
    }
    const int wanted = ImGui::GetMouseCursor();
    if (wanted == cursor_) return;
    cursor_ = wanted;
    static const char* const css[ImGuiMouseCursor_COUNT] = {"default", "text", "move", "ns-resize", "ew-resize",
                                                            "nesw-resize", "nwse-resize", "pointer", "not-allowed"};
    dah_js_set_cursor(wanted >= 0 && wanted < ImGuiMouseCursor_COUNT ? css[wanted] : "none");
}

}  // namespace dah::platform
