// The debrief: the final diagnosis and explanation, the learner's score per stage beside the
// engine's, the key teaching points, and the export of the answers.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "platform.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

void export_answers(AppState& app, bool csv) {
    const int index = app.tutor.open_index();
    if (index < 0 || !app.platform || !app.tutor.session(index)) return;  // the live session: exports happen between frames too
    const std::string id = app.tutor.library().cases[static_cast<std::size_t>(index)].data.id;
    if (csv) app.view.notice = app.platform->export_file("dah-tutor-" + id + ".csv", "text/csv", app.tutor.answers_csv(index));
    else app.view.notice = app.platform->export_file("dah-tutor-" + id + ".json", "application/json", app.tutor.answers_json(index));
}

// The first case after the open one (in library order, then from the start) that is not done yet.
int next_case(const AppState& app) {
    const tutor::Result& r = app.tutor.result();
    const int n = static_cast<int>(r.cards.size()), open = app.tutor.open_index();
    for (int k = 1; k < n; ++k) {
        const int i = (open + k) % n;
        if (r.cards[static_cast<std::size_t>(i)].progress != "done") return i;
    }
    return -1;
}

void request_restart(AppState& app) {
    if (!app.view.confirm_restart) {
        app.view.confirm_restart = true;
        return;
    }
    app.view.confirm_restart = false;
    app.tutor.restart_case(app.tutor.open_index());
    go_to(app, Screen::player);
}

void draw_debrief(AppState& app) {
    const tutor::CaseView* view = shown_case(app);
    if (!view) return;
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    const tutor::CaseEntry& e = *view->entry;
    const tutor::CaseView& s = *view;  // a copy: the restart below cannot pull it away
    ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
    wrapped("Debrief: " + e.data.title);
    if (A11yNode* n = app.a11y.last()) n->role = A11yRole::heading;
    ImGui::PopStyleColor();
    if (button(app, "Export JSON (J)", "export.json")) export_answers(app, false);
    ImGui::SameLine();
    if (button(app, "Export CSV (V)", "export.csv")) export_answers(app, true);
    ImGui::SameLine();
    if (button(app, "Start this case again (R)", "restart")) request_restart(app);
    const int next = next_case(app);
    if (next >= 0) {
        ImGui::SameLine();
        if (button(app, "Next case (N)", "debrief.next")) open_in_player(app, next);
    }
    if (app.view.confirm_restart) {
        // It erases the answers this debrief shows: asked once, answered with a key or a click.
        wrapped_coloured(pal.negative, "Start again? Your answers and scores for this case will be erased.");
        if (button(app, "Yes, start again (Y)", "restart.yes")) request_restart(app);
        ImGui::SameLine();
        if (button(app, "No, keep them (Esc)", "restart.no")) app.view.confirm_restart = false;
    }
    if (!s.finished) {
        wrapped_coloured(pal.muted, "Commit your differential at every stage to see the diagnosis. Stages committed so far are scored below.");
        if (button(app, "Back to the case (P)", "debrief.back")) go_to(app, Screen::player);
    } else {
        const Diagnosis& dx = kb.diagnoses[static_cast<std::size_t>(e.data.answer)];
        heading("Final diagnosis: " + dx.name);
        mark(app, "debrief.diagnosis");
        wrapped(e.data.explanation);
        // What the case was about: held back until now, since it names the answer.
        if (!e.data.learning_objectives.empty()) {
            heading("What this case teaches");
            for (const std::string& o : e.data.learning_objectives) wrapped("\u2022 " + o);
        }
        if (!e.data.tags.empty()) {
            std::string topics = "Topics: ";
            for (std::size_t t = 0; t < e.data.tags.size(); ++t) topics += (t ? ", " : "") + e.data.tags[t];
            wrapped_coloured(pal.muted, topics);
        }
    }
    heading("Your score per stage, beside the engine's (0–100, from the Brier score; 100 is perfect)");
    if (ImGui::BeginTable("##scores", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Stage");
        ImGui::TableSetupColumn("You");
        ImGui::TableSetupColumn("Engine");
        ImGui::TableSetupColumn("You gave the answer");
        ImGui::TableSetupColumn("Engine gave it");
        ImGui::TableHeadersRow();
        a11y_table("debrief.scores", "Your score per stage, beside the engine's",
                   {"Stage", "You", "Engine", "You gave the answer", "Engine gave it"});
        const std::size_t truth = static_cast<std::size_t>(e.data.answer);
        for (std::size_t i = 0; i < s.answers.size(); ++i) {
            const tutor::StageAnswer& a = s.answers[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(std::string(stage_name(e.data.stages[i].stage)));
            char buf[32];
            ImGui::TableNextColumn();
            if (a.committed) {
                std::snprintf(buf, sizeof buf, "%.0f", tutor::score_from_brier(a.learner_brier));
                text(buf);
            } else {
                text_disabled("not committed");
            }
            ImGui::TableNextColumn();
            std::snprintf(buf, sizeof buf, "%.0f", tutor::score_from_brier(a.engine_brier));
            text(a.committed ? buf : "");
            ImGui::TableNextColumn();
            text(a.committed && s.finished ? percent(a.committed_p[truth]) : "");
            ImGui::TableNextColumn();
            text(a.committed && s.finished ? percent(e.replay[i].posterior[truth]) : "");
        }
        a11y_table_end();
        ImGui::EndTable();
    }
    mark(app, "debrief.scores");
    char total[128];
    std::snprintf(total, sizeof total, "Case score: you %.0f, engine %.0f", std::max(0.0, view->learner_case_score), std::max(0.0, view->engine_case_score));
    wrapped(total);
    if (s.finished) {
        heading("Key teaching points");
        for (const CaseStage& st : e.data.stages)
            for (const TeachingPoint& tp : st.teaching_points) {
                wrapped("\u2022 " + tp.text);
                for (const std::string& src : tp.sources) {
                    const Source* so = kb.source(src);
                    ImGui::Indent(em(2));
                    wrapped_coloured(pal.muted, so ? so->citation + " [" + src + "]" : src);
                    ImGui::Unindent(em(2));
                }
            }
    }
}

}  // namespace dah::ui
