// Events as JSON: one object per event, the format of the saved log, of `dah session` command files
// (one event per line) and of window.dahTutor.events(). For example
//   {"t":1764633600.5,"cmd":"commit","case":"gpa-cavities","stage":0,"level":"groups",
//    "groups":{"immune":0.7,"coagulopathic":0.1,"both":0.1,"other":0.1},"p":{"gpa":0.12,"mpa":0.12,...}}
// As a command, a commit with "groups" and no "p" answers the first question only; one with "p" and
// no "level" is detailed (older logs). A vote's counts are by group id (older logs: by diagnosis id).
#pragma once

#include <string>

#include "dah/json_value.hpp"
#include "dah/tutor/events.hpp"
#include "dah/tutor/json_writer.hpp"

namespace dah::tutor {

void write_event(JsonWriter& w, const Event& e);
// False (with a sentence in `error`) when `j` is not an event; unknown keys are an error too.
bool event_from_json(const JsonValue& j, Event& out, std::string& error);

std::string event_line(const Event& e);  // compact, no newline

}  // namespace dah::tutor
