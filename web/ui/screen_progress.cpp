// My progress: the learner's calibration across finished cases (stated probability against how often
// it was right, with counts), scores over time and per stage kind, the teaching points missed, and the
// export. Everything is computed by the tutor (tutor.progress_report()); this file only draws.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "platform.hpp"
#include "ui/charts.hpp"
#include "ui/progress_words.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

void export_progress(AppState& app, bool csv) {
    if (!app.platform || !app.tutor.kb()) return;
    const tutor::ProgressReport& r = app.tutor.progress_report();
    if (csv)
        app.view.notice =
            app.platform->export_file("dah-tutor-progress.csv", "text/csv", tutor::progress_report_csv(r));
    else
        app.view.notice = app.platform->export_file("dah-tutor-progress.json", "application/json",
                                                    tutor::progress_report_json(r));
}

namespace {

std::string fixed(const char* format, double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

void draw_calibration(AppState& app, const tutor::ProgressReport& r) {
    const Palette& pal = palette(app.settings.theme);
    heading("Calibration: when you say X %, are you right X % of the time?");
    wrapped_coloured(
        pal.muted,
        "Each answer gives one pair per cause you rated: the probability you stated and whether it was the "
        "diagnosis. Points on the dashed line are perfectly calibrated; above it you were right more often "
        "than you said (too cautious), below it less often (overconfident). The number beside a point is how "
        "many answers it stands for.");
    std::vector<ChartPoint> points;
    for (const CalibrationBin& b : r.calibration)
        if (b.count > 0)
            points.push_back({b.mean_forecast, b.observed_frequency, "n=" + std::to_string(b.count)});
    // The table beside the chart when the screen is wide enough (a projector shows both at once).
    const float chart = std::min(em(44), ImGui::GetContentRegionAvail().x - em(16));
    const bool beside = ImGui::GetContentRegionAvail().x >= chart + em(70);
    ImGui::BeginGroup();
    calibration_chart(points, chart, pal.accent);
    mark(app, "progress.calibration");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + chart + em(10));
    ImGui::TextDisabled("Across: the probability you stated. Up: how often it was the diagnosis.");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (beside) ImGui::SameLine(0, em(4));
    ImGui::BeginGroup();
    if (ImGui::BeginTable(
            "##bins", 4,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("You stated");
        ImGui::TableSetupColumn("Answers");
        ImGui::TableSetupColumn("It was the diagnosis");
        ImGui::TableSetupColumn("How often");
        ImGui::TableHeadersRow();
        a11y_table({}, "Calibration by bin", {"You stated", "Answers", "It was the diagnosis", "How often"});
        for (const CalibrationBin& b : r.calibration) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(fixed("%.0f", b.lower * 100) + "–" + fixed("%.0f %%", b.upper * 100));
            ImGui::TableNextColumn();
            text(std::to_string(b.count));
            ImGui::TableNextColumn();
            text(std::to_string(static_cast<int>(b.observed_frequency * b.count + 0.5)));
            ImGui::TableNextColumn();
            if (b.count > 0)
                text(fixed("%.0f %%", b.observed_frequency * 100));
            else
                text_disabled("none");
        }
        a11y_table_end();
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    mark(app, "progress.bins");
}

void draw_over_time(AppState& app, const tutor::ProgressReport& r) {
    const Palette& pal = palette(app.settings.theme);
    heading("Your score case by case, in the order you finished them");
    std::vector<std::string> labels;
    ChartSeries you{"You", pal.accent, 0, {}, true, false}, engine{"Engine", pal.muted, 1, {}, false, true};
    for (std::size_t i = 0; i < r.over_time.size(); ++i) {
        labels.push_back("Case " + std::to_string(i + 1));
        you.values.push_back(tutor::score_from_brier(r.over_time[i].learner_brier) / 100);
        engine.values.push_back(tutor::score_from_brier(r.over_time[i].engine_brier) / 100);
    }
    line_chart(labels, {you, engine}, ImGui::GetTextLineHeight() * 9,
               "Score (0–100 %, from the mean Brier score; 100 is perfect)");
    mark(app, "progress.over_time");
    if (ImGui::BeginTable(
            "##cases", 5,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Case");
        ImGui::TableSetupColumn("Your score");
        ImGui::TableSetupColumn("Engine's");
        ImGui::TableSetupColumn("Your log score (bits)");
        ImGui::TableSetupColumn("Engine's (bits)");
        ImGui::TableHeadersRow();
        a11y_table({}, "Your scores case by case",
                   {"Case", "Your score", "Engine's", "Your log score (bits)", "Engine's (bits)"});
        for (std::size_t i = 0; i < r.over_time.size(); ++i) {
            const tutor::CaseScores& c = r.over_time[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            wrapped(std::to_string(i + 1) + ". " + c.title);
            ImGui::TableNextColumn();
            text(fixed("%.0f", tutor::score_from_brier(c.learner_brier)));
            ImGui::TableNextColumn();
            text(fixed("%.0f", tutor::score_from_brier(c.engine_brier)));
            ImGui::TableNextColumn();
            text(fixed("%.2f", c.learner_log_bits));
            ImGui::TableNextColumn();
            text(fixed("%.2f", c.engine_log_bits));
        }
        a11y_table_end();
        ImGui::EndTable();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Log score: −log2 of the probability you gave the diagnosis, in bits; 0 is perfect, 1 bit is 50 "
            "%%.");
    mark(app, "progress.cases");
}

void draw_by_stage(AppState& app, const tutor::ProgressReport& r) {
    const Palette& pal = palette(app.settings.theme);
    heading("By stage: do your answers improve as the evidence comes in?");
    std::vector<std::string> labels;
    ChartSeries you{"You", pal.accent, 0, {}, true, false}, engine{"Engine", pal.muted, 1, {}, false, true};
    for (const tutor::StageKindScores& k : r.by_stage) {
        if (k.count == 0) continue;
        labels.push_back(std::string(stage_id(k.stage)) + " (" + std::to_string(k.count) + ")");
        you.values.push_back(tutor::score_from_brier(k.learner_brier) / 100);
        engine.values.push_back(tutor::score_from_brier(k.engine_brier) / 100);
    }
    line_chart(labels, {you, engine}, ImGui::GetTextLineHeight() * 9,
               "Mean score per stage kind (in brackets: how many answers)");
    mark(app, "progress.by_stage");
    wrapped(stage_trend_words(r));
    mark(app, "progress.trend");
}

void draw_pearls(AppState& app, const tutor::ProgressReport& r) {
    const Palette& pal = palette(app.settings.theme);
    heading("Teaching points worth reading again");
    if (r.pearls_missed.empty()) {
        wrapped_coloured(pal.muted,
                         "None: at every stage with teaching points, your score was within 5 points of the "
                         "engine's or better.");
        return;
    }
    wrapped_coloured(pal.muted, "Shown at stages where your score fell 5 points or more below the engine's.");
    const KnowledgeBase& kb = *app.tutor.kb();
    for (const tutor::MissedPearl& p : r.pearls_missed) {
        const int index = app.tutor.library().index_of(p.case_id);
        const std::string title =
            index >= 0 ? app.tutor.library().cases[static_cast<std::size_t>(index)].data.title : p.case_id;
        wrapped("\u2022 " + p.point.text);
        ImGui::Indent(em(2));
        std::string where = title + ", " + std::string(stage_name(p.stage)) + " (you " +
                            fixed("%.0f", tutor::score_from_brier(p.learner_brier)) + ", engine " +
                            fixed("%.0f", tutor::score_from_brier(p.engine_brier)) + ")";
        for (const std::string& src : p.point.sources) {
            const Source* so = kb.source(src);
            where += "; " + (so ? so->citation : src);
        }
        wrapped_coloured(pal.muted, where);
        ImGui::Unindent(em(2));
    }
    mark(app, "progress.pearls");
}

}  // namespace

void draw_progress(AppState& app) {
    const Palette& pal = palette(app.settings.theme);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
    wrapped("My progress");
    if (A11yNode* n = app.a11y.last()) n->role = A11yRole::heading;
    ImGui::PopStyleColor();
    mark(app, "progress.title");
    if (!app.tutor.kb()) {
        wrapped_coloured(pal.negative,
                         "The knowledge base could not be loaded, so there is no progress to show.");
        return;
    }
    const tutor::ProgressReport& r = app.tutor.progress_report();
    if (button(app, "Export CSV (V)", "progress.export.csv")) export_progress(app, true);
    same_line_for_button("Export JSON (J)");
    if (button(app, "Export JSON (J)", "progress.export.json")) export_progress(app, false);
    same_line_for_button("Back to the library (L)");
    if (button(app, "Back to the library (L)", "progress.back")) go_to(app, Screen::library);
    wrapped(progress_summary_words(r));
    mark(app, "progress.summary");
    if (r.cases_finished == 0) return;
    draw_calibration(app, r);
    draw_over_time(app, r);
    draw_by_stage(app, r);
    draw_pearls(app, r);
}

}  // namespace dah::ui
