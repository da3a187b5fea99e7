#include "dah/tutor/events.hpp"

#include <algorithm>

namespace dah::tutor {

void EventLog::add(Event e) {
    events_.push_back(std::move(e));
    if (events_.size() <= capacity_) return;
    // Past the capacity, the oldest tenth goes at once (a shift per event would be quadratic).
    const std::size_t drop = events_.size() - capacity_ + capacity_ / 10;
    events_.erase(events_.begin(), events_.begin() + static_cast<std::ptrdiff_t>(std::min(drop, events_.size())));
    dropped_ += drop;
}

}  // namespace dah::tutor
