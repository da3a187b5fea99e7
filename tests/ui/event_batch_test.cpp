// The frame batches of web/event_batch.hpp: every press and release of a key reaches ImGui 1.86 in a
// frame of its own, so no key press is lost however many events arrive between two frames.
#include "event_batch.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

struct Ev {
    int press = -1, release = -1;
};

Ev down(int k) { return Ev{k, -1}; }
Ev up(int k) { return Ev{-1, k}; }
Ev other() { return Ev{}; }

// The frames the queue is split into: the sizes of the successive batches.
std::vector<std::size_t> frames(std::vector<Ev> events) {
    std::vector<std::size_t> sizes;
    while (!events.empty()) {
        const std::size_t n = dah::platform::events_for_this_frame(
            events, [](const Ev& e) { return e.press; }, [](const Ev& e) { return e.release; });
        if (n == 0) break;  // never happens: the first event always goes
        sizes.push_back(n);
        events.erase(events.begin(), events.begin() + static_cast<long>(n));
    }
    return sizes;
}

}  // namespace

TEST(EventBatch, APressAndItsReleaseAreInTwoFrames) {
    EXPECT_EQ(frames({down(1), up(1)}), (std::vector<std::size_t>{1, 1}));
}

TEST(EventBatch, TwoPressesOfOneKeyBetweenTwoFramesAreTwoPresses) {
    // Backspace, Backspace: down, up, down, up. The second press must not share a frame with the first
    // release (ImGui would see the key still down, not pressed again).
    EXPECT_EQ(frames({down(8), up(8), down(8), up(8)}), (std::vector<std::size_t>{1, 1, 1, 1}));
}

TEST(EventBatch, DifferentKeysAndOtherEventsShareAFrame) {
    // Shift held while A is tapped, with text in between: only A's release waits.
    EXPECT_EQ(frames({down(2), down(4), other(), up(4), up(2)}), (std::vector<std::size_t>{3, 2}));
    EXPECT_EQ(frames({other(), other()}), (std::vector<std::size_t>{2}));
}
