// The learner's answer at a stage, quickest first: the first question (immune, blood thinner or
// coagulopathy, something else, two at once) as one four-way split set by dragging, a preset or a key;
// then, optionally, the causes within the leading group; then every cause ("detailed").
#pragma once

#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace dah::ui {

// The knowledge base's groups in the order the question asks them: immune, coagulopathic, other, both
// (then any other group).
std::vector<int> question_order(const KnowledgeBase& kb);
// The group as the question names it ("Immune cause", "Blood thinner or coagulopathy", ...) and short.
std::string question_label(const KnowledgeBase& kb, int group);
std::string question_short(const KnowledgeBase& kb, int group);
// How a level reads beside a score: "on the four groups", "on the causes of Immune and the groups", ...
std::string level_phrase(const KnowledgeBase& kb, const tutor::StageAnswer& a);
const char* level_name(tutor::CommitLevel level);  // "groups", "groups + top causes", "detailed"

// The four-way control, the optional causes and the detailed sliders, for the editable stage.
void draw_commit_panel(AppState& app, const tutor::CaseView& v);
// Its keys (player screen): 1-4 and 5, 0 presets; = / - the chosen group or cause; , / . choose a cause.
void handle_commit_keys(AppState& app);
// Sets the answer to preset `k` (0 = even, 1..4 = mostly the n-th group asked, 5 = first two evenly).
void apply_preset(AppState& app, int k);

}  // namespace dah::ui
