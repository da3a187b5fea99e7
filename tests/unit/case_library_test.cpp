// The real knowledge base and case library (cases/): everything loads, every case ends on its
// answer, every check a case states holds, every number is sourced or a marked estimate, and the
// teaching claims the library rests on hold in the knowledge base.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dah/case.hpp"
#include "dah/engine.hpp"
#include "dah/knowledge_base.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path cases_dir = fs::path(DAH_SOURCE_DIR) / "cases";

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string all_errors(const std::vector<dah::Diagnostic>& errors) {
    std::string out;
    for (const auto& e : errors) out += e.to_string() + "\n";
    return out;
}

struct NamedCase {
    std::string file;
    dah::Case value;
};

// The cases written while the naive-Bayes model ran the tutor, whose stage findings and checks are in its
// variables: kept here as that model's regression. Cases added since carry their stage findings for it
// only where it has them (some name its nearest diagnosis as a stand-in); the causal model, which runs
// the tutor, judges every case (tests/unit/vignette_test.cpp).
const char* const written_for_naive_bayes[] = {
    "anti-gbm-smoker",
    "crack-no-hemoptysis",
    "dabigatran-blood-in-urine",
    "dabigatran-flail-valve",
    "doac-negative-workup",
    "egpa-asthma",
    "gpa-cavities",
    "heparin-long-aptt",
    "iph-recurrent",
    "leptospirosis-infection",
    "leukaemia-thrombocytopenia",
    "lupus-low-complement",
    "mitral-stenosis-mimic",
    "mpa-one-sided-shadow",
    "mpa-pulmonary-renal",
    "mpo-after-years-of-bleeding",
    "nodules-then-kidneys",
    "ptu-anca-vasculitis",
    "valve-warfarin-leukocytosis",
    "warfarin-and-vasculitis",
    "warfarin-supratherapeutic",
};

// Loaded once for the whole suite; each test asserts on the parts it needs.
struct Library {
    dah::KnowledgeBase kb;
    bool kb_ok = false;
    std::string kb_errors;
    std::vector<NamedCase> cases;
    std::map<std::string, std::string> case_errors;  // file -> errors
    std::vector<std::string> case_files;
};

const Library& library() {
    static const Library lib = [] {
        Library l;
        const auto kb = dah::load_knowledge_base(read_text(cases_dir / "knowledge-base.json"), "cases/knowledge-base.json");
        l.kb_ok = kb.ok();
        l.kb_errors = all_errors(kb.errors);
        if (!kb.ok()) return l;
        l.kb = *kb.value;
        for (const auto& entry : fs::directory_iterator(cases_dir)) {
            const std::string name = entry.path().filename().string();
            const std::string suffix = ".case.json";
            if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
                std::find(std::begin(written_for_naive_bayes), std::end(written_for_naive_bayes),
                          name.substr(0, name.size() - suffix.size())) != std::end(written_for_naive_bayes)) {
                l.case_files.push_back(name);
            }
        }
        std::sort(l.case_files.begin(), l.case_files.end());
        for (const auto& name : l.case_files) {
            auto c = dah::load_case(read_text(cases_dir / name), "cases/" + name, l.kb);
            if (c.ok()) {
                l.cases.push_back({name, *c.value});
            } else {
                l.case_errors[name] = all_errors(c.errors);
            }
        }
        return l;
    }();
    return lib;
}

// P(id | evidence) where id names a group or a diagnosis.
double probability_of(const dah::KnowledgeBase& kb, const std::vector<double>& posterior, const std::string& id) {
    const int g = kb.group_index(id);
    if (g >= 0) return dah::group_totals(kb, posterior)[static_cast<std::size_t>(g)];
    const int d = kb.diagnosis_index(id);
    return d >= 0 ? posterior[static_cast<std::size_t>(d)] : -1;
}

// The leading id among the groups (when `id` is a group) or among the diagnoses.
std::string leader_like(const dah::KnowledgeBase& kb, const std::vector<double>& posterior, const std::string& id) {
    if (kb.group_index(id) >= 0) {
        const auto groups = dah::group_totals(kb, posterior);
        const auto best = std::max_element(groups.begin(), groups.end()) - groups.begin();
        return kb.groups[static_cast<std::size_t>(best)].id;
    }
    const auto best = std::max_element(posterior.begin(), posterior.end()) - posterior.begin();
    return kb.diagnoses[static_cast<std::size_t>(best)].id;
}

double odds_db(const dah::KnowledgeBase& kb, const std::vector<double>& posterior, const std::string& a, const std::string& b) {
    return 10.0 * std::log10(probability_of(kb, posterior, a) / probability_of(kb, posterior, b));
}

TEST(CaseLibrary, KnowledgeBaseLoadsWithoutErrors) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
}

TEST(CaseLibrary, EveryCaseFileLoadsWithoutErrors) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    for (const auto& [file, errors] : lib.case_errors) ADD_FAILURE() << file << ":\n" << errors;
    EXPECT_EQ(lib.cases.size(), lib.case_files.size());
}

TEST(CaseLibrary, HasAtLeastTwelveCasesNamedByTheirIds) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    EXPECT_GE(lib.cases.size(), 12u);
    for (const auto& c : lib.cases) EXPECT_EQ(c.file, c.value.id + ".case.json");
}

TEST(CaseLibrary, KnowledgeBaseHasTheGroupsAndDiagnosesOfTheComparison) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    const std::map<std::string, std::vector<std::string>> expected = {
        {"immune", {"gpa", "mpa", "egpa", "anti-gbm", "sle", "drug-induced-aav"}},
        {"coagulopathic", {"warfarin", "doac", "heparin", "thrombocytopenia-dic"}},
        {"both", {"aav-on-anticoagulant"}},
        {"other", {"cardiac", "infection", "drug-toxin", "iph"}},
    };
    for (const auto& [group, diagnoses] : expected) {
        const int g = lib.kb.group_index(group);
        ASSERT_GE(g, 0) << group;
        for (const auto& id : diagnoses) {
            const int d = lib.kb.diagnosis_index(id);
            ASSERT_GE(d, 0) << id;
            EXPECT_EQ(lib.kb.diagnoses[static_cast<std::size_t>(d)].group, g) << id;
        }
    }
}

TEST(CaseLibrary, EveryCaseEndsOnItsAnswer) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    ASSERT_FALSE(lib.cases.empty());
    for (const auto& [file, c] : lib.cases) {
        const auto results = dah::replay(lib.kb, c);
        ASSERT_EQ(results.size(), c.stages.size()) << file;
        const auto& last = results.back().posterior;
        const auto leader = std::max_element(last.begin(), last.end()) - last.begin();
        EXPECT_EQ(leader, c.answer) << file << ": leads with " << lib.kb.diagnoses[static_cast<std::size_t>(leader)].id;
        EXPECT_GE(last[static_cast<std::size_t>(c.answer)], c.answer_min_probability) << file;
    }
}

// History leaves real uncertainty: labs, then biopsy and course decide. Naive Bayes multiplies many
// weak history findings, so the leading group after the history is bounded. Stated exceptions (in
// cases/README.md) keep their own ceiling: their remaining confidence comes from sourced rows (known
// lupus, sinonasal disease, purpura, haematological disease, no hemoptysis, pulmonary-renal kidney signs,
// the signs of a failing heart in a patient whose valve has just torn), not from estimates.
TEST(CaseLibrary, HistoryAloneLeavesTheLeadingGroupAtMostEightyPercent) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    ASSERT_FALSE(lib.cases.empty());
    const std::map<std::string, double> exceptions = {
        {"lupus-low-complement", 0.97}, {"egpa-asthma", 0.90}, {"crack-no-hemoptysis", 0.90},
        {"leukaemia-thrombocytopenia", 0.89}, {"gpa-cavities", 0.86}, {"ptu-anca-vasculitis", 0.92},
        {"mpa-pulmonary-renal", 0.87}, {"anti-gbm-smoker", 0.85}, {"mpa-one-sided-shadow", 0.87},
        {"mpo-after-years-of-bleeding", 0.85}, {"dabigatran-flail-valve", 0.88}};
    for (const auto& [file, c] : lib.cases) {
        const auto results = dah::replay(lib.kb, c);
        ASSERT_FALSE(results.empty()) << file;
        ASSERT_EQ(results.front().stage, dah::Stage::history) << file;
        const auto& groups = results.front().groups;
        const double leading = *std::max_element(groups.begin(), groups.end());
        const auto exception = exceptions.find(c.id);
        const double ceiling = exception == exceptions.end() ? 0.80 : exception->second;
        EXPECT_LE(leading, ceiling) << file << ": leading group after history " << leading;
        if (exception != exceptions.end()) {
            EXPECT_GT(leading, 0.80) << file << " is listed as an exception but no longer needs it";
        }
    }
}

TEST(CaseLibrary, EveryCheckOfEveryCaseHolds) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    int checks = 0;
    const auto prior = dah::posterior_after(lib.kb, dah::Evidence::none(lib.kb));
    for (const auto& [file, c] : lib.cases) {
        const auto results = dah::replay(lib.kb, c);
        for (const auto& check : c.checks) {
            std::size_t at = 0;
            while (at < results.size() && results[at].stage != check.after) ++at;
            ASSERT_LT(at, results.size()) << file << ": no stage " << dah::stage_id(check.after);
            const auto& after = results[at].posterior;
            const auto& before = at == 0 ? prior : results[at - 1].posterior;
            const std::string where = file + " after " + std::string(dah::stage_id(check.after));
            if (!check.leading.empty()) {
                ++checks;
                EXPECT_EQ(leader_like(lib.kb, after, check.leading), check.leading) << where;
                EXPECT_GE(probability_of(lib.kb, after, check.leading), check.min_probability) << where;
            }
            if (!check.odds_for.empty()) {
                ++checks;
                const double change = odds_db(lib.kb, after, check.odds_for, check.odds_against) -
                                      odds_db(lib.kb, before, check.odds_for, check.odds_against);
                EXPECT_GE(change, check.min_change_db) << where << ": " << check.odds_for << " vs " << check.odds_against;
                EXPECT_LE(change, check.max_change_db) << where << ": " << check.odds_for << " vs " << check.odds_against;
            }
        }
    }
    EXPECT_GE(checks, static_cast<int>(lib.cases.size()));  // every case states at least one
}

TEST(CaseLibrary, EveryNumberIsSourcedOrAMarkedEstimate) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    int sourced = 0, estimates = 0;
    auto count = [&](const dah::Citation& c, const std::string& where) {
        if (c.is_estimate()) {
            ++estimates;
            EXPECT_GE(c.estimate.size(), 10u) << where << ": an estimate needs a rationale";
        } else {
            ++sourced;
            EXPECT_NE(lib.kb.source(c.source_id), nullptr) << where << ": unknown source " << c.source_id;
            EXPECT_FALSE(c.derivation.empty()) << where << ": a sourced number says how it was derived";
        }
    };
    for (const auto& d : lib.kb.diagnoses) count(d.prior_citation, "prior of " + d.id);
    for (const auto& v : lib.kb.variables) {
        ASSERT_EQ(v.citation.size(), lib.kb.diagnoses.size()) << v.id;
        for (std::size_t d = 0; d < v.citation.size(); ++d) count(v.citation[d], v.id + " | " + lib.kb.diagnoses[d].id);
    }
    RecordProperty("sourced", sourced);
    RecordProperty("estimates", estimates);
    EXPECT_EQ(sourced + estimates,
              static_cast<int>(lib.kb.diagnoses.size() * (1 + lib.kb.variables.size())));
    EXPECT_GT(sourced, 0);
    EXPECT_GT(estimates, 0);
}

TEST(CaseLibrary, NoLikelihoodIsZeroSoNoSingleFindingExcludesADiagnosis) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    for (const auto& v : lib.kb.variables) {
        for (std::size_t d = 0; d < v.likelihood.size(); ++d) {
            for (std::size_t k = 0; k < v.likelihood[d].size(); ++k) {
                EXPECT_GE(v.likelihood[d][k], 0.005) << v.id << "=" << v.values[k].id << " | " << lib.kb.diagnoses[d].id;
            }
        }
    }
}

TEST(CaseLibrary, EveryDiagnosisIsTheAnswerOfSomeCaseAndEveryVariableIsRevealed) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    std::set<int> answers, variables;
    std::set<dah::Stage> stages;
    for (const auto& [file, c] : lib.cases) {
        answers.insert(c.answer);
        for (const auto& s : c.stages) {
            stages.insert(s.stage);
            for (const auto& f : s.findings) {
                variables.insert(f.variable);
                EXPECT_EQ(lib.kb.variables[static_cast<std::size_t>(f.variable)].stage, s.stage) << file;
            }
        }
    }
    for (std::size_t d = 0; d < lib.kb.diagnoses.size(); ++d) {
        EXPECT_TRUE(answers.count(static_cast<int>(d))) << "no case ends on " << lib.kb.diagnoses[d].id;
    }
    for (std::size_t v = 0; v < lib.kb.variables.size(); ++v) {
        EXPECT_TRUE(variables.count(static_cast<int>(v))) << "no case reveals " << lib.kb.variables[v].id;
    }
    EXPECT_EQ(stages.size(), dah::all_stages.size());
}

// A teaching point that states a figure must say where it comes from; general advice need not.
TEST(CaseLibrary, EveryFigureInATeachingPointIsCitedAndListedByItsCase) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    for (const auto& [file, c] : lib.cases) {
        const std::set<std::string> listed(c.sources.begin(), c.sources.end());
        int cited_points = 0;
        for (const auto& s : c.stages) {
            for (const auto& tp : s.teaching_points) {
                const bool has_figure = std::any_of(tp.text.begin(), tp.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
                if (has_figure) {
                    EXPECT_FALSE(tp.sources.empty()) << file << ": " << tp.text;
                }
                if (!tp.sources.empty()) ++cited_points;
                for (const auto& id : tp.sources) EXPECT_TRUE(listed.count(id)) << file << ": " << id;
            }
        }
        EXPECT_GT(cited_points, 0) << file;
    }
}

// The pearls the library teaches must hold in the knowledge base itself.

dah::Finding finding(const dah::KnowledgeBase& kb, const std::string& variable, const std::string& value) {
    const int v = kb.variable_index(variable);
    EXPECT_GE(v, 0) << variable;
    const int k = v >= 0 ? kb.value_index(v, value) : -1;
    EXPECT_GE(k, 0) << variable << "=" << value;
    return dah::Finding{v, k, ""};
}

dah::Hypothesis group(const dah::KnowledgeBase& kb, const std::string& id) {
    return dah::Hypothesis::of_group(kb, kb.group_index(id));
}

TEST(CaseLibraryPearls, BalConfirmsBleedingButDoesNotTellTheCause) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    const auto none = dah::Evidence::none(lib.kb);
    const double w = dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "bal-aliquots", "progressive"),
                                                group(lib.kb, "immune"), group(lib.kb, "coagulopathic"));
    EXPECT_NEAR(w, 0.0, 1e-9);
}

TEST(CaseLibraryPearls, OnABloodThinnerAloneIsWeakEvidence) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    const auto none = dah::Evidence::none(lib.kb);
    const auto coag = group(lib.kb, "coagulopathic");
    const auto rest = dah::Hypothesis::complement(lib.kb, coag);
    const double w = dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "anticoagulant", "warfarin"), coag, rest);
    // The evidence pack suggests a likelihood ratio of about 1.5-3 (51 % of DAH patients take an antithrombotic).
    EXPECT_GT(w, 10 * std::log10(1.5));
    EXPECT_LT(w, 10 * std::log10(4.0));
    dah::Evidence e = none;
    e.set(finding(lib.kb, "anticoagulant", "warfarin"));
    EXPECT_LT(probability_of(lib.kb, dah::posterior_after(lib.kb, e), "coagulopathic"), 0.5);
}

TEST(CaseLibraryPearls, EsrOver100DoesNotSeparateVasculitisFromInfectionAndIsWeakerThanSerology) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    const auto none = dah::Evidence::none(lib.kb);
    const auto immune = group(lib.kb, "immune");
    const auto infection = dah::Hypothesis::of_diagnosis(lib.kb, lib.kb.diagnosis_index("infection"));
    const auto coag = group(lib.kb, "coagulopathic");
    const auto esr = finding(lib.kb, "esr", "100-plus");
    EXPECT_LE(dah::weight_of_evidence_db(lib.kb, none, esr, immune, infection), 0.0);
    EXPECT_LT(dah::weight_of_evidence_db(lib.kb, none, esr, immune, coag),
              dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "anca", "pr3"), immune, coag));
}

TEST(CaseLibraryPearls, CastsSerologyAndCapillaritisFavourVasculitisHighInrAndReversalTheAnticoagulant) {
    const auto& lib = library();
    ASSERT_TRUE(lib.kb_ok) << lib.kb_errors;
    const auto none = dah::Evidence::none(lib.kb);
    const auto immune = group(lib.kb, "immune");
    const auto coag = group(lib.kb, "coagulopathic");
    const double ten = 10.0;  // dB: a likelihood ratio of at least 10
    EXPECT_GT(dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "urine-sediment", "glomerular"), immune, coag), ten);
    EXPECT_GT(dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "anti-gbm-antibody", "positive"),
                                         dah::Hypothesis::of_diagnosis(lib.kb, lib.kb.diagnosis_index("anti-gbm")), coag), ten);
    EXPECT_GT(dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "biopsy", "capillaritis"), immune, coag), ten);
    EXPECT_GT(dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "inr", "markedly-high"), coag, immune), ten);
    EXPECT_GT(dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "course", "clears-after-correction"), coag, immune), ten);
    EXPECT_GT(dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "course", "responds-to-immunosuppression"), immune, coag), ten);
    EXPECT_GT(dah::weight_of_evidence_db(lib.kb, none, finding(lib.kb, "ct", "nodules-cavities"),
                                         dah::Hypothesis::of_diagnosis(lib.kb, lib.kb.diagnosis_index("gpa")), coag), ten);
}

}  // namespace
