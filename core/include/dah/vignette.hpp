// Vignettes for calibrating the causal model: short cases written from published case reports, each
// with the causes the report established and its findings stage by stage (tests/vignettes/). Loaded
// from JSON text against a network; `calibrate` replays one and scores each stage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dah/diagnostics.hpp"
#include "dah/network.hpp"
#include "dah/network_inference.hpp"

namespace dah::net {

struct Vignette {
    std::string id;
    std::string citation;     // the published case report it is written from
    std::string note;         // what the report says that the findings encode
    std::vector<int> answer;  // cause node indices present according to the report
    std::vector<StagedFinding> findings;
    // Stages whose findings include a defining result according to the report (a biopsy, or an
    // antibody at its source's specificity): certainty above 99.5 % is allowed from there on.
    std::vector<Stage> defining;
};

// {"schema_version": 2, "vignettes": [{"id", "citation", "note", "answer": [cause ids],
//   "stages": [{"stage": "history", "defining": false, "findings": {"node": "value", ...}}, ...]}]}
Loaded<std::vector<Vignette>> load_vignettes(std::string_view json_text, std::string_view file_name,
                                             const Network& n);

struct CalibrationStage {
    Stage stage = Stage::history;
    double p_answer = 0;              // P(every cause of the answer present)
    double brier = 0;                 // mean over causes of (P(present) - 1 if in the answer else 0)^2
    int leading = -1;                 // the cause most likely present
    std::vector<int> wrong_above_90;  // causes not in the answer with P(present) > 0.9
    double highest = 0;               // the highest P(present) of any cause
    bool after_defining = false;      // this stage or an earlier one holds a defining result
    // The immune-versus-antithrombotic call: +1 when the answer's group (immune or antithrombotic, not
    // both) is the more probable of the two, -1 when the other is, 0 when the answer is in neither
    // or in both.
    int group_call = 0;
};
// After each stage that reveals something (the prior first, as stage "history" with no findings, is not
// listed). Empty when the findings are impossible under the model.
std::vector<CalibrationStage> calibrate(const Network& n, const Vignette& v);

// A check of a case's "network" block, written from the clinical expectation before the engine was run:
// after a stage, P(a cause present), P(a group) or P(both) lies within [at_least, at_most].
struct CaseCheck {
    enum class Target { cause, group, both };
    Stage after = Stage::history;
    Target target = Target::cause;
    int index = -1;  // cause: node index; group: group index
    double at_least = 0, at_most = 1;
    std::string reason;   // one line: why a clinician expects it
    std::string pointer;  // JSON pointer of the check, for reports
};

// The "network" block of a case file (cases/FORMAT.md): the case's findings in the causal model's
// variables and the causes it establishes (as a vignette named after the case), and its checks.
struct CaseNetwork {
    Vignette vignette;
    std::vector<CaseCheck> checks;
};
// Loaded.value is empty with no error when the case has no "network" block.
Loaded<CaseNetwork> load_case_network(std::string_view json_text, std::string_view file_name,
                                      const Network& n);

struct CheckOutcome {
    double value = 0;  // the probability checked
    bool passed = false;
};
// One outcome per check, in order; the probability after the last stage up to `after` that reveals
// something (the prior when none does). Empty when the findings are impossible under the model.
std::vector<CheckOutcome> run_case_checks(const Network& n, const CaseNetwork& c);

}  // namespace dah::net
