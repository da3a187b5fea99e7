#include "sdl_events.hpp"

#include <imgui_impl_sdl.h>

#include "event_batch.hpp"

namespace {

// Keys and mouse buttons share one id space for the batch rule: keys by scancode, buttons above them.
constexpr int button_id_base = SDL_NUM_SCANCODES;

int pressed_id(const SDL_Event& e) {
    if (e.type == SDL_KEYDOWN) return e.key.keysym.scancode;
    if (e.type == SDL_MOUSEBUTTONDOWN) return button_id_base + e.button.button;
    return -1;
}

int released_id(const SDL_Event& e) {
    if (e.type == SDL_KEYUP) return e.key.keysym.scancode;
    if (e.type == SDL_MOUSEBUTTONUP) return button_id_base + e.button.button;
    return -1;
}

}  // namespace

bool SdlEventFeed::feed(bool& quit) {
    std::vector<SDL_Event> events;
    events.swap(deferred_);
    SDL_Event e;
    while (SDL_PollEvent(&e)) events.push_back(e);
    const std::size_t now = dah::platform::events_for_this_frame(events, pressed_id, released_id);
    deferred_.assign(events.begin() + static_cast<long>(now), events.end());
    bool handled = false;
    for (std::size_t i = 0; i < now; ++i) {
        const SDL_Event& ev = events[i];
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
