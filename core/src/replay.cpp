// Replays a case stage by stage: cumulative evidence, posterior and group totals after each stage.
#include "dah/engine.hpp"

namespace dah {

std::vector<StageResult> replay(const KnowledgeBase& kb, const Case& c) {
    std::vector<StageResult> results;
    Evidence evidence = Evidence::none(kb);
    for (const CaseStage& stage : c.stages) {
        for (const Finding& f : stage.findings) evidence.set(f);
        StageResult r;
        r.stage = stage.stage;
        r.evidence = evidence;
        r.posterior = posterior_after(kb, evidence);
        r.groups = group_totals(kb, r.posterior);
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace dah
