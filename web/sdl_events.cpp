#include "sdl_events.hpp"

#include <algorithm>

#include <imgui_impl_sdl.h>

bool SdlEventFeed::feed(bool& quit) {
    std::vector<SDL_Event> events;
    events.swap(deferred_);
    SDL_Event e;
    while (SDL_PollEvent(&e)) events.push_back(e);
    std::vector<SDL_Scancode> pressed;
    bool handled = false;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const SDL_Event& ev = events[i];
        if (ev.type == SDL_KEYUP && std::find(pressed.begin(), pressed.end(), ev.key.keysym.scancode) != pressed.end()) {
            deferred_.assign(events.begin() + static_cast<long>(i), events.end());
            break;
        }
        if (ev.type == SDL_KEYDOWN) pressed.push_back(ev.key.keysym.scancode);
        if (ev.type == SDL_QUIT) quit = true;
        if (ev.type == SDL_DROPFILE && ev.drop.file) {
            dropped_.emplace_back(ev.drop.file);
            SDL_free(ev.drop.file);
            handled = true;
            continue;
        }
        ImGui_ImplSDL2_ProcessEvent(&ev);
        handled = true;
    }
    return handled;
}
