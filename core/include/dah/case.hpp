// A teaching case: the patient, the stages in order with what each reveals, and the answer.
// Loaded from JSON text against a knowledge base, which it references by id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dah/diagnostics.hpp"
#include "dah/knowledge_base.hpp"
#include "dah/picture.hpp"

namespace dah {

struct Finding {
    int variable = -1;  // index into KnowledgeBase::variables
    int value = -1;     // index into that variable's values
    std::string detail; // optional text shown with the finding, e.g. "INR 6.8"
    bool operator==(const Finding& o) const { return variable == o.variable && value == o.value; }
};

struct TeachingPoint {
    std::string text;
    std::vector<std::string> sources;  // source ids of the knowledge base
};

struct CaseStage {
    Stage stage = Stage::history;
    std::string title;
    std::string narrative;
    std::vector<Finding> findings;
    std::vector<TeachingPoint> teaching_points;
    std::vector<Picture> pictures;  // optional schematic images (see dah/picture.hpp)
};

// What the case promises about the engine after a stage, checked by the tests:
// the leading diagnosis or group, and how far the odds of one group against another moved
// across that stage (in decibans; 10 dB = a likelihood ratio of 10).
struct StageCheck {
    Stage after = Stage::history;
    std::string leading;                 // diagnosis or group id; empty for no check
    double min_probability = 0;          // of `leading`
    std::string odds_for, odds_against;  // group or diagnosis ids; empty for no odds check
    double min_change_db = -1e9, max_change_db = 1e9;
};

struct Patient {
    int age = 0;
    std::string sex;      // "female", "male", or other text
    std::string setting;  // "emergency department", "ICU", ...
    std::string summary;
};

struct Case {
    int schema_version = 1;
    std::string id;
    std::string title;
    std::string difficulty;  // "introductory", "intermediate", "advanced"
    std::vector<std::string> tags;
    std::vector<std::string> learning_objectives;
    std::vector<std::string> sources;
    Patient patient;
    std::vector<CaseStage> stages;  // in teaching order, each stage at most once
    int answer = -1;                // diagnosis index (-1 when loaded without a knowledge base)
    std::string answer_id;          // the answer's diagnosis id as written
    double answer_min_probability = 0;
    std::string explanation;
    std::vector<StageCheck> checks;
};

Loaded<Case> load_case(std::string_view json_text, std::string_view file_name, const KnowledgeBase& kb);

// The story of a case without the naive-Bayes knowledge base: patient, stages (narratives, teaching points,
// pictures), answer text and checks read for their form, sources checked against `sources`; `findings`
// of the stages and `answer` stay empty (the causal model's "network" block holds them: load_case_network).
Loaded<Case> load_case_story(std::string_view json_text, std::string_view file_name, const std::vector<Source>& sources);

}  // namespace dah
