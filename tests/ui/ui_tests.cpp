// Headless UI tests: each walks the real UI and checks what it shows against the core.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "dah/engine.hpp"
#include "dah/scoring.hpp"
#include "ui/keys.hpp"
#include "ui/modes.hpp"
#include "ui_driver.hpp"

using nlohmann::json;
using namespace ui_test;
namespace key = dah::ui::key;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// What the engine must show, derived here and not by the engine: the model is naive Bayes over mutually
// exclusive diagnoses (cases/FORMAT.md), so P(d | findings) = prior(d) × Π P(value | d), normalised.
// `changed` replaces the value of one revealed variable (a what-if).
std::vector<double> naive_bayes(const dah::KnowledgeBase& kb, const dah::Case& c, int up_to_stage,
                                const dah::Finding* changed = nullptr) {
    std::vector<double> p;
    for (const auto& d : kb.diagnoses) p.push_back(d.prior);
    for (int s = 0; s <= up_to_stage; ++s)
        for (const dah::Finding& f : c.stages[static_cast<std::size_t>(s)].findings) {
            const int value = changed && changed->variable == f.variable ? changed->value : f.value;
            for (std::size_t d = 0; d < p.size(); ++d)
                p[d] *= kb.variables[static_cast<std::size_t>(f.variable)].likelihood[d][static_cast<std::size_t>(value)];
        }
    double sum = 0;
    for (double x : p) sum += x;
    for (double& x : p) x /= sum;
    return p;
}

double brier(const std::vector<double>& p, int truth) {
    double s = 0;
    for (std::size_t d = 0; d < p.size(); ++d) s += (p[d] - (static_cast<int>(d) == truth ? 1.0 : 0.0)) * (p[d] - (static_cast<int>(d) == truth ? 1.0 : 0.0));
    return s;
}

struct Reference {
    dah::KnowledgeBase kb;
    dah::Case c;
    std::vector<std::vector<double>> stages;  // the posterior after each stage (naive_bayes)
};

Reference reference(const std::string& case_file) {
    const fs::path dir = fs::path(DAH_SOURCE_DIR) / "cases";
    auto kb = dah::load_knowledge_base(read(dir / "knowledge-base.json"), "knowledge-base.json");
    check(kb.ok(), "the knowledge base loads");
    auto c = dah::load_case(read(dir / case_file), case_file, *kb.value);
    check(c.ok(), case_file + " loads");
    Reference r{*kb.value, *c.value, {}};
    for (std::size_t s = 0; s < r.c.stages.size(); ++s) r.stages.push_back(naive_bayes(r.kb, r.c, static_cast<int>(s)));
    return r;
}

std::vector<double> probabilities(const dah::KnowledgeBase& kb, const json& by_id) {
    std::vector<double> p;
    for (const auto& d : kb.diagnoses) {
        check(by_id.contains(d.id), "probability given for " + d.id);
        p.push_back(by_id[d.id].get<double>());
    }
    return p;
}

void check_near(double a, double b, double tolerance, const std::string& what) {
    if (!(std::fabs(a - b) <= tolerance)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " (%.9g vs %.9g)", a, b);
        fail(what + buf);
    }
}

// C commits; an untouched even spread asks first (a second C commits it).
json commit(Driver& ui) {
    json s = ui.press(key::letter('c'));
    if (!s["case"]["learner"]["committed"].get<bool>()) {
        check(s["confirm"] == "even_spread", "an uncommitted C asks about the even spread");
        s = ui.press(key::letter('c'));
    }
    return s;
}

void check_sums_to_one(const std::vector<double>& p, const std::string& what) {
    double s = 0;
    for (double x : p) s += x;
    check_near(s, 1.0, 1e-6, what + " sums to 1");
}

void check_engine_matches(const Reference& r, const json& c, int stage) {
    check(c["engine_shown"].get<bool>(), "the engine's answer is shown after the commit");
    const std::vector<double> shown = probabilities(r.kb, c["engine"]["posterior"]);
    const std::vector<double>& expected = r.stages[static_cast<std::size_t>(stage)];
    for (std::size_t d = 0; d < expected.size(); ++d) check_near(shown[d], expected[d], 1e-12, "engine posterior of " + r.kb.diagnoses[d].id);
    std::vector<double> groups(r.kb.groups.size(), 0.0);
    for (std::size_t d = 0; d < expected.size(); ++d) groups[static_cast<std::size_t>(r.kb.diagnoses[d].group)] += expected[d];
    for (std::size_t g = 0; g < groups.size(); ++g)
        check_near(c["engine"]["groups"][r.kb.groups[g].id].get<double>(), groups[g], 1e-12, "group total of " + r.kb.groups[g].id);
}

void check_score_matches(const Reference& r, const json& c, int stage) {
    const json& st = c["stages"][static_cast<std::size_t>(stage)];
    check(st["committed"].get<bool>(), "stage is marked committed");
    const std::vector<double> learner = probabilities(r.kb, st["learner"]);
    check_sums_to_one(learner, "the committed differential");
    check_near(st["learner_brier"].get<double>(), brier(learner, r.c.answer), 1e-9, "learner Brier score");
    check_near(st["engine_brier"].get<double>(), brier(r.stages[static_cast<std::size_t>(stage)], r.c.answer), 1e-9, "engine Brier score");
}

int case_index_in_library(const json& s, const std::string& id) {
    for (std::size_t i = 0; i < s["cases"].size(); ++i)
        if (s["cases"][i]["id"] == id) return static_cast<int>(i);
    fail("case " + id + " is listed");
}

std::string file_of(const json& s, const std::string& id) { return s["cases"][static_cast<std::size_t>(case_index_in_library(s, id))]["file"]; }

// Sets the learner's answer with the mouse: click a slider at `fraction` of its width.
json set_slider(Driver& ui, const std::string& diagnosis, float fraction) {
    const json r = ui.scroll_to("slider." + diagnosis)["controls"]["slider." + diagnosis];
    return ui.click_at(r["x"].get<float>() + r["w"].get<float>() * fraction, r["y"].get<float>() + r["h"].get<float>() / 2);
}

// Walks one case with the mouse: sets two sliders, commits, checks, reveals the next stage.
void walk_with_mouse(Driver& ui, const std::string& id) {
    json s = ui.state();
    const Reference r = reference(file_of(s, id));
    s = ui.click("case." + id);
    check(s["screen"] == "player", "opening a case shows the player");
    check(s["case"]["id"] == id, "the player shows the case opened");
    const int n = static_cast<int>(r.c.stages.size());
    const std::string truth = r.kb.diagnoses[static_cast<std::size_t>(r.c.answer)].id;
    for (int stage = 0; stage < n; ++stage) {
        s = ui.state();
        check(s["case"]["stage"]["index"] == stage, "the player is at stage " + std::to_string(stage));
        check(!s["case"]["engine_shown"].get<bool>(), "the engine's answer is hidden before the commit");
        // Findings shown are exactly those of the stages revealed so far.
        std::size_t expected_findings = 0;
        for (int i = 0; i <= stage; ++i) expected_findings += r.c.stages[static_cast<std::size_t>(i)].findings.size();
        check(s["case"]["revealed_findings"].size() == expected_findings, "revealed findings match the stages revealed");
        s = set_slider(ui, truth, 0.2f + 0.1f * static_cast<float>(stage));
        s = set_slider(ui, r.kb.diagnoses[0].id == truth ? r.kb.diagnoses[1].id : r.kb.diagnoses[0].id, 0.15f);
        const std::vector<double> draft = probabilities(r.kb, s["case"]["learner"]["draft"]);
        check_sums_to_one(draft, "the learner's draft");
        s = ui.click("commit");
        check_score_matches(r, s["case"], stage);
        check_engine_matches(r, s["case"], stage);
        check(ui.scroll_to("compare")["controls"].contains("compare") && ui.scroll_to("stage_score")["controls"].contains("stage_score"),
              "the comparison and the score are shown");
        const std::vector<double> committed = probabilities(r.kb, s["case"]["learner"]["probabilities"]);
        for (std::size_t d = 0; d < draft.size(); ++d) check_near(committed[d], draft[d], 1e-9, "the commit keeps the draft");
        s = ui.click("next");
    }
    check(s["screen"] == "debrief", "after the last stage, Next goes to the debrief");
    check(s["case"]["finished"].get<bool>(), "the case is finished");
    check(s["case"]["answer"] == truth, "the debrief names the answer");
    check(s["controls"].contains("debrief.diagnosis") && s["controls"].contains("debrief.scores"), "the debrief shows diagnosis and scores");
}

void test_walk_case() {
    MemoryPlatform platform;
    Driver ui(platform);
    json s = ui.state();
    check(s["screen"] == "library", "starts on the library");
    check(s["cases"].size() >= 2, "at least two cases are listed");
    check(s["errors"].empty(), "the built-in cases load without errors");
    for (const std::string id : {s["cases"][0]["id"].get<std::string>(), s["cases"][s["cases"].size() - 1]["id"].get<std::string>()}) {
        s = ui.press(key::letter('l'));
        check(s["screen"] == "library", "L goes back to the library");
        walk_with_mouse(ui, id);
        s = ui.click("export.json");
        check(platform.exported.count("dah-tutor-" + id + ".json") == 1, "Export JSON hands a file to the platform");
        const json exported = json::parse(platform.exported["dah-tutor-" + id + ".json"], nullptr, false);
        check(!exported.is_discarded() && exported["case"] == id && exported["finished"] == true, "the exported JSON describes the walk");
        s = ui.click("export.csv");
        check(platform.exported["dah-tutor-" + id + ".csv"].rfind("case,stage,diagnosis", 0) == 0, "the CSV has its header");
        s = ui.press(key::letter('l'));
        check(s["cases"][static_cast<std::size_t>(case_index_in_library(s, id))]["progress"] == "done", "the library shows the case done");
        check(s["cases"][static_cast<std::size_t>(case_index_in_library(s, id))]["best_score"].is_number(), "the library shows a best score");
    }
}

void test_keyboard_only() {
    MemoryPlatform platform;
    Driver ui(platform);
    json s = ui.press(key::digit1 + 1);  // the second case listed
    check(s["screen"] == "player", "2 opens the second case");
    const std::string id = s["case"]["id"];
    const Reference r = reference(file_of(s, id));
    const int n = static_cast<int>(r.c.stages.size());
    for (int stage = 0; stage < n; ++stage) {
        s = ui.press(key::digit1 + r.c.answer);  // choose the true diagnosis (its row number)
        for (int i = 0; i < 4; ++i) s = ui.press(key::equals);
        const std::vector<double> draft = probabilities(r.kb, s["case"]["learner"]["draft"]);
        check_sums_to_one(draft, "keyboard draft");
        s = ui.press(key::letter('n'));
        check(s["case"]["stage"]["index"] == stage, "N does nothing before the commit");
        s = commit(ui);
        check_score_matches(r, s["case"], stage);
        check_engine_matches(r, s["case"], stage);
        s = ui.press(key::letter('n'));
    }
    check(s["screen"] == "debrief", "N after the last stage opens the debrief");
    s = ui.press(key::letter('p'));
    check(s["screen"] == "player", "P returns to the case");
    s = ui.press(key::left_bracket);
    check(s["case"]["stage"]["index"] == n - 2, "[ views the previous stage");
    check_engine_matches(r, s["case"], n - 2);
    s = ui.press(key::f1);
    check(s["overlays"]["help"].get<bool>() && s["controls"].contains("help"), "F1 opens the help");
    s = ui.press(key::escape);
    check(!s["overlays"]["help"].get<bool>(), "Esc closes the help");
    s = ui.type_char('?');
    check(s["overlays"]["help"].get<bool>(), "? opens the help");
    s = ui.press(key::escape);
    const float before = s["ui_scale"];
    s = ui.press(key::equals, true);
    check(s["ui_scale"].get<float>() > before, "Ctrl+= enlarges the UI");
    s = ui.press(key::letter('t'));
    check(s["theme"] != "dark", "T changes the theme");
    s = ui.press(key::letter('k'));
    check(s["screen"] == "explorer", "K opens the knowledge explorer");
    const int all_rows = s["explorer_rows"];
    ui.press(key::slash);
    for (char c : std::string("anca")) s = ui.type_char(c);
    check(s["explorer_search"] == "anca", "/ then typing searches");
    const int rows = s["explorer_rows"];
    check(rows > 0 && rows < all_rows, "the search narrows the table (" + std::to_string(rows) + " of " + std::to_string(all_rows) + ")");
    s = ui.press(key::letter('l'));
    check(s["screen"] == "explorer", "letters typed into the search are not shortcuts");
}

void test_what_if() {
    MemoryPlatform platform;
    Driver ui(platform);
    json s = ui.state();
    const std::string id = s["cases"][0]["id"];
    const Reference r = reference(file_of(s, id));
    ui.click("case." + id);
    s = ui.press(key::letter('w'));
    check(s["case"]["what_if"].is_null(), "no what-if before the engine's answer is shown");
    commit(ui);
    s = ui.press(key::letter('w'));
    check(!s["case"]["what_if"].is_null(), "W starts a what-if");
    check(ui.scroll_to("what_if.back")["controls"].contains("what_if.back"), "the hypothetical is marked, with a way back");
    const dah::KnowledgeBase& kb = r.kb;
    const int var = kb.variable_index(s["case"]["what_if"]["variable"].get<std::string>());
    const int value = kb.value_index(var, s["case"]["what_if"]["value"].get<std::string>());
    const dah::Finding changed{var, value, {}};
    const std::vector<double> expected = naive_bayes(kb, r.c, 0, &changed);
    const std::vector<double> shown = probabilities(kb, s["case"]["what_if"]["posterior"]);
    for (std::size_t d = 0; d < expected.size(); ++d) check_near(shown[d], expected[d], 1e-12, "what-if posterior");
    s = ui.click("what_if.back");
    check(s["case"]["what_if"].is_null(), "one click returns to the real case");
    check_engine_matches(r, s["case"], 0);
    s = ui.press(key::letter('h'));
    check(s["case"]["hint_open"].get<bool>(), "H shows what to order next");
}

void test_progress_survives() {
    MemoryPlatform platform;
    std::string id;
    json draft_before;
    {
        Driver ui(platform);
        json s = ui.state();
        id = s["cases"][0]["id"];
        ui.click("case." + id);
        commit(ui);
        s = ui.press(key::letter('n'));
        s = set_slider(ui, s["case"]["selected_diagnosis"], 0.7f);  // an uncommitted draft at stage 2
        draft_before = s["case"]["learner"]["draft"];
        ui.press(key::letter('l'));  // leave the case
        s = ui.press(key::letter('p'));
        check(s["case"]["learner"]["draft"] == draft_before, "the draft survives leaving the case and coming back");
        ui.press(key::letter('t'));
    }
    check(platform.store.count("progress") == 1 && platform.store.count("settings") == 1, "progress and settings were saved");
    Driver again(platform);
    json s = again.state();
    check(s["theme"] != "dark", "the theme is restored");
    check(s["cases"][static_cast<std::size_t>(case_index_in_library(s, id))]["progress"] == "in progress", "the case shows in progress");
    s = again.click("case." + id);
    check(s["case"]["stage"]["index"] == 1, "the case reopens at the stage reached");
    check(s["case"]["stages"][0]["committed"].get<bool>(), "the committed stage is restored");
    const auto a = s["case"]["learner"]["draft"], b = draft_before;
    for (auto it = b.begin(); it != b.end(); ++it) check_near(a[it.key()].get<double>(), it.value().get<double>(), 1e-9, "restored draft");
    platform.full = true;
    s = commit(again);
    check(s["notice"].get<std::string>().find("Storage") != std::string::npos, "full storage is reported, the app goes on");
    check(s["case"]["stages"][1]["committed"].get<bool>(), "the commit still counts in memory");
}

bool overlap(const json& a, const json& b) {
    return a["x"].get<float>() < b["x"].get<float>() + b["w"].get<float>() && b["x"].get<float>() < a["x"].get<float>() + a["w"].get<float>() &&
           a["y"].get<float>() < b["y"].get<float>() + b["h"].get<float>() && b["y"].get<float>() < a["y"].get<float>() + a["h"].get<float>();
}

void check_layout(const json& s, float width, const std::string& where) {
    std::vector<std::string> names;
    for (auto it = s["controls"].begin(); it != s["controls"].end(); ++it) {
        const json& r = it.value();
        if (it.key() == "help" || it.key() == "settings" || it.key() == "errors") continue;
        check(r["x"].get<float>() >= -0.5f && r["x"].get<float>() + r["w"].get<float>() <= width + 0.5f,
              where + ": control " + it.key() + " fits the width");
        names.push_back(it.key());
    }
    // Controls never overlap each other, and panels never overlap each other (panels hold controls).
    auto is_panel = [](const std::string& n) { return n.rfind("panel.", 0) == 0; };
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = i + 1; j < names.size(); ++j)
            if (is_panel(names[i]) == is_panel(names[j]) && names[i] != "panel.screen" && names[j] != "panel.screen")
                check(!overlap(s["controls"][names[i]], s["controls"][names[j]]), where + ": " + names[i] + " overlaps " + names[j]);
}

void test_layout() {
    struct Size {
        float w, h;
        const char* scale;
    };
    for (const Size size : {Size{360, 640, "--scale=1"}, Size{3840, 2160, "--scale=2.5"}}) {
        MemoryPlatform platform;
        Driver ui(platform, size.w, size.h, {size.scale});
        const std::string where = std::to_string(static_cast<int>(size.w)) + "x" + std::to_string(static_cast<int>(size.h));
        json s = ui.state();
        check_layout(s, size.w, where + " library");
        s = ui.press(key::digit1);
        check_layout(s, size.w, where + " player");
        s = commit(ui);
        check_layout(s, size.w, where + " player after commit");
        check(s["case"]["engine_shown"].get<bool>(), where + ": commit works");
    }
}

void test_bad_case_file() {
    MemoryPlatform platform;
    Driver ui(platform, 1280, 800, {}, {{"broken.case.json", "{\"schema_version\": 1, \"id\": 5"}, {"empty.case.json", ""}});
    json s = ui.state();
    check(s["errors"].size() == 2, "both bad files are reported");
    check(s["overlays"]["errors"].get<bool>() && s["controls"].contains("errors"), "the errors are shown in a panel");
    check(!s["errors"][0]["messages"].empty(), "each error carries the core's messages");
    check(s["cases"].size() >= 2, "the good cases still load");
    s = ui.click("errors.dismiss");
    check(!s["overlays"]["errors"].get<bool>(), "the panel can be dismissed");
    s = ui.press(key::digit1);
    check(s["screen"] == "player", "the app stays usable");
}

// The browser draws its first frame before the case library arrives (--data-later, then files_done):
// the library says it is loading, nothing can overwrite the stored progress meanwhile, and once the
// data are in, progress, imported cases and --case are restored as at an ordinary start.
void test_data_later() {
    MemoryPlatform platform;
    std::string id;
    const std::string imported_id = "imported-gpa-copy";
    {
        Driver ui(platform);
        json s = ui.state();
        check(!s["loading"].get<bool>(), "without --data-later the cases are there at once");
        id = s["cases"][0]["id"];
        ui.click("case." + id);
        commit(ui);
        s = ui.press(key::letter('n'));
        check(s["case"]["reached"] == 1, "stage 1 committed, stage 2 revealed");
        std::string text = read(fs::path(DAH_SOURCE_DIR) / "cases" / "gpa-cavities.case.json");
        const std::string from = "\"id\": \"gpa-cavities\"";
        text.replace(text.find(from), from.size(), "\"id\": \"" + imported_id + "\"");
        check(dah::ui::import_case(ui.app, "copy.case.json", text), "a copy of a case under another id imports");
        ui.step();
    }
    const std::string stored = platform.store.at("progress");
    check(json::parse(stored)["cases"][id]["answers"][0]["committed"].get<bool>(), "the commit was saved");

    Driver ui(platform, 1280, 800, {"--data-later", "--case=" + id});
    json s = ui.state();
    check(s["loading"].get<bool>(), "state() says the library is loading");
    check(s["screen"] == "library" && s["controls"].contains("library.loading"), "the library shows the loading line");
    check(s["cases"].empty() && s["errors"].empty() && s["knowledge_base"].is_null(),
          "no case yet, and no \"knowledge base not found\" error");
    s = ui.press(key::letter('r'));
    check(!s["reset_confirm"].get<bool>(), "no progress reset before the stored progress is read");
    check(!dah::ui::import_case(ui.app, "copy.case.json", "{}"), "no import before the knowledge base is in");
    check(ui.state()["notice"].get<std::string>().find("still loading") != std::string::npos, "and the notice says why");
    dah::ui::reset_progress(ui.app);  // what the kiosk's idle reset does; it must not reach storage yet
    ui.step(2);
    check(platform.store.at("progress") == stored, "nothing overwrites the stored progress while loading");

    s = ui.deliver_data();
    check(!s["loading"].get<bool>(), "loading ends with files_done");
    check(s["errors"].empty() && !s["knowledge_base"].is_null(), "the knowledge base loads");
    check(case_index_in_library(s, imported_id) >= 0 && s["cases"].size() >= 16, "the built-in cases and the stored import are listed");
    check(s["screen"] == "player" && s["case"]["id"] == id, "--case opens its case once it is there");
    check(s["case"]["stage"]["index"] == 1 && s["case"]["stages"][0]["committed"].get<bool>(), "the stored progress is restored");
    ui.step(2);
    check(json::parse(platform.store.at("progress"))["cases"][id]["answers"][0]["committed"].get<bool>(),
          "the saved progress still has the commit");
    s = commit(ui);
    check(s["case"]["stages"][1]["committed"].get<bool>(), "the app goes on as usual");
    check(json::parse(platform.store.at("progress"))["cases"][id]["answers"][1]["committed"].get<bool>(), "and saves again");

    // files_done before start() (the page was quicker than main): start() loads at once.
    dah::ui::AppState early;
    dah::ui::add_file(early, "knowledge-base.json", read(fs::path(DAH_SOURCE_DIR) / "cases" / "knowledge-base.json"));
    dah::ui::files_done(early);
    dah::ui::start(early, platform, dah::ui::parse_options({"--data-later"}));
    check(!early.pending.loading && early.tutor.kb(), "data handed over before start() are loaded by start()");
}

void test_even_spread_and_restart_ask_first() {
    MemoryPlatform platform;
    Driver ui(platform);
    json s = ui.state();
    const std::string id = s["cases"][0]["id"];
    ui.click("case." + id);
    s = ui.click("commit");
    check(!s["case"]["learner"]["committed"].get<bool>(), "an untouched even spread is not committed at the first click");
    check(s["confirm"] == "even_spread" && !s["notice"].get<std::string>().empty(), "it asks instead, in the status line");
    s = ui.click("commit");
    check(s["case"]["learner"]["committed"].get<bool>(), "the second click commits it");
    // To the debrief: R asks before it erases, Esc keeps the answers, R then Y erases them.
    s = ui.press(key::letter('d'));
    check(s["screen"] == "debrief", "D opens the debrief");
    s = ui.press(key::letter('r'));
    check(s["case"]["stages"][0]["committed"].get<bool>(), "R alone erases nothing");
    check(s["confirm"] == "restart", "R asks first");
    s = ui.press(key::escape);
    check(s["confirm"].is_null() && s["case"]["stages"][0]["committed"].get<bool>(), "Esc keeps the answers");
    ui.press(key::letter('r'));
    s = ui.press(key::letter('y'));
    check(!s["case"]["stages"][0]["committed"].get<bool>() && s["screen"] == "player", "R then Y starts the case again");
}

// "Which findings point to X?": the diagnosis filter narrows the columns only, and ranking by a
// diagnosis puts first the finding value with the largest likelihood ratio for it (computed here by
// the core directly: P(value | d) against the prior-weighted rest).
void test_explorer_filters() {
    MemoryPlatform platform;
    Driver ui(platform);
    json s = ui.press(key::letter('k'));
    check(s["screen"] == "explorer", "K opens the explorer");
    const int all_rows = s["explorer_rows"];
    ui.app.view.explorer_diagnosis_search = "warfarin";
    s = ui.step(2);
    check(s["explorer_rows"] == all_rows, "filtering diagnoses keeps every finding row");
    check(!s["explorer_columns"].empty() && s["explorer_columns"].size() < 5, "and narrows the columns");
    const dah::KnowledgeBase& kb = *ui.app.tutor.kb();
    const int d = 0;
    ui.app.view.explorer_diagnosis_search.clear();
    ui.app.view.explorer_rank_by = d;
    s = ui.step(2);
    const dah::Hypothesis h = dah::Hypothesis::of_diagnosis(kb, d);
    double best = -1e300;
    std::string best_row;
    for (std::size_t v = 0; v < kb.variables.size(); ++v)
        for (std::size_t k = 0; k < kb.variables[v].values.size(); ++k) {
            const double db = dah::weight_of_evidence_db(kb, dah::Evidence::none(kb), dah::Finding{static_cast<int>(v), static_cast<int>(k), {}},
                                                         h, dah::Hypothesis::complement(kb, h));
            if (db > best) best = db, best_row = kb.variables[v].id + "=" + kb.variables[v].values[k].id;
        }
    check(s["explorer_first_rows"][0] == best_row, "ranked by " + kb.diagnoses[d].id + ", the strongest finding comes first (" + best_row + ")");
}

void test_idle() {
    MemoryPlatform platform;
    Driver ui(platform);
    ui.step(5);
    check(!dah::ui::wants_frame(ui.app), "no frames are wanted when nothing happens");
    check(dah::ui::seconds_until_timer(ui.app) < 0, "no timer is due when nothing happens");
    // A wake asks for a few frames, then the app goes idle again by itself: count the frames it wants.
    dah::ui::wake(ui.app, 3);
    int drawn = 0;
    while (dah::ui::wants_frame(ui.app) && drawn < 20) {
        ui.step(1);
        ++drawn;
    }
    check(drawn == 3, "a wake for 3 frames draws 3 frames and stops (drew " + std::to_string(drawn) + ")");
}


// The accessible mirror's tree (web/ui/a11y_tree.hpp): sent only when a frame changed it, a node for
// every reported control, and what a screen reader does through the mirror (activate, set a slider,
// move the focus) does what the mouse and keys do; the live region's sentences follow the walk.
void test_a11y_mirror() {
    using dah::ui::A11yIntent;
    MemoryPlatform platform;
    Driver ui(platform);
    json s = ui.step(3);
    dah::ui::A11yTree& tree = ui.app.a11y;
    tree.take_changed();
    ui.step(3);
    check(!tree.take_changed(), "frames that change nothing send nothing to the mirror");
    for (const auto& [name, rect] : s["controls"].items()) check(tree.find(name) != nullptr, "a mirror node for " + name);
    const std::string id = s["cases"][0]["id"];
    tree.push({A11yIntent::Kind::activate, "case." + id, 0, {}});
    s = ui.step(3);
    check(s["screen"] == "player" && s["case"]["id"] == id, "activating a case's button in the mirror opens it");
    check(tree.take_changed(), "a new screen is sent to the mirror");
    check(tree.text().find("\"Stage 1 of ") != std::string::npos, "the first stage is announced");
    const Reference r = reference(file_of(s, id));
    const std::string dx = r.kb.diagnoses[0].id;
    tree.push({A11yIntent::Kind::set_value, "slider." + dx, 60, {}});
    s = ui.step(3);
    check_near(s["case"]["learner"]["draft"][dx].get<double>(), 0.6, 1e-9, "the slider set through the mirror");
    const dah::ui::A11yNode* slider = tree.find("slider." + dx);
    check(slider && slider->role == dah::ui::A11yRole::slider && slider->now == 60 && slider->max == 100 &&
              slider->value == "60 %", "the slider's node has its value");
    tree.push({A11yIntent::Kind::activate, "next", 0, {}});
    s = ui.step(3);
    check(s["case"]["stage"]["index"] == 0, "a disabled button does nothing when activated through the mirror");
    tree.push({A11yIntent::Kind::activate, "commit", 0, {}});
    s = ui.step(3);
    check(s["case"]["stages"][0]["committed"].get<bool>(), "Commit through the mirror commits");
    check(tree.text().find("\"Engine: ") != std::string::npos && tree.text().find("your score ") != std::string::npos,
          "the commit is announced with the engine's answer and the score");
    tree.push({A11yIntent::Kind::focus, "next", 0, {}});
    ui.step(3);
    check(tree.text().find("{\"f\":\"next\"") == 0, "the mirror's focus request moves the app's keyboard focus");
}

}  // namespace

int main(int argc, char** argv) {
    const std::map<std::string, std::function<void()>> tests = {
        {"walk_case", test_walk_case},     {"keyboard_only", test_keyboard_only},
        {"what_if", test_what_if},         {"progress_survives", test_progress_survives},
        {"layout_phone_and_4k", test_layout}, {"bad_case_file", test_bad_case_file},
        {"idle", test_idle},               {"data_later", test_data_later},
        {"ask_first", test_even_spread_and_restart_ask_first}, {"explorer_filters", test_explorer_filters},
        {"a11y_mirror", test_a11y_mirror},
    };
    int ran = 0;
    for (const auto& [name, run] : tests) {
        if (argc > 1 && name != argv[1]) continue;
        std::printf("ui.%s\n", name.c_str());
        run();
        ++ran;
    }
    if (ran == 0) fail("no such test");
    std::printf("ok (%d)\n", ran);
    return 0;
}
