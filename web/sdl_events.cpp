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

// Shortcuts follow the character a key types, as in the browser (html5_input.cpp): on AZERTY the key
// that types "w" is W. SDL's key symbol follows the layout; a key that types no Latin letter or digit
// (Cyrillic, Greek) keeps its physical place.
SDL_Event by_character(SDL_Event e) {
    if (e.type != SDL_KEYDOWN && e.type != SDL_KEYUP) return e;
    const SDL_Keycode k = e.key.keysym.sym;
    if (k >= SDLK_a && k <= SDLK_z) e.key.keysym.scancode = static_cast<SDL_Scancode>(SDL_SCANCODE_A + (k - SDLK_a));
    else if (k >= SDLK_1 && k <= SDLK_9) e.key.keysym.scancode = static_cast<SDL_Scancode>(SDL_SCANCODE_1 + (k - SDLK_1));
    else if (k == SDLK_0) e.key.keysym.scancode = SDL_SCANCODE_0;
    return e;
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
        const SDL_Event key = by_character(ev);
        ImGui_ImplSDL2_ProcessEvent(&key);
        handled = true;
    }
    return handled;
}
