// Headless UI tests: each walks the real UI and checks what it shows against the core.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "dah/outcomes.hpp"
#include "dah/scoring.hpp"
#include "dah/tutor/library.hpp"
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

double brier(const std::vector<double>& p, int truth) {
    double s = 0;
    for (std::size_t d = 0; d < p.size(); ++d) s += (p[d] - (static_cast<int>(d) == truth ? 1.0 : 0.0)) * (p[d] - (static_cast<int>(d) == truth ? 1.0 : 0.0));
    return s;
}

// What the engine must show, derived here from the core and not through the tutor or the UI: the causal
// model's distribution over the tutor's outcomes (dah/outcomes.hpp, tested against brute-force
// enumeration in tests/unit) after the case's network findings up to each stage. The case is read as the
// tutor reads it (its story, each network finding on the last story stage at or before its own).
struct Reference {
    dah::KnowledgeBase kb;  // the outcome space: groups, outcomes, the network's nodes as variables
    dah::Case c;
    dah::net::Network network;
    dah::net::OutcomeSpace outcomes;
    std::vector<std::vector<double>> stages;  // the distribution after each stage
    std::vector<double> after(int up_to_stage, const dah::Finding* changed = nullptr) const {
        dah::net::Evidence e = dah::net::Evidence::none(network);
        for (int st = 0; st <= up_to_stage; ++st)
            for (const dah::Finding& f : c.stages[static_cast<std::size_t>(st)].findings)
                e.set(network, f.variable, changed && changed->variable == f.variable ? changed->value : f.value);
        return dah::net::outcome_distribution(network, outcomes, e);
    }
};

Reference reference(const std::string& case_file) {
    const fs::path dir = fs::path(DAH_SOURCE_DIR) / "cases";
    const dah::tutor::Library lib =
        dah::tutor::load_library({{"knowledge-base-v2.json", read(dir / "knowledge-base-v2.json")}, {case_file, read(dir / case_file)}});
    check(lib.kb && lib.network && lib.cases.size() == 1, case_file + " loads with the knowledge base");
    Reference r{*lib.kb, lib.cases[0].data, *lib.network, lib.outcomes, {}};
    for (std::size_t st = 0; st < r.c.stages.size(); ++st) r.stages.push_back(r.after(static_cast<int>(st)));
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

// Opens the answer panel's "every cause" sliders (the four groups come first; the causes are optional).
json open_detailed(Driver& ui) {
    json s = ui.state();
    if (!s["answer_panel"]["detailed_open"].get<bool>()) s = ui.click("detailed.toggle");
    check(s["answer_panel"]["detailed_open"].get<bool>(), "the detailed sliders open");
    return s;
}

// Sets the learner's answer with the mouse: click a slider at `fraction` of its width.
json set_slider(Driver& ui, const std::string& diagnosis, float fraction) {
    open_detailed(ui);
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
    for (const std::string& id : {s["cases"][0]["id"].get<std::string>(), s["cases"][s["cases"].size() - 1]["id"].get<std::string>()}) {
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
    // The answer's group and its place in the question (immune, coagulopathic, other, both): its preset key.
    const int truth_group = r.kb.diagnoses[static_cast<std::size_t>(r.c.answer)].group;
    const std::string order[] = {"immune", "coagulopathic", "other", "both"};
    int place = 0;
    while (order[place] != r.kb.groups[static_cast<std::size_t>(truth_group)].id) ++place;
    for (int stage = 0; stage < n; ++stage) {
        s = ui.press(key::digit1 + place);  // "mostly <the answer's group>": .7, the others .1
        for (int i = 0; i < 2; ++i) s = ui.press(key::equals);  // two steps of 5 points: .8
        const std::vector<double> draft = probabilities(r.kb, s["case"]["learner"]["draft"]);
        check_sums_to_one(draft, "keyboard draft");
        check(s["case"]["learner"]["level"] == "groups", "keys answer the first question (the groups level)");
        s = ui.press(key::letter('n'));
        check(s["case"]["stage"]["index"] == stage, "N does nothing before the commit");
        s = commit(ui);
        check_engine_matches(r, s["case"], stage);
        // Scored on the four groups: .8 on the answer's group and .2 / 3 on each other, so the Brier score
        // is (1 - .8)² + 3 × (.2 / 3)² whatever the group; the engine on its own group totals.
        const json& st = s["case"]["stages"][static_cast<std::size_t>(stage)];
        check(st["level"] == "groups", "the commit is at the groups level");
        check_near(st["groups"][r.kb.groups[static_cast<std::size_t>(truth_group)].id].get<double>(), 0.8, 1e-9, "the answer's group");
        check_near(st["learner_brier"].get<double>(), 0.04 + 3 * (0.2 / 3) * (0.2 / 3), 1e-9, "the groups-level Brier score");
        std::vector<double> groups(r.kb.groups.size(), 0.0);
        for (std::size_t d = 0; d < r.kb.diagnoses.size(); ++d)
            groups[static_cast<std::size_t>(r.kb.diagnoses[d].group)] += r.stages[static_cast<std::size_t>(stage)][d];
        check_near(st["engine_brier"].get<double>(), brier(groups, truth_group), 1e-9, "the engine's groups-level Brier score");
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
    const std::vector<double> expected = r.after(0, &changed);
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
        // The answer panel's region lies inside the learner's panel: its controls are checked one by one.
        if (it.key() == "help" || it.key() == "settings" || it.key() == "errors" || it.key() == "panel.commit") continue;
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
    dah::ui::add_file(early, "knowledge-base-v2.json", read(fs::path(DAH_SOURCE_DIR) / "cases" / "knowledge-base-v2.json"));
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

// The explorer shows the network: searching "inr" keeps the INR node, whose "depends on" line names the
// anticoagulant (so a student sees why the INR of a patient known to be on warfarin adds nothing), and
// every row of its table carries a source or an estimate (state().explorer_first_rows, from the core's
// network read here).
void test_explorer_filters() {
    MemoryPlatform platform;
    Driver ui(platform);
    json s = ui.press(key::letter('k'));
    check(s["screen"] == "explorer", "K opens the explorer");
    const int all_rows = s["explorer_rows"];
    ui.app.view.explorer_search = "inr";
    s = ui.step(2);
    const int rows = s["explorer_rows"];
    check(rows > 2 && rows < all_rows, "the search keeps the nodes named for the INR");
    // The INR's heading and, under it, what it depends on (the INR target range may come first).
    std::string parents;
    for (std::size_t i = 0; i + 1 < s["explorer_first_rows"].size(); ++i)
        if (s["explorer_first_rows"][i].get<std::string>().rfind("inr: ", 0) == 0) parents = s["explorer_first_rows"][i + 1];
    check(!parents.empty(), "the INR node is among the first lines");
    const auto loaded = dah::net::load_network(read(fs::path(DAH_SOURCE_DIR) / "cases" / "knowledge-base-v2.json"), "kb");
    check(loaded.ok(), "the network loads");
    const dah::net::Network& n = *loaded.value;
    const dah::net::Node& inr = n.nodes[static_cast<std::size_t>(n.node_index("inr"))];
    for (int p : inr.parents)
        check(parents.find(n.nodes[static_cast<std::size_t>(p)].name) != std::string::npos,
              "the INR's line names its parent " + n.nodes[static_cast<std::size_t>(p)].id + " (" + parents + ")");
    check(parents.find("Depends on") != std::string::npos, "a line says what the INR depends on");
}

// The answer panel: a preset answers the first question; a cause's share within the leading group is
// the optional second step; the detailed sliders take typed values, hold a value, and a click on a
// cause's name sets nothing. Expected values worked out here from the presets and the rescaling rule.
void test_answer_levels() {
    MemoryPlatform platform;
    Driver ui(platform);
    json s = ui.state();
    const std::string id = "gpa-cavities";
    s = ui.click("case." + id);
    check(s["controls"].contains("panel.commit") && s["controls"].contains("commit") && s["controls"].contains("commit.split"),
          "the answer panel opens with the stage");
    check(s["case"]["learner"]["level"] == "groups", "the untouched answer is at the groups level");
    check_near(s["case"]["learner"]["groups"]["immune"].get<double>(), 0.25, 1e-12, "the four groups start even");
    s = ui.click("commit.preset.1");
    check_near(s["case"]["learner"]["groups"]["immune"].get<double>(), 0.7, 1e-12, "\"Mostly immune\" gives immune .7");
    check_near(s["case"]["learner"]["groups"]["both"].get<double>(), 0.1, 1e-12, "and .1 to each other group");
    // Drag the first handle (immune | blood thinner) to 60 % of the bar.
    const json bar = s["controls"]["commit.split"];
    const float x0 = bar["x"].get<float>(), w = bar["w"].get<float>(), y = bar["y"].get<float>() + bar["h"].get<float>() / 2;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x0 + w * 0.7f, y);
    ui.step();
    io.MouseDown[0] = true;
    ui.step();
    for (int i = 1; i <= 4; ++i) {
        io.MousePos = ImVec2(x0 + w * (0.7f - 0.025f * static_cast<float>(i)), y);
        ui.step();
    }
    io.MouseDown[0] = false;
    s = ui.step(2);
    check_near(s["case"]["learner"]["groups"]["immune"].get<double>(), 0.6, 0.011, "dragging the handle gives immune what is left of it");
    check_near(s["case"]["learner"]["groups"]["coagulopathic"].get<double>(), 0.2, 0.011, "and the blood thinners what is right of it");
    check_near(s["case"]["learner"]["groups"]["other"].get<double>(), 0.1, 1e-9, "the other groups stay");
    // The causes within the leading group (immune).
    s = ui.click("causes.toggle");
    check(s["answer_panel"]["causes_open"].get<bool>() && ui.scroll_to("cause.gpa")["controls"].contains("cause.gpa"), "the leading group's causes are offered");
    const json r = ui.scroll_to("cause.gpa")["controls"]["cause.gpa"];
    s = ui.click_at(r["x"].get<float>() + r["w"].get<float>() * 0.9f, r["y"].get<float>() + r["h"].get<float>() / 2);
    check(s["case"]["learner"]["level"] == "top_causes", "a cause's share makes it the top-causes level");
    const double immune = s["case"]["learner"]["groups"]["immune"].get<double>();
    check(s["case"]["learner"]["draft"]["gpa"].get<double>() > 0.8 * immune, "GPA takes most of immune's share");
    // Every cause: a click on a name chooses it and sets nothing.
    open_detailed(ui);
    const json before = ui.state()["case"]["learner"]["draft"];
    s = ui.click("label.mpa");
    check(s["case"]["learner"]["draft"] == before, "a click on a cause's name does not set a value");
    check(s["case"]["selected_diagnosis"] == "mpa" && !s["answer_panel"]["keys_on_group"].get<bool>(),
          "it chooses the cause for the keys");
    // Hold GPA, then set MPA: GPA keeps its value.
    s = ui.click("hold.gpa");
    check(s["case"]["learner"]["held"].size() == 1 && s["case"]["learner"]["held"][0] == "gpa", "Hold holds");
    const double gpa = s["case"]["learner"]["draft"]["gpa"].get<double>();
    s = ui.press(key::equals);  // MPA + 5 points
    check_near(s["case"]["learner"]["draft"]["gpa"].get<double>(), gpa, 1e-12, "the held cause keeps its value");
    check(s["case"]["learner"]["level"] == "detailed", "a detailed slider makes it the detailed level");
    // Ctrl+click types a value: 40 for MPA.
    const json m = ui.scroll_to("slider.mpa")["controls"]["slider.mpa"];
    io.KeyCtrl = true;
    ui.click_at(m["x"].get<float>() + m["w"].get<float>() / 2, m["y"].get<float>() + m["h"].get<float>() / 2);
    io.KeyCtrl = false;
    // The value's text is selected as the field opens: what is typed replaces it.
    ui.type_char('4');
    ui.type_char('0');
    s = ui.press(key::enter);
    check_near(s["case"]["learner"]["draft"]["mpa"].get<double>(), 0.4, 1e-9, "a typed 40 sets MPA to 40 %");
    check_near(s["case"]["learner"]["draft"]["gpa"].get<double>(), gpa, 1e-12, "GPA is still held");
    s = commit(ui);
    check(s["case"]["stages"][0]["level"] == "detailed", "committed at the detailed level");
    check(s["controls"].contains("stage_score"), "the score is shown with its level");
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


// Walks the open case with keys only: at each stage raise the first diagnosis by `raise` steps of 5
// points, commit (C, and C again for an even spread), reveal the next (N); ends on the debrief.
json finish_with_keys(Driver& ui, int raise) {
    json s = ui.state();
    const int n = static_cast<int>(s["case"]["stages"].size());
    for (int stage = 0; stage < n; ++stage) {
        ui.press(key::digit1);
        for (int k = 0; k < raise; ++k) ui.press(key::equals);
        s = commit(ui);
        check(s["case"]["stages"][static_cast<std::size_t>(stage)]["committed"].get<bool>(), "stage committed");
        s = ui.press(key::letter('n'));
    }
    check(s["screen"] == "debrief" && s["case"]["finished"].get<bool>(), "the walk ends on the debrief");
    return s;
}

// The pairs (stated probability, was it the answer) of every committed stage of the state's case, on
// what was answered: the four groups at the groups level (the keys' presets), every cause when detailed.
void add_pairs(const json& c, const json& state, std::vector<std::pair<double, bool>>& pairs) {
    const std::string answer = c["answer"];
    const Reference r = reference(file_of(state, c["id"]));
    const dah::Diagnosis& dx = r.kb.diagnoses[static_cast<std::size_t>(r.kb.diagnosis_index(answer))];
    const std::string answer_group = r.kb.groups[static_cast<std::size_t>(dx.group)].id;
    for (const json& st : c["stages"]) {
        check(st["level"] == "groups" || st["level"] == "detailed", "the walk answers groups or every cause");
        const bool groups = st["level"] == "groups";
        for (const auto& [id, p] : st[groups ? "groups" : "learner"].items())
            pairs.emplace_back(p.get<double>(), id == (groups ? answer_group : answer));
    }
}

// My progress in its three states: nothing finished (plain words, no chart), one case (the chart with
// a caution), two cases (a trend); the bins are checked against pairs counted here from the committed
// answers, and the CSV export has one row per committed stage.
void test_my_progress() {
    MemoryPlatform platform;
    Driver ui(platform);
    json s = ui.press(key::letter('m'));
    check(s["screen"] == "progress", "M opens My progress");
    check(s["progress"]["cases_finished"] == 0, "nothing finished yet");
    check(s["progress"]["summary"].get<std::string>().rfind("No case finished yet.", 0) == 0, "the empty state says so in words");
    check(!s["controls"].contains("progress.calibration"), "no empty chart is drawn");
    check(s["controls"].contains("progress.export.csv"), "the export is offered");
    s = ui.press(key::letter('l'));
    check(s["controls"].contains("library.progress"), "the library links to My progress");
    s = ui.click("library.progress");
    check(s["screen"] == "progress", "the library's button opens My progress");
    s = ui.press(key::f1);
    check(s["overlays"]["help"].get<bool>(), "help opens");
    ui.press(key::escape);

    std::vector<std::pair<double, bool>> pairs;
    int stages = 0;
    const std::string first = s["cases"][0]["id"], second = s["cases"][1]["id"];
    ui.press(key::letter('l'));
    ui.click("case." + first);
    s = finish_with_keys(ui, 6);
    add_pairs(s["case"], s, pairs);
    stages += static_cast<int>(s["case"]["stages"].size());
    check(ui.scroll_to("debrief.chart")["controls"].contains("debrief.chart"), "the debrief draws the replay chart");
    check(s["case"]["replay"]["learner"].size() == s["case"]["stages"].size(), "one point per stage");
    check(s["case"]["replay"]["top_moves"].size() == 3, "the three findings that moved the engine most");
    check(!s["case"]["replay"]["certainty_words"].get<std::string>().empty(), "the debrief compares with certainty in words");
    s = ui.press(key::letter('m'));
    check(s["progress"]["cases_finished"] == 1, "one case finished");
    check(s["progress"]["summary"].get<std::string>().find("too few") != std::string::npos, "one case: a caution in words");
    check(ui.scroll_to("progress.calibration")["controls"].contains("progress.calibration"), "the calibration chart is drawn");
    check(ui.scroll_to("progress.over_time")["controls"].contains("progress.over_time"), "the chart over time is drawn");

    ui.press(key::letter('l'));
    ui.click("case." + second);
    s = finish_with_keys(ui, 12);
    add_pairs(s["case"], s, pairs);
    stages += static_cast<int>(s["case"]["stages"].size());
    s = ui.press(key::letter('m'));
    check(s["progress"]["cases_finished"] == 2, "two cases finished");
    check(s["progress"]["summary"].get<std::string>().find("too few") == std::string::npos, "no caution with two");
    check(s["progress"]["cases"].size() == 2 && s["progress"]["cases"][0]["case"] == first, "cases in the order finished");
    check(s["progress"]["pairs"] == pairs.size(), "one pair per outcome answered per committed stage");
    // The bins, counted here: [k/10, (k+1)/10), 1 in the last.
    std::vector<int> count(10, 0), right(10, 0);
    for (const auto& [p, hit] : pairs) {
        const int k = std::min(9, static_cast<int>(p * 10));
        ++count[static_cast<std::size_t>(k)];
        right[static_cast<std::size_t>(k)] += hit ? 1 : 0;
    }
    for (std::size_t k = 0; k < 10; ++k) {
        const json& bin = s["progress"]["bins"][k];
        check(bin["count"] == count[k], "bin " + std::to_string(k) + " counts its pairs");
        if (count[k] > 0) check_near(bin["observed"].get<double>(), static_cast<double>(right[k]) / count[k], 1e-12, "bin observed frequency");
    }
    s = ui.click("progress.export.csv");
    const std::string csv = platform.exported["dah-tutor-progress.csv"];
    check(csv.rfind("order,case,stage,", 0) == 0, "the CSV has its header");
    int rows = 0;
    for (char ch : csv) rows += ch == '\n' ? 1 : 0;
    check(rows == 1 + stages, "one CSV row per committed stage (" + std::to_string(rows - 1) + " of " + std::to_string(stages) + ")");
    ui.press(key::letter('j'));
    const json exported = json::parse(platform.exported["dah-tutor-progress.json"], nullptr, false);
    check(!exported.is_discarded() && exported["cases_finished"] == 2, "J exports the JSON");
}

// Whole words, ignoring case.
bool names(const std::string& text, const std::string& term) {
    auto lower = [](std::string x) {
        for (char& ch : x) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return x;
    };
    const std::string t = lower(text), w = lower(term);
    for (std::size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
        const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(t[at - 1]));
        const bool right = at + w.size() >= t.size() || !std::isalnum(static_cast<unsigned char>(t[at + w.size()]));
        if (left && right) return true;
    }
    return false;
}

// Every built-in case walked: no teaching point shown (state().case.teaching_points) before the stage
// that establishes the answer names it: its id, name, short name, or a synonym of the review checklist
// (cases/README.md). The establishing stage is worked out here from the case's checks.
void test_teaching_points_wait() {
    const std::map<std::string, std::vector<std::string>> synonyms = {
        {"anti-gbm", {"anti-GBM", "Goodpasture"}}, {"sle", {"lupus", "SLE"}}, {"gpa", {"Wegener", "granulomatosis"}},
        {"egpa", {"Churg-Strauss", "eosinophilic granulomatosis"}}, {"iph", {"hemosiderosis", "haemosiderosis"}},
        {"cardiac", {"heart failure", "mitral stenosis"}}, {"infection", {"leptospirosis", "Leptospira"}},
        {"thrombocytopenia-dic", {"thrombocytopenia", "DIC"}}, {"warfarin", {"over-anticoagulation", "warfarin toxicity"}},
        {"drug-toxin", {"crack lung", "cocaine-induced"}}, {"drug-induced-aav", {"PTU-induced", "PTU-associated"}}};
    MemoryPlatform platform;
    Driver ui(platform);
    const json cards = ui.state()["cases"];
    json s;
    int shown_total = 0, held = 0;
    for (const json& card : cards) {
        const std::string id = card["id"];
        const Reference r = reference(card["file"].get<std::string>());
        const dah::Diagnosis& answer = r.kb.diagnoses[static_cast<std::size_t>(r.c.answer)];
        int members = 0;
        for (const auto& d : r.kb.diagnoses) members += d.group == answer.group ? 1 : 0;
        int establishing = static_cast<int>(r.c.stages.size());
        for (const dah::StageCheck& ch : r.c.checks)
            if (ch.leading == answer.id || ch.leading == r.c.answer_id ||
                (members == 1 && ch.leading == r.kb.groups[static_cast<std::size_t>(answer.group)].id))
                for (std::size_t i = 0; i < r.c.stages.size(); ++i)
                    if (r.c.stages[i].stage == ch.after) establishing = std::min(establishing, static_cast<int>(i));
        std::vector<std::string> terms = {answer.id, answer.name, answer.short_name, r.c.answer_id};
        if (synonyms.count(r.c.answer_id)) for (const std::string& t : synonyms.at(r.c.answer_id)) terms.push_back(t);
        ui.press(key::letter('l'));
        s = ui.click("case." + id);
        for (int stage = 0; stage < static_cast<int>(r.c.stages.size()); ++stage) {
            s = commit(ui);
            for (const json& tp : s["case"]["teaching_points"]) {
                ++shown_total;
                held += tp["from"] != s["case"]["stage"]["id"] ? 1 : 0;
                if (stage >= establishing) continue;
                for (const std::string& term : terms)
                    check(!names(tp["text"].get<std::string>(), term),
                          id + ": a teaching point shown at stage " + std::to_string(stage) + " names the answer (\"" + term + "\"): " +
                              tp["text"].get<std::string>());
            }
            s = ui.press(key::letter('n'));
        }
    }
    check(shown_total > 50, "teaching points were shown (" + std::to_string(shown_total) + ")");
    std::printf("  %d teaching points shown, %d of them held to a later stage\n", shown_total, held);
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
    // The four-way question: the split bar is four sliders in the mirror; one set, the others rescale.
    const int immune = r.kb.group_index("immune");
    check(immune >= 0, "the knowledge base has the immune group");
    check(tree.find("commit.split") && tree.find("commit.split")->role == dah::ui::A11yRole::region, "the split bar is a group");
    tree.push({A11yIntent::Kind::set_value, "split.immune", 60, {}});
    s = ui.step(3);
    double immune_share = 0, total = 0;
    for (const auto& d : r.kb.diagnoses) {
        const double p = s["case"]["learner"]["draft"][d.id].get<double>();
        total += p;
        if (d.group == immune) immune_share += p;
    }
    check_near(immune_share, 0.6, 1e-9, "the immune share set through the mirror");
    check_near(total, 1.0, 1e-9, "the shares still add up to 1");
    const dah::ui::A11yNode* split = tree.find("split.immune");
    check(split && split->role == dah::ui::A11yRole::slider && split->now == 60 && split->max == 100 && split->value == "60 %",
          "the share's node has its value");
    // Every cause: opened through the mirror, a cause's slider set there.
    check(!tree.find("slider." + r.kb.diagnoses[0].id), "no cause sliders before the detailed level is opened");
    tree.push({A11yIntent::Kind::activate, "detailed.toggle", 0, {}});
    s = ui.step(3);
    const std::string dx = r.kb.diagnoses[0].id;
    check(tree.find("slider." + dx) != nullptr, "the detailed level opened through the mirror shows every cause's slider");
    tree.push({A11yIntent::Kind::set_value, "slider." + dx, 30, {}});
    s = ui.step(3);
    check_near(s["case"]["learner"]["draft"][dx].get<double>(), 0.3, 1e-9, "a cause's slider set through the mirror");
    const dah::ui::A11yNode* slider = tree.find("slider." + dx);
    check(slider && slider->role == dah::ui::A11yRole::slider && slider->now == 30 && slider->value == "30 %",
          "the slider's node has its value");
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
        {"answer_levels", test_answer_levels},
        {"my_progress", test_my_progress},  {"teaching_points_wait", test_teaching_points_wait},
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
