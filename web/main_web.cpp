// The browser main loop: files arrive through dah_add_file (the font before main, the case library
// after); main makes the WebGL 2 context and ImGui and hands a frame callback to the browser. Input
// comes from html5_input (no SDL: it was the largest part of the download). Frames are drawn only when
// something changed (input, resize, dah_wake, a timer); otherwise the loop pauses.
#include <emscripten.h>
#include <emscripten/console.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "html5_input.hpp"
#include "platform_web.hpp"
#include "submitted_frame.hpp"
#include "webgl_renderer.hpp"
#include "ui/app.hpp"
#include "ui/modes.hpp"

// The app the page created with dah_create before main (shell/loader.js keeps it as Module.dahApp).
// clang-format off
EM_JS(int, dah_js_app, (), { return Module['dahApp'] | 0; });
// The accessible mirror's new text, when a frame changed it (shell/mirror.js; before it has loaded it
// asks for the text itself).
EM_JS(void, dah_js_mirror, (const char* text), {
    const page = window['dahTutor'];
    if (page && page['mirror']) page['mirror'](UTF8ToString(text));
});
// clang-format on

namespace {

struct WebApp {
    dah::ui::AppState app;
    dah::ui::WebPlatform platform;
    dah::platform::Html5Input input;
    dah::platform::SubmittedFrame submitted;
    dah::platform::WebGlRenderer renderer;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    double next_timer = -1;
    double last_frame_start = 0;
    double last_frame_ms = 0;  // wall time of the last drawn frame (UI build + render), for the benchmark
    int canvas_pixels_w = -1, canvas_pixels_h = -1;  // the drawing buffer's size, as last set
    double last_parts_ms[3] = {0, 0, 0};  // of it: ImGui's frame, the accessible mirror, the GL submission
    bool paused = false;       // the browser is not asked for frames (see pause_loop)
    bool frame_requested = false;  // an animation frame is asked for and has not come yet
    bool save_scheduled = false;  // save_after_frame is queued
    bool refresh_scheduled = false;  // refresh_after_frame is queued
    double last_refresh_ms = 0;      // the tutor's last recomputation between frames, for the benchmark
    bool in_frame = false;        // loop() is running (the mirror's update, in it, may call back)
};


// The canvas's CSS size, read once and again on each window resize (the canvas fills the window: its
// size changes only with the viewport, browser zoom included). Reading it every frame would force the
// browser to lay out the page every frame, the accessible mirror's large hidden DOM included.
EM_JS(void, dah_js_canvas_css_size, (double* width, double* height), {
    let size = Module['canvasCssSize'];
    if (!size) {
        size = Module['canvasCssSize'] = {};
        const read = () => {
            const r = document.getElementById('canvas').getBoundingClientRect();
            size.w = r.width;
            size.h = r.height;
        };
        read();
        window.addEventListener('resize', read);
    }
    HEAPF64[width >> 3] = size.w;
    HEAPF64[height >> 3] = size.h;
});

// The canvas's CSS size becomes ImGui's display size; its drawing buffer gets the device pixels
// (crisp text on high-density screens and projectors at any browser zoom).
void fit_canvas(WebApp& w) {
    double css_w = 0, css_h = 0;
    dah_js_canvas_css_size(&css_w, &css_h);
    if (css_w < 1 || css_h < 1) return;
    const double ratio = emscripten_get_device_pixel_ratio();
    const int pixels_w = static_cast<int>(std::lround(css_w * ratio)), pixels_h = static_cast<int>(std::lround(css_h * ratio));
    ImGuiIO& io = ImGui::GetIO();
    if (w.canvas_pixels_w != pixels_w || w.canvas_pixels_h != pixels_h || io.DisplaySize.x != static_cast<float>(css_w) ||
        io.DisplaySize.y != static_cast<float>(css_h)) {
        emscripten_set_canvas_element_size("#canvas", pixels_w, pixels_h);
        w.canvas_pixels_w = pixels_w;
        w.canvas_pixels_h = pixels_h;
        w.submitted.forget();  // resizing cleared the drawing buffer
        dah::ui::wake(w.app);
    }
    io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(pixels_w / css_w), static_cast<float>(pixels_h / css_h));
}

void wake(WebApp& w);

// The tutor's result after a command (the engine's posterior, why it moved, next tests), computed in
// a task of its own after the frame that sent the command; the next frame shows it.
void refresh(WebApp& w) {
    const double start = emscripten_get_now();
    w.app.tutor.result();
    w.last_refresh_ms = emscripten_get_now() - start;
}

void refresh_after_frame(void* arg) {
    WebApp& w = *static_cast<WebApp*>(arg);
    w.refresh_scheduled = false;
    if (!w.app.tutor.result_outdated()) return;
    refresh(w);
    wake(w);
}

void save_after_frame(void* arg) {
    WebApp& w = *static_cast<WebApp*>(arg);
    w.save_scheduled = false;
    dah::ui::after_frame(w.app);
}

EM_BOOL on_animation_frame(double, void* arg);

// One animation frame at a time, asked for again after each frame drawn. (Emscripten's main loop would
// do the same, but brings its Browser library into the download: fullscreen, pointer lock, image
// decoding.)
void request_frame(WebApp& w) {
    if (w.frame_requested) return;
    w.frame_requested = true;
    emscripten_request_animation_frame(on_animation_frame, &w);
}

void resume_loop(void* arg) {
    WebApp& w = *static_cast<WebApp*>(arg);
    if (!w.paused) return;
    w.paused = false;
    request_frame(w);
}

// Nothing to draw: stop asking the browser for frames (an idle requestAnimationFrame loop alone costs
// about 6 % of a core in Chromium) until input, dah_wake (resize, focus: shell/loader.js) or the next
// timer (caret, idle reset) resumes the loop.
void pause_loop(WebApp& w) {
    w.paused = true;
    if (w.next_timer >= 0) {
        const double ms = (w.next_timer - w.platform.now_seconds()) * 1000.0;
        emscripten_set_timeout(resume_loop, ms > 0 ? std::floor(ms) + 1 : 0, &w);
    }
}

void draw(WebApp& w);

void loop(WebApp& w) {
    w.in_frame = true;
    draw(w);
    w.in_frame = false;
    if (!w.paused) request_frame(w);
}

EM_BOOL on_animation_frame(double, void* arg) {
    WebApp& w = *static_cast<WebApp*>(arg);
    w.frame_requested = false;
    if (!w.paused) loop(w);
    return EM_FALSE;
}

void draw(WebApp& w) {
    const double frame_start = emscripten_get_now();
    if (w.input.feed()) dah::ui::wake(w.app);
    const dah::platform::ZoomRequest zoom = w.input.take_zoom();
    if (zoom.ui_steps != 0) dah::ui::zoom_ui(w.app, zoom.ui_steps);
    if (zoom.pinch != 1) dah::ui::pinch(w.app, zoom.pinch, zoom.x, zoom.y);
    if (w.input.pending()) dah::ui::wake(w.app, 2);
    fit_canvas(w);
    const double now = w.platform.now_seconds();
    if (w.next_timer >= 0 && now >= w.next_timer) dah::ui::wake(w.app, 1);
    if (!dah::ui::wants_frame(w.app)) {
        pause_loop(w);
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = w.last_frame_start > 0 ? std::max(static_cast<float>((frame_start - w.last_frame_start) / 1000.0), 1e-4f) : 1.0f / 60.0f;
    w.last_frame_start = frame_start;

    if (dah::ui::update_fonts(w.app, io.DisplayFramebufferScale.x) || !w.renderer.has_fonts()) {
        w.renderer.upload_fonts();
        w.submitted.forget();  // a new texture, perhaps under the old name
    }
    // Keys and the mirror's intents can bring a frame before that task has run: it would show the
    // result before the last command (a slider back at its old value for a frame, and the mirror's next
    // key stepping from there), so it computes the result first.
    if (w.app.tutor.result_outdated()) refresh(w);
    ImGui::NewFrame();
    dah::ui::frame(w.app);
    ImGui::Render();
    const double ui_done = emscripten_get_now();
    w.input.update_page();
    if (w.app.a11y.take_changed()) dah_js_mirror(w.app.a11y.text().c_str());
    const double mirror_done = emscripten_get_now();
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const ImDrawData& drawn = *ImGui::GetDrawData();
    if (w.submitted.needs_sending(drawn, bg)) {
        w.renderer.render(drawn, bg);
    }
    const double t = dah::ui::seconds_until_timer(w.app);
    w.next_timer = t >= 0 ? now + t : -1;
    const double frame_done = emscripten_get_now();
    w.last_frame_ms = frame_done - frame_start;
    w.last_parts_ms[0] = ui_done - frame_start;
    w.last_parts_ms[1] = mirror_done - ui_done;
    w.last_parts_ms[2] = frame_done - mirror_done;
    if (w.app.tutor.result_outdated() && !w.refresh_scheduled) {
        w.refresh_scheduled = true;
        emscripten_set_timeout(refresh_after_frame, 0, &w);
    }
    // Saving runs in a task of its own, after the browser has had the chance to show the frame.
    if (!w.save_scheduled) {
        w.save_scheduled = true;
        emscripten_set_timeout(save_after_frame, 0, &w);
    }
}

void wake(WebApp& w) {
    dah::ui::wake(w.app);
    resume_loop(&w);
}

}  // namespace

// The page owns the app: shell/loader.js creates it (dah_create) before handing over the font, keeps the
// pointer as Module.dahApp, and passes it to every call. No state lives in a global.
extern "C" {

EMSCRIPTEN_KEEPALIVE WebApp* dah_create() { return new WebApp(); }

EMSCRIPTEN_KEEPALIVE void dah_add_file(WebApp* w, const char* name, const unsigned char* data, int size) {
    if (!w || !name || !data || size < 0) return;
    dah::ui::add_file(w->app, name, std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)));
}

// A case file the user chose or dropped on the page (shell/loader.js): validated and, if good, added.
EMSCRIPTEN_KEEPALIVE int dah_import_file(WebApp* w, const char* name, const unsigned char* data, int size) {
    if (!w || !name || !data || size < 0) return 0;
    const bool ok = dah::ui::import_case(w->app, name, std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)));
    return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* dah_state_json(WebApp* w) { return dah::ui::state_json(w->app).c_str(); }

// The learner's event log, one JSON object per line (the format `dah session` replays).
EMSCRIPTEN_KEEPALIVE const char* dah_events_jsonl(WebApp* w) { return dah::ui::events_jsonl(w->app).c_str(); }

// Text committed in the page's hidden text field (typed, composed by an input method, pasted).
EMSCRIPTEN_KEEPALIVE void dah_text_input(WebApp* w, const char* utf8) { w->input.push_text(utf8); }

// Text from the page's paste event.
EMSCRIPTEN_KEEPALIVE void dah_paste_text(WebApp* w, const char* utf8) { w->input.paste(utf8); }

// What a copy or cut event puts on the clipboard: the active text field's selection (or its text).
EMSCRIPTEN_KEEPALIVE const char* dah_copy_text(WebApp* w) { return w->input.copy_text().c_str(); }

// The accessible mirror (shell/mirror.js): the current tree, and what the learner did through it —
// activate a control (a click), set a slider or a list's value, type into a field, move the focus.
EMSCRIPTEN_KEEPALIVE const char* dah_a11y_tree(WebApp* w) { return w->app.a11y.text().c_str(); }

EMSCRIPTEN_KEEPALIVE void dah_a11y_intent(WebApp* w, int kind, const char* id, double value, const char* text) {
    if (!w || !id || kind < 0 || kind > 3) return;
    dah::ui::A11yIntent intent;
    intent.kind = static_cast<dah::ui::A11yIntent::Kind>(kind);
    intent.id = id;
    intent.value = value;
    if (text) intent.text = text;
    w->app.a11y.push(std::move(intent));
    wake(*w);
    // At once, not at the next animation frame (which a busy GPU process can hold back for half a
    // second): a screen reader's action is answered, and announced, without delay.
    if (!w->in_frame) loop(*w);
}

EMSCRIPTEN_KEEPALIVE int dah_frame_count(WebApp* w) { return static_cast<int>(w->app.frame_count); }

EMSCRIPTEN_KEEPALIVE void dah_wake(WebApp* w) { wake(*w); }

// Class mode (shell/class_mode.js): the hall's counts of stage `stage` of case `case_id`. 1 = taken.
EMSCRIPTEN_KEEPALIVE int dah_set_class_votes(WebApp* w, const char* case_id, int stage, int immune, int coagulopathic,
                                             int other, int both) {
    // The same command as a vote in the event log: refused unless that case and stage are on screen.
    dah::tutor::Event vote;
    vote.type = "vote";
    vote.case_id = case_id;
    vote.stage = stage;
    vote.counts = {{"immune", immune}, {"coagulopathic", coagulopathic}, {"other", other}, {"both", both}};
    const bool taken = w->app.tutor.apply(vote);
    if (taken) wake(*w);
    return taken ? 1 : 0;
}

// Every file handed over after main (the case library, fetched while the first frame is drawn) is in.
EMSCRIPTEN_KEEPALIVE void dah_files_done(WebApp* w) {
    dah::ui::files_done(w->app);
    wake(*w);
}

// For the benchmark and the soak test: the last frame's wall time (its CPU time comes from Chromium's
// trace: tests/perf/frame_cpu.mjs), and the bytes malloc has handed out.
EMSCRIPTEN_KEEPALIVE double dah_frame_time_ms(WebApp* w) { return w->last_frame_ms; }
// Where that time went: 0 ImGui's frame, 1 the accessible mirror, 2 the GL submission; 3 the tutor's
// last recomputation, between frames; of ImGui's frame, 4 recording pictures and 5 baking them.
EMSCRIPTEN_KEEPALIVE double dah_frame_part_ms(WebApp* w, int part) {
    const int frame = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : -1;
    switch (part) {
    case 0: case 1: case 2: return w->last_parts_ms[part];
    case 3: return w->last_refresh_ms;
    case 4: return w->app.render.pictures.recording_ms(frame);
    case 5: return w->app.render.pictures.baking_ms(frame);
    default: return 0;
    }
}

EMSCRIPTEN_KEEPALIVE int dah_heap_bytes() { return static_cast<int>(mallinfo().uordblks); }

}  // extern "C"

int main(int argc, char** argv) {
    auto* app = reinterpret_cast<WebApp*>(dah_js_app());
    if (!app) {
        emscripten_console_error("The page did not create the app (dah_create)");
        return 1;
    }
    WebApp& w = *app;
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    dah::ui::start(w.app, w.platform, dah::ui::parse_options(args));

    // The context keeps its drawing buffer: the app draws only when something changes, and the page
    // (and its tests) can still read the canvas. shell/loader.js has usually made this context already
    // (with the same attributes), while the app downloaded; then this call returns it.
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;
    attrs.preserveDrawingBuffer = true;
    w.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (w.gl <= 0 || emscripten_webgl_make_context_current(w.gl) != EMSCRIPTEN_RESULT_SUCCESS) {
        emscripten_console_error(("WebGL 2 context failed (" + std::to_string(static_cast<int>(w.gl)) + ")").c_str());
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout comes from the window size, not a saved file
    // Buffers of windows not drawn for 10 s are freed (ImGui's default is 60 s): memory follows the screen.
    io.ConfigMemoryCompactTimer = 10.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    w.input.install([&w] { wake(w); });
    if (!w.renderer.init()) return 1;
    w.app.refresh_between_frames = true;
    w.app.render.pictures.set_baker(&w.renderer);
    fit_canvas(w);

    loop(w);  // the first frame now, not one animation frame later
    return 0;
}
