#include "dah/tutor/events.hpp"

namespace dah::tutor {

void EventLog::add(Event e) {
    events_.push_back(std::move(e));
    while (events_.size() > capacity_) {
        events_.pop_front();
        ++dropped_;
    }
}

}  // namespace dah::tutor
