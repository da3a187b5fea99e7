// The library: every case with its difficulty, stages, objectives and the learner's progress,
// filtered by difficulty and tag.
#include <algorithm>
#include <cstdio>
#include <set>

#include <imgui.h>

#include "ui/modes.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

std::vector<int> visible_cases(const AppState& app) {
    std::vector<int> out;
    for (std::size_t i = 0; i < app.tutor.library().cases.size(); ++i) {
        const Case& c = app.tutor.library().cases[i].data;
        if (!app.view.filter_difficulty.empty() && c.difficulty != app.view.filter_difficulty) continue;
        if (!app.view.filter_tag.empty() && std::find(c.tags.begin(), c.tags.end(), app.view.filter_tag) == c.tags.end())
            continue;
        out.push_back(static_cast<int>(i));
    }
    return out;
}

std::vector<std::string> all_tags(const AppState& app) {
    std::set<std::string> tags;
    for (const auto& e : app.tutor.library().cases) tags.insert(e.data.tags.begin(), e.data.tags.end());
    return {tags.begin(), tags.end()};
}

static void filter_combo(AppState& app, const char* label, const char* control, std::string& value,
                         const std::vector<std::string>& options) {
    std::vector<std::string> texts = options;
    texts.push_back("all");
    const float label_w = ImGui::CalcTextSize(label, nullptr, true).x;
    const float room = ImGui::GetContentRegionAvail().x - (label_w > 0 ? label_w + ImGui::GetStyle().ItemInnerSpacing.x : 0);
    ImGui::SetNextItemWidth(std::max(em(6), std::min(fitting_width(texts), room)));
    const float box = ImGui::CalcItemWidth();
    check_fit(app, control, value.empty() ? "all" : value.c_str(), box);
    std::vector<std::string> all{"all"};
    all.insert(all.end(), options.begin(), options.end());
    int current = 0;
    for (std::size_t i = 0; i < options.size(); ++i)
        if (value == options[i]) current = static_cast<int>(i) + 1;
    if (const int i = choice(app, label, control, value.empty() ? "all" : value, all, current); i >= 0)
        value = i == 0 ? std::string() : options[static_cast<std::size_t>(i) - 1];
}

static std::string stage_list(const Case& c) {
    std::string s;
    for (const auto& st : c.stages) {
        if (!s.empty()) s += " → ";
        s += std::string(stage_name(st.stage));
    }
    return s;
}

void draw_library(AppState& app) {
    const Palette& pal = palette(app.settings.theme);
    ImGui::Spacing();
    wrapped("Walk a case of diffuse alveolar hemorrhage stage by stage. Before each reveal, commit your own "
            "differential; then compare it with the Bayesian engine and see which findings moved it.");
    ImGui::Spacing();
    if (app.pending.loading) {  // the browser draws this before the case library has arrived
        wrapped_coloured(pal.muted, "Loading the case library…");
        mark(app, "library.loading");
        return;
    }
    if (!app.tutor.kb()) {
        wrapped_coloured(pal.negative, "The knowledge base could not be loaded, so no case can be played. See the errors below.");
        return;
    }
    filter_combo(app, "Difficulty (F)", "library.filter.difficulty", app.view.filter_difficulty,
                 {"introductory", "intermediate", "advanced"});
    if (app.settings.show_topics) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < em(30)) ImGui::NewLine();
        filter_combo(app, "Topic (G)", "library.filter.tag", app.view.filter_tag, all_tags(app));
    }
    draw_library_tools(app);  // import a case, reset my progress, storage warning (ui/progress_tools.cpp)

    const std::vector<int> shown = visible_cases(app);
    const std::vector<tutor::CaseCard> cards = app.tutor.result().cards;  // a copy: opening a case changes the result
    if (app.tutor.library().cases.empty()) wrapped("No cases were found.");
    else if (shown.empty()) wrapped("No case matches these filters.");
    int n = 0;
    for (int index : shown) {
        const tutor::CaseEntry& e = app.tutor.library().cases[static_cast<std::size_t>(index)];
        const tutor::CaseCard& card = cards[static_cast<std::size_t>(index)];
        const Case& c = e.data;
        ++n;
        ImGui::PushID(index);
        ImGui::Separator();
        char label[64];
        std::snprintf(label, sizeof label, n <= 9 ? "Open (%d)" : "Open", n);
        const std::string& status = card.progress;
        const bool started = status != "not started";
        // The mirror names the button after its case ("Open: a 54-year-old ..."), since "Open" alone is ambiguous.
        const std::string verb = started && status != "done" ? std::string("Continue") + (n <= 9 ? " (" + std::to_string(n) + ")" : "") : label;
        if (button(app, verb + "##open", "case." + c.id)) open_in_player(app, index);
        if (A11yNode* b = app.a11y.last()) b->name += ": " + c.title;
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(c.title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::Indent(em(2));
        // The presentation only: who, where, what brought them; the topics name the answer.
        std::string who = std::to_string(c.patient.age) + "-year-old " + c.patient.sex;
        if (!c.patient.setting.empty()) who += ", " + c.patient.setting;
        if (!c.patient.summary.empty()) who += ". " + c.patient.summary;
        wrapped(who);
        // About two minutes a stage: reading, then committing a differential.
        std::string line = c.difficulty + " · " + std::to_string(c.stages.size()) + " stages, about " +
                           std::to_string(2 * c.stages.size()) + " min · " + status;
        if (card.best_score >= 0) {
            char buf[48];
            std::snprintf(buf, sizeof buf, " · best score %.0f / 100", card.best_score);
            line += buf;
        }
        wrapped_coloured(pal.muted, line);
        wrapped_coloured(pal.muted, stage_list(c));
        if (app.settings.show_topics && !c.tags.empty()) {
            std::string tags = "Topics: ";
            for (std::size_t t = 0; t < c.tags.size(); ++t) tags += (t ? ", " : "") + c.tags[t];
            wrapped_coloured(pal.muted, tags);
        }
        ImGui::Unindent(em(2));
        ImGui::PopID();
    }
}

}  // namespace dah::ui
