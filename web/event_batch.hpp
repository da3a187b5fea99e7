// ImGui 1.86 reads keys and mouse buttons as "down in this frame", so a press and release that arrive
// between two frames (a fast tap, a test's key press or click, events batched while the app sleeps)
// would never be seen. Both platform layers therefore hand a batch of events to ImGui only up to the
// release of something pressed in the same batch; that release and everything after it wait for the
// next frame. A press of something released earlier in the batch waits too: released and pressed again
// in one frame, a key would read as held down (no new press), and a second Backspace would be lost.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace dah::platform {

// How many of `events` to apply this frame. `press_of(e)` / `release_of(e)` give the id of the key or
// button an event presses / releases, or a negative number when it does neither.
template <class Event, class PressOf, class ReleaseOf>
std::size_t events_for_this_frame(const std::vector<Event>& events, PressOf press_of, ReleaseOf release_of) {
    std::vector<int> pressed, released;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const int up = release_of(events[i]);
        if (up >= 0 && std::find(pressed.begin(), pressed.end(), up) != pressed.end()) return i;
        const int down = press_of(events[i]);
        if (down >= 0 && std::find(released.begin(), released.end(), down) != released.end()) return i;
        if (up >= 0) released.push_back(up);
        if (down >= 0) pressed.push_back(down);
    }
    return events.size();
}

}  // namespace dah::platform
