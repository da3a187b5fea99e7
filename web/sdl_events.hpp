// Feeds SDL events to ImGui (desktop) so that no key press or click is lost (see event_batch.hpp).
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

class SdlEventFeed {
public:
    // Polls SDL and hands this frame's events to ImGui. Returns true when any event was handled;
    // `quit` is set on SDL_QUIT. pending() says more events wait for the next frame.
    bool feed(bool& quit);
    bool pending() const { return !deferred_.empty(); }
    void add(const SDL_Event& event) { deferred_.push_back(event); }
    // Paths of files dropped on the window since the last call (case import, desktop).
    std::vector<std::string> take_dropped_files() { return std::move(dropped_); }

private:
    std::vector<SDL_Event> deferred_;
    std::vector<std::string> dropped_;
};
