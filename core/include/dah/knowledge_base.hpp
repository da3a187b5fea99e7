// The knowledge base: diagnoses with priors, finding variables with P(value | diagnosis), and the
// sources every number cites. Loaded from JSON text (cases/knowledge-base.json); no file access here.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "dah/diagnostics.hpp"

namespace dah {

// The six stages of every case, in teaching order.
enum class Stage { history, bal, labs, imaging, biopsy, course };
inline constexpr std::array<Stage, 6> all_stages = {Stage::history, Stage::bal,     Stage::labs,
                                                    Stage::imaging, Stage::biopsy, Stage::course};
std::string_view stage_id(Stage stage);     // "history", "bal", "labs", "imaging", "biopsy", "course"
std::string_view stage_name(Stage stage);   // "History and exam", "Bronchoalveolar lavage", ...
bool stage_from_id(std::string_view id, Stage& out);

// Where a number comes from: a source of the evidence pack, or a marked estimate with its rationale.
struct Citation {
    std::string source_id;   // e.g. "ev16"; empty for an estimate
    std::string estimate;    // one-line rationale shown to learners; empty when sourced
    std::string derivation;  // optional: how the figure was derived from the source
    bool is_estimate() const { return source_id.empty(); }
};

struct Source {
    std::string id;        // "ev16"
    std::string citation;  // "Walker BS. Autoimmun Rev 2022;21:103100"
};

struct Group {
    std::string id;    // "immune", "coagulopathic", "both", "other"
    std::string name;  // "Immune / capillaritis"
};

struct Diagnosis {
    std::string id;  // "gpa"
    std::string name;
    std::string short_name;  // for bars and tables, e.g. "GPA"
    int group = 0;           // index into KnowledgeBase::groups
    double prior = 0;        // normalised over all diagnoses at load
    Citation prior_citation;
    std::string summary;     // one or two sentences for learners
};

struct Value {
    std::string id;  // "pr3"
    std::string name;
};

struct Variable {
    std::string id;  // "anca"
    std::string name;
    Stage stage = Stage::history;
    std::string question;  // what the test or question is, for "what would you order next?"
    std::vector<Value> values;
    // likelihood[d][v] = P(value v | diagnosis d); each row sums to 1.
    std::vector<std::vector<double>> likelihood;
    std::vector<Citation> citation;  // one per diagnosis row
};

struct KnowledgeBase {
    int schema_version = 1;
    std::vector<Source> sources;
    std::vector<Group> groups;
    std::vector<Diagnosis> diagnoses;
    std::vector<Variable> variables;

    // Look-ups by id; -1 when absent.
    int group_index(std::string_view id) const;
    int diagnosis_index(std::string_view id) const;
    int variable_index(std::string_view id) const;
    int value_index(int variable, std::string_view value_id) const;
    const Source* source(std::string_view id) const;
};

// Parses and validates; every error is reported with file name, JSON pointer, line and column.
Loaded<KnowledgeBase> load_knowledge_base(std::string_view json_text, std::string_view file_name);

}  // namespace dah
