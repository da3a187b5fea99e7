// Loaders: the valid fixtures load with the right content; limits, positions and the error format.
#include <gtest/gtest.h>

#include <string>

#include "dah/case.hpp"
#include "dah/engine.hpp"
#include "dah/knowledge_base.hpp"
#include "test_support.hpp"

namespace {

using namespace dah;

const std::string minimal_kb = R"({
  "schema_version": 1,
  "sources": [ { "id": "ev1", "citation": "Test" } ],
  "groups": [ { "id": "g", "name": "G" } ],
  "diagnoses": [
    { "id": "a", "name": "A", "group": "g", "prior": { "p": 0.2, "estimate": "test" } },
    { "id": "b", "name": "B", "short_name": "Bee", "group": "g", "prior": { "p": 0.6, "source": "ev1" } }
  ],
  "variables": [
    { "id": "t", "name": "T", "stage": "bal",
      "values": [ { "id": "pos", "name": "+" }, { "id": "neg", "name": "-" } ],
      "likelihoods": { "a": { "p": [0.9, 0.1], "source": "ev1", "derivation": "d" },
                       "b": { "p": [0.2, 0.8], "estimate": "e" } } }
  ]
})";

TEST(KnowledgeBaseLoader, LoadsContentAndNormalisesPriors) {
    const auto loaded = load_knowledge_base(minimal_kb, "kb.json");
    ASSERT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
    const KnowledgeBase& kb = *loaded.value;
    ASSERT_EQ(kb.diagnoses.size(), 2u);
    EXPECT_NEAR(kb.diagnoses[0].prior, 0.25, 1e-15);
    EXPECT_NEAR(kb.diagnoses[1].prior, 0.75, 1e-15);
    EXPECT_EQ(kb.diagnoses[0].short_name, "A");  // defaults to the name
    EXPECT_EQ(kb.diagnoses[1].short_name, "Bee");
    EXPECT_TRUE(kb.diagnoses[0].prior_citation.is_estimate());
    EXPECT_EQ(kb.diagnoses[1].prior_citation.source_id, "ev1");
    EXPECT_EQ(kb.variables[0].stage, Stage::bal);
    EXPECT_EQ(kb.variables[0].likelihood[1], (std::vector<double>{0.2, 0.8}));
    EXPECT_EQ(kb.variables[0].citation[0].derivation, "d");
    EXPECT_EQ(kb.variables[0].citation[1].estimate, "e");
    EXPECT_EQ(kb.value_index(0, "neg"), 1);
    EXPECT_EQ(kb.value_index(5, "neg"), -1);
    EXPECT_NE(kb.source("ev1"), nullptr);
    EXPECT_EQ(kb.source("ev2"), nullptr);
}

TEST(KnowledgeBaseLoader, FixtureAndRealContentLoad) {
    const auto fixture = load_knowledge_base(test::read_text(test::source_path("tests/fixtures/knowledge-base.json")), "kb");
    EXPECT_TRUE(fixture.ok());
}

TEST(KnowledgeBaseLoader, FileTooLargeIsReportedWithoutParsing) {
    const std::string big = "{\"x\": \"" + std::string(Limits::max_file_bytes, 'a') + "\"}";
    const auto loaded = load_knowledge_base(big, "big.json");
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_EQ(loaded.errors[0].to_string(),
              "big.json: (root): file of " + std::to_string(big.size()) + " bytes; the limit is 2097152 (2 MiB)");
}

TEST(KnowledgeBaseLoader, DeepNestingDoesNotCrash) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto loaded = load_knowledge_base(deep, "deep.json");
    bool nesting = false;
    for (const auto& e : loaded.errors) nesting = nesting || (e.message == "nesting deeper than 32 levels" && e.column == 33);
    EXPECT_TRUE(nesting);
}

TEST(KnowledgeBaseLoader, ErrorsAreCapped) {
    std::string many = "{\"schema_version\": 1, \"sources\": [], \"groups\": [{\"id\": \"g\", \"name\": \"G\"}], \"diagnoses\": [";
    for (int i = 0; i < 300; ++i) many += std::string(i ? "," : "") + "{\"id\": \"X" + std::to_string(i) + "\"}";
    many += "], \"variables\": []}";
    const auto loaded = load_knowledge_base(many, "many.json");
    ASSERT_EQ(loaded.errors.size(), Limits::max_errors_reported + 1);
    EXPECT_NE(loaded.errors.back().message.find("too many errors"), std::string::npos);
}

TEST(KnowledgeBaseLoader, ColumnsCountCharactersNotBytes) {
    // "é" is two bytes; the unknown key after it is at column 17 in characters.
    const std::string text = "{\"x\": \"\xC3\xA9\", \"zz\": 1}";
    const auto loaded = load_knowledge_base(text, "u.json");
    bool found = false;
    for (const auto& e : loaded.errors) {
        if (e.pointer == "/zz") {
            EXPECT_EQ(e.line, 1);
            EXPECT_EQ(e.column, 12);
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

TEST(KnowledgeBaseLoader, PointerTokensAreEscaped) {
    const std::string text = "{\"a/b~c\": 1}";
    const auto loaded = load_knowledge_base(text, "p.json");
    bool found = false;
    for (const auto& e : loaded.errors) {
        if (e.message.rfind("unknown key \"a/b~c\"", 0) == 0) {
            EXPECT_EQ(e.pointer, "/a~1b~0c");
            EXPECT_EQ(e.column, 2);
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

TEST(KnowledgeBaseLoader, ArbitraryBytesNeverCrash) {
    std::mt19937 rng(1);
    std::uniform_int_distribution<int> byte(0, 255);
    const std::string base = minimal_kb;
    for (int trial = 0; trial < 300; ++trial) {
        std::string text = base;
        for (int k = 0; k < 3; ++k) text[static_cast<std::size_t>(rng() % text.size())] = static_cast<char>(byte(rng));
        const auto loaded = load_knowledge_base(text, "fuzz.json");
        EXPECT_TRUE(loaded.value.has_value() || !loaded.errors.empty());
        for (const auto& e : loaded.errors) EXPECT_FALSE(e.to_string().empty());
    }
}

TEST(CaseLoader, ArbitraryBytesNeverCrash) {
    const KnowledgeBase kb = test::fixture_knowledge_base();
    const std::string base = test::read_text(test::source_path("tests/fixtures/both.case.json"));
    std::mt19937 rng(2);
    std::uniform_int_distribution<int> byte(0, 255);
    int loaded_ok = 0;
    for (int trial = 0; trial < 500; ++trial) {
        std::string text = base;
        const int changes = 1 + trial % 3;
        for (int k = 0; k < changes; ++k) {
            const std::size_t at = static_cast<std::size_t>(rng() % text.size());
            if (trial % 2) text[at] = static_cast<char>(byte(rng));
            else text.erase(at, 1 + rng() % 8);
        }
        const auto loaded = load_case(text, "fuzz.case.json", kb);
        EXPECT_TRUE(loaded.value.has_value() != !loaded.errors.empty());
        if (loaded.ok()) {
            ++loaded_ok;
            for (const auto& stage : replay(kb, *loaded.value)) {
                double sum = 0;
                for (double p : stage.posterior) sum += p;
                EXPECT_NEAR(sum, 1.0, 1e-12);
            }
        }
    }
    EXPECT_GT(loaded_ok, 0);  // some mutations (inside narratives) leave a valid case
}

TEST(Diagnostic, ToStringLeavesOutUnknownParts) {
    EXPECT_EQ((Diagnostic{"f.json", "/a/0", 3, 7, "bad"}).to_string(), "f.json:3:7: /a/0: bad");
    EXPECT_EQ((Diagnostic{"f.json", "", 0, 0, "bad"}).to_string(), "f.json: (root): bad");
    EXPECT_EQ((Diagnostic{"f.json", "/x", 2, 0, "bad"}).to_string(), "f.json:2: /x: bad");
    EXPECT_EQ((Diagnostic{"", "/x", 0, 0, "bad"}).to_string(), "/x: bad");
}

TEST(Stages, IdsRoundTrip) {
    for (Stage s : all_stages) {
        Stage back = Stage::course;
        ASSERT_TRUE(stage_from_id(stage_id(s), back));
        EXPECT_EQ(back, s);
        EXPECT_FALSE(stage_name(s).empty());
    }
    Stage unused;
    EXPECT_FALSE(stage_from_id("radiology", unused));
}

TEST(CaseLoader, LoadsTheFixtureCase) {
    const KnowledgeBase kb = test::fixture_knowledge_base();
    const auto loaded = load_case(test::read_text(test::source_path("tests/fixtures/both.case.json")), "both", kb);
    ASSERT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
    const Case& c = *loaded.value;
    EXPECT_EQ(c.id, "fixture-both");
    ASSERT_EQ(c.stages.size(), 4u);
    EXPECT_EQ(c.stages[1].stage, Stage::bal);
    EXPECT_EQ(c.stages[1].title, "Bronchoalveolar lavage");  // defaults to the stage name
    EXPECT_EQ(c.stages[2].findings[1].detail, "INR 2.6");
    EXPECT_EQ(c.stages[2].findings[1].variable, kb.variable_index("inr"));
    EXPECT_EQ(c.answer, kb.diagnosis_index("gpa-warfarin"));
    ASSERT_EQ(c.checks.size(), 2u);
    EXPECT_EQ(c.checks[1].odds_for, "both");
    EXPECT_DOUBLE_EQ(c.checks[1].min_change_db, 3);
    EXPECT_EQ(c.patient.age, 67);
    EXPECT_EQ(c.stages[0].teaching_points[0].sources, std::vector<std::string>{"ev8"});
}

TEST(CaseLoader, RejectsFindingsImpossibleUnderEveryDiagnosis) {
    KnowledgeBase kb = test::fixture_knowledge_base();
    // Make "no anticoagulant" impossible for every diagnosis.
    const auto v = static_cast<std::size_t>(kb.variable_index("anticoagulant"));
    for (auto& row : kb.variables[v].likelihood) row = {0.0, 1.0};
    const auto loaded = load_case(test::read_text(test::source_path("tests/malformed/case-unknown-diagnosis.case.json")), "x", kb);
    EXPECT_FALSE(loaded.ok());
    const std::string text = R"({"schema_version": 1, "id": "c", "title": "T", "difficulty": "advanced",
      "patient": {"age": 1, "sex": "male"},
      "stages": [{"stage": "history", "narrative": "n", "findings": [{"variable": "anticoagulant", "value": "none"}]}],
      "answer": {"diagnosis": "gpa", "min_probability": 0.1, "explanation": "e"}})";
    const auto impossible = load_case(text, "c.json", kb);
    ASSERT_EQ(impossible.errors.size(), 1u);
    EXPECT_EQ(impossible.errors[0].to_string(), "c.json:3:17: /stages: the findings of this case have probability 0 under every diagnosis");
}

}  // namespace
