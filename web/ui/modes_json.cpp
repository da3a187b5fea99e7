#include "ui/modes_json.hpp"

#include "ui/commit_panel.hpp"
#include "ui/modes.hpp"
#include "ui/modes_internal.hpp"

namespace dah::ui {

void write_mode_state(tutor::JsonWriter& w, const AppState& app) {
    const PresenterState& p = app.modes.presenter;
    w.field("mode", mode_name(app));
    w.field("engine_shown", presenter_engine_shown(app));  // presenter mode: the lecturer showed the engine
    w.field("blanked", app.options.present && p.blanked).key("vote");
    if (const tutor::CaseView* v = shown_case(app); app.options.present && v) {
        const KnowledgeBase& kb = *app.tutor.kb();
        // Hands for the four answers to the first question, by group id.
        const std::vector<int> order = question_order(kb);
        const auto by_group = [&](const char* name, const auto& list) {
            w.key(name).begin_object();
            for (std::size_t g = 0; g < list.size() && g < kb.groups.size(); ++g) w.field(kb.groups[g].id, list[g]);
            w.end_object();
        };
        w.begin_object().field("open", p.vote_open).field("selected", order.empty() ? std::string() :
            kb.groups[static_cast<std::size_t>(order[static_cast<std::size_t>(p.vote_selected) % order.size()])].id);
        by_group("counts", v->vote.counts);
        w.field("total", v->vote.total);
        if (!v->vote.probabilities.empty()) {
            by_group("probabilities", v->vote.probabilities);
            w.field("brier", v->vote.brier).field("log_bits", v->vote.log_bits).field("engine_brier", v->vote.engine_brier);
        }
        w.end_object();
    } else {
        w.value(nullptr);
    }
    const double left = kiosk_seconds_left(app);
    w.key("kiosk").begin_object().field("attract", app.options.kiosk && app.modes.kiosk.attract);
    w.field("idle_seconds", app.options.idle_seconds).field("resets", app.modes.kiosk.resets).end_object().key("idle_seconds_left");
    if (left >= 0) w.value(left);
    else w.value(nullptr);
    const ImportState& im = app.modes.import;
    w.key("import").begin_object().field("open", im.open).field("file", im.file).field("accepted", im.accepted_id);
    w.key("imported_cases").begin_array();
    for (const tutor::CaseEntry& e : app.tutor.library().cases)
        if (e.imported) w.value(e.data.id);
    w.end_array().end_object().key("import_errors").begin_array();
    for (const Diagnostic& d : im.errors) {
        w.begin_object().field("file", d.file).field("pointer", d.pointer).field("line", d.line).field("column", d.column);
        w.field("message", d.message).end_object();
    }
    w.end_array().field("storage_status", app.modes.storage_ok ? "ok" : "unavailable").field("reset_confirm", app.modes.reset_confirm);
}

}  // namespace dah::ui
