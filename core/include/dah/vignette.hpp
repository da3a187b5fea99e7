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

}  // namespace dah::net
