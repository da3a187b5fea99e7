#include "touch_gestures.hpp"

#include <algorithm>
#include <cmath>

namespace dah::platform {
namespace {

using K = InputEvent::Kind;
InputEvent at(K kind, float x, float y) { return InputEvent{kind, 0, x, y}; }
float distance(float ax, float ay, float bx, float by) { return std::hypot(ax - bx, ay - by); }

}  // namespace

bool TouchGestures::far_from_start(float x, float y) const { return distance(x, y, x0_, y0_) > slop_px; }

void TouchGestures::down(int id, float x, float y, double t, std::vector<InputEvent>& out) {
    if (mode_ == Mode::idle) {
        // A touch while the content still visibly glides catches it, as on a phone: it stops the glide and
        // clicks nothing, and the same finger can drag the content on.
        mode_ = momentum_ && std::hypot(vx_, vy_) > visible_glide_px_s ? Mode::caught : Mode::pending;
        momentum_ = false;
        first_ = id, x0_ = x_ = x, y0_ = y_ = y, t0_ = t_ = t, vx_ = vy_ = 0;
        if (mode_ == Mode::pending) out.push_back(at(K::move, x, y));  // hover: the control a press would hit
        return;
    }
    if (second_ >= 0) return;
    // A second finger: a pinch, whatever the first was doing.
    if (mode_ == Mode::pressing) out.push_back(at(K::button_up, -1e6f, -1e6f));  // released off the control: no click
    out.push_back(at(K::leave, 0, 0));
    mode_ = Mode::pinching;
    second_ = id, x2_ = x, y2_ = y;
}

void TouchGestures::move_(int id, float x, float y, double t, bool over_control, std::vector<InputEvent>& out) {
    if (mode_ == Mode::pinching) {
        const float before = distance(x_, y_, x2_, y2_);
        if (id == first_) x_ = x, y_ = y;
        else if (id == second_) x2_ = x, y2_ = y;
        const float after = distance(x_, y_, x2_, y2_);
        if (before > 1 && after > 1) {
            InputEvent e = at(K::pinch, (x_ + x2_) / 2, (y_ + y2_) / 2);
            e.factor = after / before;
            out.push_back(e);
        }
        return;
    }
    if (id != first_) return;
    if ((mode_ == Mode::pending || mode_ == Mode::caught) && far_from_start(x, y)) {
        // Mostly sideways on a control (a slider, a button): the control's drag. Otherwise a scroll.
        const bool sideways = std::fabs(x - x0_) > std::fabs(y - y0_);
        if (sideways && over_control && mode_ == Mode::pending) {
            mode_ = Mode::pressing;
            out.push_back(at(K::button_down, x0_, y0_));
        } else {
            mode_ = Mode::scrolling;
            out.push_back(at(K::leave, 0, 0));  // nothing stays hovered under a scrolling finger
        }
    }
    if (mode_ == Mode::pressing) out.push_back(at(K::move, x, y));
    if (mode_ == Mode::scrolling) {
        InputEvent e = at(K::scroll, x0_, y0_);
        e.dx = x - x_, e.dy = y - y_;
        out.push_back(e);
        const double dt = t - t_;
        if (dt > 0) {  // smoothed over the last ~50 ms of movement
            const float k = static_cast<float>(std::min(1.0, dt / 0.05));
            vx_ += k * (static_cast<float>(e.dx / dt) - vx_);
            vy_ += k * (static_cast<float>(e.dy / dt) - vy_);
        }
    }
    x_ = x, y_ = y, t_ = t;
}

void TouchGestures::up(int id, float x, float y, double t, bool cancelled, std::vector<InputEvent>& out) {
    if (id == second_) second_ = -1;
    if (id != first_) return;
    switch (mode_) {
    case Mode::pending:
        if (!cancelled && t - t0_ < long_press_s) {  // a tap: a click, then nothing hovered
            out.push_back(at(K::button_down, x0_, y0_));
            out.push_back(at(K::button_up, x0_, y0_));
            out.push_back(at(K::leave, 0, 0));
        } else if (cancelled) {
            out.push_back(at(K::leave, 0, 0));
        }  // a long press leaves the pointer where it is: its tooltip stays until the next touch
        break;
    case Mode::pressing:
        out.push_back(at(K::move, x, y));
        out.push_back(at(K::button_up, x, y));
        out.push_back(at(K::leave, 0, 0));
        break;
    case Mode::scrolling:
        // Lifted while still moving (the last movement is recent): the content glides on.
        momentum_ = !cancelled && t - t_ < 0.1 && std::hypot(vx_, vy_) > 100;
        momentum_t_ = -1;  // the glide's clock starts at its first frame (event times may run on another clock)
        break;
    default: break;
    }
    mode_ = Mode::idle;
    first_ = second_ = -1;
}

bool TouchGestures::momentum(double t, float& dx, float& dy) {
    if (!momentum_) return false;
    const double dt = momentum_t_ < 0 ? 0.0 : std::clamp(t - momentum_t_, 0.0, 0.1);
    momentum_t_ = t;
    dx = static_cast<float>(vx_ * dt), dy = static_cast<float>(vy_ * dt);
    // Decays like a flick on a phone: a time constant of about a third of a second.
    const float decay = static_cast<float>(std::exp(-dt / 0.325));
    vx_ *= decay, vy_ *= decay;
    if (std::hypot(vx_, vy_) < 20) momentum_ = false;
    return true;
}

}  // namespace dah::platform
