// The desktop main loop: reads the data files from --data DIR (default: the repo's cases/), opens
// an SDL window with OpenGL 3, and draws only when something changed (SDL_WaitEventTimeout).
#include <SDL.h>
#include <SDL_opengl.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include "platform_desktop.hpp"
#include "sdl_events.hpp"
#include "ui/app.hpp"
#include "ui/modes.hpp"

namespace fs = std::filesystem;

static bool read_file(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

// The same files the web shell hands over: the font, the knowledge base, then every case.
static void add_data_files(dah::ui::AppState& app, const std::string& data_dir) {
    std::string bytes;
    if (read_file(DAH_DEFAULT_FONT, bytes)) {
        dah::ui::add_file(app, "ui-font.ttf", std::move(bytes));
        if (read_file(DAH_DEFAULT_FONT_EXTRA, bytes)) dah::ui::add_file(app, "ui-font-extra.ttf", std::move(bytes));
    } else if (read_file(DAH_FALLBACK_FONT, bytes)) {
        dah::ui::add_file(app, "ui-font.ttf", std::move(bytes));  // the whole font: nothing to add
    }
    if (read_file(fs::path(data_dir) / "knowledge-base-v2.json", bytes)) dah::ui::add_file(app, "knowledge-base-v2.json", std::move(bytes));
    std::error_code ec;
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 10 && name.compare(name.size() - 10, 10, ".case.json") == 0) cases.push_back(entry.path());
    }
    for (const auto& p : cases)
        if (read_file(p, bytes)) dah::ui::add_file(app, p.filename().string(), std::move(bytes));
}

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    for (std::size_t i = 0; i + 1 < args.size(); ++i)  // also accept "--data DIR" with a space
        if (args[i] == "--data" || args[i] == "--profile") {
            args[i] += "=" + args[i + 1];
            args.erase(args.begin() + static_cast<long>(i) + 1);
        }
    dah::ui::Options options = dah::ui::parse_options(args);
    for (const std::string& a : options.unknown) std::fprintf(stderr, "dah-tutor: ignoring unknown option %s\n", a.c_str());
    if (options.data_dir.empty()) options.data_dir = DAH_DEFAULT_DATA_DIR;

    dah::ui::AppState app;
    dah::ui::DesktopPlatform platform(options.profile_dir);
    add_data_files(app, options.data_dir);
    dah::ui::start(app, platform, options);

    // A kiosk cannot be closed from the app (its window's close button and Alt+F4 are ignored), but
    // SIGINT / SIGTERM from whoever runs the machine still end it: SDL must not turn them into SDL_QUIT.
    if (options.kiosk) SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "dah-tutor: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (options.fullscreen || options.kiosk) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window* window = SDL_CreateWindow("DAH Tutor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800, flags);
    if (!window) {
        std::fprintf(stderr, "dah-tutor: cannot open a window: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GLContext gl = SDL_GL_CreateContext(window);
    if (!gl) {
        std::fprintf(stderr, "dah-tutor: OpenGL 3.2 is not available: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(window, gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    // Buffers of windows not drawn for 10 s are freed (ImGui's default is 60 s): memory follows the screen.
    io.ConfigMemoryCompactTimer = 10.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 150");

    bool running = true;
    SdlEventFeed events;
    while (running) {
        // Sleep until an event, or until a timer (caret blink, idle reset) needs a frame.
        SDL_Event event;
        const double timer = dah::ui::seconds_until_timer(app);
        const bool waiting = !dah::ui::wants_frame(app);
        if (waiting && !events.pending() && SDL_WaitEventTimeout(&event, timer >= 0 ? static_cast<int>(timer * 1000) : 1000)) {
            events.add(event);
        } else if (waiting && timer >= 0) {
            dah::ui::wake(app, 1);
        }
        bool quit = false;
        if (events.feed(quit)) dah::ui::wake(app);
        if (events.pending()) dah::ui::wake(app, 2);
        if (quit && !options.kiosk) running = false;
        for (const std::string& path : events.take_dropped_files()) {  // case import by drag and drop
            std::string bytes;
            if (read_file(path, bytes)) dah::ui::import_case(app, fs::path(path).filename().string(), bytes);
            dah::ui::wake(app);
        }
        if (!dah::ui::wants_frame(app)) continue;

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        if (dah::ui::update_fonts(app, io.DisplayFramebufferScale.x)) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
            io.Fonts->ClearTexData();  // the pixels are on the GPU now: no CPU copy per UI scale kept
        }
        ImGui::NewFrame();
        dah::ui::frame(app);
        ImGui::Render();
        glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                   static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        SDL_GL_SwapWindow(window);
        dah::ui::after_frame(app);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
