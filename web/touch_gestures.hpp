// Fingers to pointer events: a tap is a click, a drag scrolls (with momentum once the finger lifts), a
// long press hovers (its tooltip stays once the finger lifts), two fingers pinch. A drag that starts on a
// control presses it only when it is mostly horizontal (a slider's own direction): a mostly vertical
// swipe over a slider scrolls the page and never sets the slider. Plain C++: the browser layer feeds it.
#pragma once

#include <vector>

#include "input_event.hpp"

namespace dah::platform {

class TouchGestures {
public:
    static constexpr float slop_px = 10;        // movement below this is still a tap or a long press
    static constexpr double long_press_s = 0.5;  // held this long without moving: hover help, no click
    static constexpr float visible_glide_px_s = 60;  // slower, a glide moves under a pixel a frame: a touch on it is a new touch

    // A finger went down / moved / lifted (cancelled) at (x, y) CSS pixels, `t` seconds. `over_control`
    // tells whether the pointer was over a control when the drag started (asked only when it starts).
    void down(int id, float x, float y, double t, std::vector<InputEvent>& out);
    template <class OverControl>
    void move(int id, float x, float y, double t, OverControl over_control, std::vector<InputEvent>& out) {
        move_(id, x, y, t, mode_ == Mode::pending && far_from_start(x, y) ? over_control() : false, out);
    }
    void up(int id, float x, float y, double t, bool cancelled, std::vector<InputEvent>& out);

    // Momentum after a scroll: the scroll (CSS pixels) for the time since the last call, or false once it
    // has died down. A new touch stops it.
    bool momentum(double t, float& dx, float& dy);
    bool moving() const { return momentum_; }
    float start_x() const { return x0_; }  // where the last drag started
    float start_y() const { return y0_; }

private:
    enum class Mode { idle, pending, caught, pressing, scrolling, pinching };  // caught: a touch that stopped a glide
    bool far_from_start(float x, float y) const;
    void move_(int id, float x, float y, double t, bool over_control, std::vector<InputEvent>& out);

    Mode mode_ = Mode::idle;
    int first_ = -1, second_ = -1;  // finger ids
    float x0_ = 0, y0_ = 0, x_ = 0, y_ = 0, x2_ = 0, y2_ = 0;  // start and last positions
    double t0_ = 0, t_ = 0;
    float vx_ = 0, vy_ = 0;  // scroll velocity, CSS px per second (smoothed)
    bool momentum_ = false;
    double momentum_t_ = 0;
};

}  // namespace dah::platform
