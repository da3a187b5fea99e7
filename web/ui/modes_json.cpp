#include "ui/modes_json.hpp"

#include "ui/commit_panel.hpp"
#include "ui/modes.hpp"
#include "ui/modes_internal.hpp"

namespace dah::ui {

using nlohmann::json;

void add_mode_state(const AppState& app, json& j) {
    j["mode"] = mode_name(app);
    const PresenterState& p = app.modes.presenter;
    j["engine_shown"] = presenter_engine_shown(app);  // presenter mode: the lecturer showed the engine
    j["blanked"] = app.options.present && p.blanked;
    json vote = nullptr;
    if (const tutor::CaseView* v = shown_case(app); app.options.present && v) {
        const KnowledgeBase& kb = *app.tutor.kb();
        // Hands for the four answers to the first question, by group id.
        const std::vector<int> order = question_order(kb);
        vote = {{"open", p.vote_open},
                {"selected", order.empty() ? "" : kb.groups[static_cast<std::size_t>(order[static_cast<std::size_t>(p.vote_selected) % order.size()])].id}};
        for (std::size_t g = 0; g < v->vote.counts.size() && g < kb.groups.size(); ++g) vote["counts"][kb.groups[g].id] = v->vote.counts[g];
        vote["total"] = v->vote.total;
        if (!v->vote.probabilities.empty()) {
            for (std::size_t g = 0; g < v->vote.probabilities.size() && g < kb.groups.size(); ++g)
                vote["probabilities"][kb.groups[g].id] = v->vote.probabilities[g];
            vote["brier"] = v->vote.brier;
            vote["log_bits"] = v->vote.log_bits;
            vote["engine_brier"] = v->vote.engine_brier;
        }
    }
    j["vote"] = vote;
    const double left = kiosk_seconds_left(app);
    j["kiosk"] = {{"attract", app.options.kiosk && app.modes.kiosk.attract}, {"idle_seconds", app.options.idle_seconds},
                  {"resets", app.modes.kiosk.resets}};
    j["idle_seconds_left"] = left >= 0 ? json(left) : json(nullptr);
    const ImportState& im = app.modes.import;
    json errors = json::array();
    for (const Diagnostic& d : im.errors)
        errors.push_back({{"file", d.file}, {"pointer", d.pointer}, {"line", d.line}, {"column", d.column}, {"message", d.message}});
    json imported = json::array();
    for (const tutor::CaseEntry& e : app.tutor.library().cases)
        if (e.imported) imported.push_back(e.data.id);
    j["import"] = {{"open", im.open}, {"file", im.file}, {"accepted", im.accepted_id}, {"imported_cases", imported}};
    j["import_errors"] = std::move(errors);
    j["storage_status"] = app.modes.storage_ok ? "ok" : "unavailable";
    j["reset_confirm"] = app.modes.reset_confirm;
}

}  // namespace dah::ui
