// What the live region says (shell/mirror.js reads it out politely): the engine's answer and the
// learner's score once a stage is committed (or, in presenter mode, once the lecturer shows the
// engine), and the text of a stage when it is shown. Never the engine's numbers while they are hidden.
#include "ui/a11y_live.hpp"

#include <algorithm>
#include <cstdio>

#include "dah/scoring.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

std::string lower_first_word(const std::string& s) {
    // "Immune / capillaritis" → "immune": the group's first word, as people say it.
    std::string w = s.substr(0, s.find_first_of(" /,:"));
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') w[0] = static_cast<char>(w[0] - 'A' + 'a');
    return w;
}

std::string engine_sentence(const KnowledgeBase& kb, const tutor::CaseView& v) {
    if (v.groups.empty() || v.posterior.empty()) return {};
    const auto g = static_cast<std::size_t>(std::max_element(v.groups.begin(), v.groups.end()) - v.groups.begin());
    const auto d = static_cast<std::size_t>(std::max_element(v.posterior.begin(), v.posterior.end()) - v.posterior.begin());
    return "Engine: " + lower_first_word(kb.groups[g].name) + " " + percent(v.groups[g]) + ", " +
           kb.diagnoses[d].short_name + " " + percent(v.posterior[d]);
}

std::string score_sentence(const tutor::CaseView& v) {
    if (!v.answer.committed) return {};
    char buf[48];
    std::snprintf(buf, sizeof buf, "your score %.0f", tutor::score_from_brier(v.answer.learner_brier));
    return buf;
}

std::string stage_sentence(const KnowledgeBase& kb, const tutor::CaseView& v) {
    const Case& c = v.entry->data;
    const CaseStage& st = c.stages[static_cast<std::size_t>(v.stage)];
    std::string s = "Stage " + std::to_string(v.stage + 1) + " of " + std::to_string(c.stages.size()) + ": " +
                    std::string(stage_name(st.stage)) + ".";
    if (!st.title.empty()) s += " " + st.title + ".";
    if (!st.narrative.empty()) s += " " + st.narrative;
    if (!st.findings.empty()) {
        s += " New findings:";
        for (std::size_t i = 0; i < st.findings.size(); ++i) {
            const Finding& f = st.findings[i];
            const Variable& var = kb.variables[static_cast<std::size_t>(f.variable)];
            s += (i ? "; " : " ") + var.name + ": " + var.values[static_cast<std::size_t>(f.value)].name;
        }
        s += ".";
    }
    return s;
}

}  // namespace

void announce_changes(AppState& app) {
    const tutor::CaseView* v = shown_case(app);
    A11yWatch now;
    now.screen = static_cast<int>(app.view.screen);
    if (v) {
        now.case_index = v->index;
        now.stage = v->stage;
        now.committed = v->stage_committed;
        now.engine_shown = engine_shown(app);
    }
    A11yWatch& seen = app.a11y_seen;
    const bool same_stage = now.case_index == seen.case_index && now.stage == seen.stage;
    std::string text;
    if (v && app.tutor.kb() && now.screen == static_cast<int>(Screen::player)) {
        const KnowledgeBase& kb = *app.tutor.kb();
        if (!same_stage || seen.screen != now.screen) {
            text = stage_sentence(kb, *v);
        } else if (now.committed && !seen.committed) {
            text = "Committed.";
            if (now.engine_shown) {
                const std::string score = score_sentence(*v);
                text = engine_sentence(kb, *v) + (score.empty() ? "" : "; " + score);
            }
        } else if (now.engine_shown && !seen.engine_shown) {
            const std::string score = score_sentence(*v);
            text = engine_sentence(kb, *v) + (score.empty() ? "" : "; " + score);
        }
    }
    seen = now;
    if (!text.empty()) app.a11y.announce(std::move(text));
}

}  // namespace dah::ui
