// The browser main loop: files arrive through dah_add_file before main; main starts SDL, WebGL 2
// and ImGui and hands a frame callback to the browser. Frames are drawn only when something
// changed (input, resize, dah_wake, a timer); otherwise the callback returns at once.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <malloc.h>

#include <SDL.h>
#include <SDL_opengles2.h>

#include <memory>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include "platform_web.hpp"
#include "sdl_events.hpp"
#include "ui/app.hpp"
#include "ui/modes.hpp"

namespace {

struct WebApp {
    dah::ui::AppState app;
    dah::ui::WebPlatform platform;
    SDL_Window* window = nullptr;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    double next_timer = -1;
    SdlEventFeed events;
    double last_frame_ms = 0;  // CPU time of the last drawn frame (UI build + render), for the benchmark
    bool paused = false;       // the browser is not asked for frames (see pause_loop)
};

// The one instance, reached by the exported C functions the page calls.
std::unique_ptr<WebApp> instance;

WebApp& web_app() {
    if (!instance) instance = std::make_unique<WebApp>();
    return *instance;
}

void fit_canvas(WebApp& w) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    int win_w = 0, win_h = 0;
    SDL_GetWindowSize(w.window, &win_w, &win_h);
    if (css_w >= 1 && css_h >= 1 && (static_cast<int>(css_w) != win_w || static_cast<int>(css_h) != win_h)) {
        SDL_SetWindowSize(w.window, static_cast<int>(css_w), static_cast<int>(css_h));
        dah::ui::wake(w.app);
    }
}

void resume_loop(void* arg) {
    WebApp& w = *static_cast<WebApp*>(arg);
    if (!w.paused) return;
    w.paused = false;
    emscripten_resume_main_loop();
}

// Nothing to draw: stop asking the browser for frames (an idle requestAnimationFrame loop alone costs
// about 6 % of a core in Chromium) until dah_wake (input, resize, focus: shell/loader.js) or the next
// timer (caret, idle reset) resumes the loop.
void pause_loop(WebApp& w) {
    emscripten_pause_main_loop();
    w.paused = true;
    if (w.next_timer >= 0) {
        const double ms = (w.next_timer - w.platform.now_seconds()) * 1000.0;
        emscripten_async_call(resume_loop, &w, ms > 0 ? static_cast<int>(ms) + 1 : 0);
    }
}

void loop(void* arg) {
    WebApp& w = *static_cast<WebApp*>(arg);
    bool quit = false;
    if (w.events.feed(quit)) dah::ui::wake(w.app);
    if (w.events.pending()) dah::ui::wake(w.app, 2);
    fit_canvas(w);
    const double now = w.platform.now_seconds();
    if (w.next_timer >= 0 && now >= w.next_timer) dah::ui::wake(w.app, 1);
    if (!dah::ui::wants_frame(w.app)) {
        pause_loop(w);
        return;
    }
    const double frame_start = emscripten_get_now();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (dah::ui::update_fonts(w.app, ImGui::GetIO().DisplayFramebufferScale.x)) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui::NewFrame();
    dah::ui::frame(w.app);
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const double t = dah::ui::seconds_until_timer(w.app);
    w.next_timer = t >= 0 ? now + t : -1;
    w.last_frame_ms = emscripten_get_now() - frame_start;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void dah_add_file(const char* name, const unsigned char* data, int size) {
    if (!name || !data || size < 0) return;
    dah::ui::add_file(web_app().app, name, std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)));
}

// A case file the user chose or dropped on the page (shell/loader.js): validated and, if good, added.
EMSCRIPTEN_KEEPALIVE int dah_import_file(const char* name, const unsigned char* data, int size) {
    if (!name || !data || size < 0) return 0;
    const bool ok = dah::ui::import_case(web_app().app, name, std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)));
    return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* dah_state_json() { return dah::ui::state_json(web_app().app).c_str(); }

EMSCRIPTEN_KEEPALIVE int dah_frame_count() { return static_cast<int>(web_app().app.frame_count); }

EMSCRIPTEN_KEEPALIVE void dah_wake() {
    WebApp& w = web_app();
    dah::ui::wake(w.app);
    resume_loop(&w);
}

// For the benchmark and the soak test: the last frame's CPU time, and the bytes malloc has handed out.
EMSCRIPTEN_KEEPALIVE double dah_frame_time_ms() { return web_app().last_frame_ms; }

EMSCRIPTEN_KEEPALIVE int dah_heap_bytes() { return static_cast<int>(mallinfo().uordblks); }

}  // extern "C"

int main(int argc, char** argv) {
    WebApp& w = web_app();
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    dah::ui::start(w.app, w.platform, dah::ui::parse_options(args));

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        emscripten_log(EM_LOG_ERROR, "SDL_Init failed: %s", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    double css_w = 1280, css_h = 800;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    w.window = SDL_CreateWindow("DAH Tutor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, static_cast<int>(css_w),
                                static_cast<int>(css_h), SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!w.window) {
        emscripten_log(EM_LOG_ERROR, "SDL_CreateWindow failed: %s", SDL_GetError());
        return 1;
    }
    // The WebGL 2 context is made here rather than by SDL so that it keeps its drawing buffer: the
    // app draws only when something changes, and the page (and its tests) can still read the canvas.
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
        emscripten_log(EM_LOG_ERROR, "WebGL 2 context failed (%d)", static_cast<int>(w.gl));
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout comes from the window size, not a saved file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(w.window, nullptr);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    emscripten_set_main_loop_arg(loop, &w, 0, 0);
    return 0;
}
