// The event log: every learner action as a timestamped, self-contained record (case opened, stage
// revealed, differential committed with its values, what-if, debrief reached, ...). It is what the
// learning-management export and the class sync read, it is kept (capped) in the saved progress, and
// each event is also a command: replaying the log reproduces the walk (`dah session`).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace dah::tutor {

struct Event {
    double time = 0;       // seconds since 1970-01-01 UTC (0 when no clock)
    std::string type;      // the command: "open", "view", "commit", "reveal", "what_if", ...
    std::string case_id;   // empty for library-wide events ("reset")
    int stage = -1;        // the stage it concerns, when one
    // Pairs in knowledge-base order (lists, not maps: the log is small and only ever read in order).
    std::vector<std::pair<std::string, double>> values;  // "commit": the committed probabilities by diagnosis id
    std::string variable, value;           // "what_if": the finding tried ("" when switched off)
    std::string group_for, group_against;  // "weigh"
    std::vector<std::pair<std::string, int>> counts;     // "vote": the hall's hands by group id
    // "commit": the level answered ("groups", "top_causes", "detailed"; absent in older logs: detailed),
    // the groups whose causes were answered (top_causes) and the answer to the first question by group.
    std::string level;
    std::vector<std::string> causes_of;
    std::vector<std::pair<std::string, double>> groups;
};

class EventLog {
public:
    static constexpr std::size_t default_capacity = 500;  // a few dozen cases walked; what an LMS export needs
    explicit EventLog(std::size_t capacity = default_capacity) : capacity_(capacity) {}

    void add(Event e);  // drops the oldest past the capacity
    void clear() { events_.clear(); }
    const std::vector<Event>& events() const { return events_; }
    std::size_t dropped() const { return dropped_; }

private:
    std::size_t capacity_;
    std::size_t dropped_ = 0;
    std::vector<Event> events_;
};

}  // namespace dah::tutor
