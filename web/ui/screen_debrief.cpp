// The debrief: the final diagnosis and explanation, the case replayed as a chart (the learner's and the
// engine's probability for the diagnosis, what moved the engine, where the learner differed and how they
// did against certainty), the score per stage beside the engine's, the key teaching points, the export.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "platform.hpp"
#include "ui/charts.hpp"
#include "ui/commit_panel.hpp"
#include "ui/progress_words.hpp"
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

namespace {

void draw_replay(AppState& app, const tutor::CaseView& s) {
    if (!s.replay) return;
    const tutor::CaseReplay& r = *s.replay;
    const tutor::CaseEntry& e = *s.entry;
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    heading("The case replayed: your probability for the diagnosis and the engine's, stage by stage");
    std::vector<std::string> labels;
    for (const CaseStage& st : e.data.stages) labels.push_back(std::string(stage_id(st.stage)));
    line_chart(labels,
               {{"You", pal.accent, 0, r.learner_answer_p, true, false}, {"Engine", pal.text, 1, r.engine_answer_p, true, true}},
               ImGui::GetTextLineHeight() * 9, "Probability given to the diagnosis");
    mark(app, "debrief.chart");
    if (!r.top_moves.empty()) {
        text("The findings that moved the engine most:");
        for (const tutor::FindingMove& m : r.top_moves) wrapped("\u2022 " + move_words(kb, e, m));
        mark(app, "debrief.moves");
    }
    const std::string gap = widest_gap_words(kb, e, r);
    if (!gap.empty()) {
        wrapped(gap);
        mark(app, "debrief.gap");
    }
    const std::string certain = certainty_words(e, r);
    if (!certain.empty()) {
        wrapped(certain);
        mark(app, "debrief.certainty");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Mean Brier score %.2f (you) against %.2f (100 %% on your leading cause): 0 is perfect, 2 the worst.",
                              r.learner_brier, r.certain_brier);
    }
}

}  // namespace

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
    same_line_for_button("Start this case again (R)");
    if (button(app, "Start this case again (R)", "restart")) request_restart(app);
    const int next = next_case(app);
    if (next >= 0) {
        same_line_for_button("Next case (N)");
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
    const bool hall = app.options.present;  // in presenter mode the answers are the hall's
    heading(std::string(hall ? "The hall's" : "Your") +
            " score per stage, beside the engine's (0–100, from the Brier score on what was answered; 100 is perfect)");
    if (ImGui::BeginTable("##scores", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Stage");
        ImGui::TableSetupColumn(hall ? "The hall (level)" : "You (level)");
        ImGui::TableSetupColumn("Engine");
        ImGui::TableSetupColumn(hall ? "The hall gave the answer" : "You gave the answer");
        ImGui::TableSetupColumn("Engine gave it");
        ImGui::TableHeadersRow();
        a11y_table("debrief.scores", std::string(hall ? "The hall's" : "Your") + " score per stage, beside the engine's",
                   {"Stage", hall ? "The hall (level)" : "You (level)", "Engine", hall ? "The hall gave the answer" : "You gave the answer",
                    "Engine gave it"});
        const std::size_t truth = static_cast<std::size_t>(e.data.answer);
        for (std::size_t i = 0; i < s.answers.size(); ++i) {
            const tutor::StageAnswer& a = s.answers[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(std::string(stage_name(e.data.stages[i].stage)));
            char buf[32];
            ImGui::TableNextColumn();
            if (a.committed) {
                char scored[64];
                std::snprintf(scored, sizeof scored, "%.0f (%s)", tutor::score_from_brier(a.learner_brier), level_name(a.level));
                text(scored);
            } else {
                text_disabled("not committed");
            }
            ImGui::TableNextColumn();
            std::snprintf(buf, sizeof buf, "%.0f", tutor::score_from_brier(a.engine_brier));
            text(a.committed ? buf : "");
            ImGui::TableNextColumn();
            // On the outcomes answered: at the groups level, the share given to the answer's group.
            text(
                a.committed && s.finished ? percent(tutor::answered_probability(kb, a.committed_p, a.causes_of, static_cast<int>(truth))) : "");
            ImGui::TableNextColumn();
            text(
                a.committed && s.finished ? percent(tutor::answered_probability(kb, e.replay[i].posterior, a.causes_of, static_cast<int>(truth))) : "");
        }
        a11y_table_end();
        ImGui::EndTable();
    }
    mark(app, "debrief.scores");
    char total[128];
    std::snprintf(total, sizeof total, hall ? "Case score: the hall %.0f, engine %.0f" : "Case score: you %.0f, engine %.0f", std::max(0.0, view->learner_case_score), std::max(0.0, view->engine_case_score));
    wrapped(total);
    draw_replay(app, s);
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
