// The touch rules (web/touch_gestures.cpp), finger by finger: what a tap, a long press, a drag on a
// slider (vertical and sideways), a flick and a pinch become as pointer events.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "touch_gestures.hpp"

namespace {

using dah::platform::InputEvent;
using dah::platform::TouchGestures;
using K = InputEvent::Kind;

int count(const std::vector<InputEvent>& events, K kind) {
    int n = 0;
    for (const InputEvent& e : events) n += e.kind == kind;
    return n;
}

TEST(TouchGestures, TapIsOneClickThenNothingHovered) {
    TouchGestures g;
    std::vector<InputEvent> out;
    g.down(7, 100, 200, 10.0, out);
    g.move(7, 103, 202, 10.05, [] { return true; }, out);  // within the slop: still a tap
    g.up(7, 103, 202, 10.1, false, out);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out[0].kind, K::move);
    EXPECT_EQ(out[1].kind, K::button_down);
    EXPECT_EQ(out[1].x, 100);  // where the finger went down
    EXPECT_EQ(out[2].kind, K::button_up);
    EXPECT_EQ(out[3].kind, K::leave);
}

TEST(TouchGestures, LongPressHoversWithoutClickAndStays) {
    TouchGestures g;
    std::vector<InputEvent> out;
    g.down(1, 50, 60, 0.0, out);
    g.up(1, 50, 60, TouchGestures::long_press_s + 0.1, false, out);
    EXPECT_EQ(count(out, K::move), 1);
    EXPECT_EQ(count(out, K::button_down), 0);
    EXPECT_EQ(count(out, K::leave), 0);  // the help stays up after the finger lifts
}

TEST(TouchGestures, VerticalSwipeOnASliderScrollsAndNeverPresses) {
    TouchGestures g;
    std::vector<InputEvent> out;
    g.down(1, 200, 400, 0.0, out);
    float moved = 0;
    for (float i = 1; i <= 10; ++i) g.move(1, 200 + 3.0f * i, 400 - 25.0f * i, 0.016 * i, [] { return true; }, out);
    g.up(1, 230, 150, 0.17, false, out);
    EXPECT_EQ(count(out, K::button_down), 0) << "a slider under a vertical swipe is never pressed";
    for (const InputEvent& e : out)
        if (e.kind == K::scroll) moved += e.dy;
    EXPECT_FLOAT_EQ(moved, -250.0f);  // the content follows the finger exactly
}

TEST(TouchGestures, SidewaysDragOnAControlPressesIt) {
    TouchGestures g;
    std::vector<InputEvent> out;
    g.down(1, 100, 300, 0.0, out);
    for (float i = 1; i <= 5; ++i) g.move(1, 100 + 20.0f * i, 302, 0.016 * i, [] { return true; }, out);
    g.up(1, 200, 302, 0.1, false, out);
    EXPECT_EQ(count(out, K::button_down), 1);
    EXPECT_EQ(count(out, K::button_up), 1);
    EXPECT_EQ(count(out, K::scroll), 0);
}

TEST(TouchGestures, SidewaysDragAwayFromControlsScrolls) {
    TouchGestures g;
    std::vector<InputEvent> out;
    g.down(1, 100, 300, 0.0, out);
    for (float i = 1; i <= 5; ++i) g.move(1, 100 - 20.0f * i, 300, 0.016 * i, [] { return false; }, out);
    EXPECT_EQ(count(out, K::button_down), 0);
    EXPECT_GT(count(out, K::scroll), 0);
}

TEST(TouchGestures, FlickGlidesAndSlowsToAStop) {
    TouchGestures g;
    std::vector<InputEvent> out;
    g.down(1, 200, 600, 0.0, out);
    for (float i = 1; i <= 5; ++i) g.move(1, 200, 600 - 30.0f * i, 0.012 * i, [] { return false; }, out);
    g.up(1, 200, 450, 0.07, false, out);
    ASSERT_TRUE(g.moving());
    float dx = 0, dy = 0, previous = 1e9f, total = 0;
    double t = 100;  // the glide runs on the frames' clock, whatever clock the events had
    int frames = 0;
    while (g.momentum(t, dx, dy) && frames < 1000) {
        if (frames > 1) {
            EXPECT_LE(std::fabs(dy), previous + 1e-3f);  // never speeds up
        }
        if (frames > 0) previous = std::fabs(dy);
        total += dy, t += 1.0 / 60, ++frames;
    }
    EXPECT_LT(total, -100.0f);   // it went on, upward like the finger
    EXPECT_LT(frames, 200);      // and stopped within a few seconds
    // A slow drag that stops before lifting does not glide.
    TouchGestures slow;
    slow.down(1, 200, 600, 0.0, out);
    slow.move(1, 200, 560, 0.5, [] { return false; }, out);
    slow.up(1, 200, 560, 0.9, false, out);
    EXPECT_FALSE(slow.moving());
}

// A finger put down on gliding content stops it; a tap there clicks nothing, and a drag scrolls on.
TEST(TouchGestures, ATouchCatchesAGlideAndTheSameFingerScrolls) {
    const auto flick = [](TouchGestures& g, std::vector<InputEvent>& out) {
        g.down(1, 200, 600, 0.0, out);
        for (float i = 1; i <= 5; ++i) g.move(1, 200, 600 - 30.0f * i, 0.012 * i, [] { return true; }, out);
        g.up(1, 200, 450, 0.07, false, out);
    };
    TouchGestures tapped;
    std::vector<InputEvent> out;
    flick(tapped, out);
    ASSERT_TRUE(tapped.moving());
    out.clear();
    tapped.down(1, 200, 300, 0.2, out);
    EXPECT_FALSE(tapped.moving());
    tapped.up(1, 200, 300, 0.25, false, out);
    EXPECT_EQ(count(out, K::button_down), 0);
    EXPECT_EQ(count(out, K::move), 0);

    TouchGestures dragged;
    flick(dragged, out);
    out.clear();
    dragged.down(1, 200, 300, 0.2, out);
    for (float i = 1; i <= 4; ++i) dragged.move(1, 200 + 10.0f * i, 300 + 5.0f * i, 0.2 + 0.02 * i, [] { return true; }, out);
    dragged.up(1, 240, 320, 0.3, false, out);
    EXPECT_EQ(count(out, K::button_down), 0);  // sideways over a control, yet no press: the finger caught a glide
    EXPECT_GT(count(out, K::scroll), 0);
}

TEST(TouchGestures, PinchReportsHowMuchTheFingersSpread) {
    TouchGestures g;
    std::vector<InputEvent> out;
    g.down(1, 100, 100, 0.0, out);
    g.down(2, 140, 100, 0.01, out);
    g.move(1, 80, 100, 0.02, [] { return true; }, out);
    g.move(2, 160, 100, 0.03, [] { return true; }, out);
    float factor = 1;
    for (const InputEvent& e : out)
        if (e.kind == K::pinch) factor *= e.factor;
    EXPECT_NEAR(factor, 2.0f, 1e-5);  // 40 px apart, then 80
    EXPECT_EQ(count(out, K::button_down), 0);
}

}  // namespace
