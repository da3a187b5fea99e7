// The debrief's replay of one case: the learner's and the engine's probability for the answer at each
// stage, the findings that moved the engine most, the stage of the widest gap and what explains it,
// and how the learner fared against certainty on their own leading cause.
#include <algorithm>
#include <cmath>

#include "dah/sort_stably.hpp"
#include "dah/tutor/progress_report.hpp"

namespace dah::tutor {

namespace {

int leading(const std::vector<double>& p) {
    return p.empty() ? -1 : static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
}

}  // namespace

CaseReplay replay_case(const Library& library, const CaseEntry& entry, const CaseSession& session) {
    CaseReplay r;
    const Case& c = entry.data;
    if (!library.kb || !library.network) return r;
    const KnowledgeBase& kb = *library.kb;
    const net::Network& n = *library.network;
    if (c.answer < 0 || static_cast<std::size_t>(c.answer) >= kb.diagnoses.size()) return r;
    const std::size_t truth = static_cast<std::size_t>(c.answer);
    // The answer as the causal model states it: every cause the case establishes present.
    net::Hypothesis answer;
    for (int cause : entry.network.vignette.answer) answer.clauses.push_back({cause});
    const net::Hypothesis others = net::Hypothesis::complement(answer);
    std::vector<FindingMove> moves;  // every finding, weighed given what was revealed before it
    net::Evidence before = net::Evidence::none(n);
    for (std::size_t i = 0; i < c.stages.size() && i < entry.replay.size(); ++i) {
        r.engine_answer_p.push_back(entry.replay[i].posterior[truth]);
        const StageAnswer* a = i < session.answers.size() ? &session.answers[i] : nullptr;
        const bool committed = a && a->committed && a->committed_p.size() == kb.diagnoses.size();
        r.learner_answer_p.push_back(committed ? a->committed_p[truth] : -1);
        for (const Finding& f : c.stages[i].findings) {
            moves.push_back({static_cast<int>(i), f, net::weight_of_evidence_db(n, before, f.variable, f.value, answer, others)});
            before.set(n, f.variable, f.value);
        }
        if (!committed) continue;
        r.committed += 1;
        r.learner_brier += a->learner_brier;
        const double certain = leading(a->committed_p) == c.answer ? 0.0 : 2.0;
        r.certain_brier += certain;
        if (a->learner_brier < certain) r.hedging_helped.push_back(static_cast<int>(i));
        const double gap = r.engine_answer_p.back() - r.learner_answer_p.back();
        if (r.widest_stage < 0 || std::fabs(gap) > std::fabs(r.widest_gap)) {
            r.widest_stage = static_cast<int>(i);
            r.widest_gap = gap;
        }
    }
    if (r.committed > 0) {
        r.learner_brier /= r.committed;
        r.certain_brier /= r.committed;
    }
    sort_stably(moves, [](const FindingMove& x, const FindingMove& y) {
        return std::fabs(x.weight_db) > std::fabs(y.weight_db);
    });
    r.top_moves.assign(moves.begin(),
                       moves.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, moves.size())));
    // What explains the gap: of the findings revealed up to that stage, the one that pushed the engine
    // furthest in the direction the learner did not go (towards the answer when the engine was higher).
    r.explains.stage = -1;
    if (r.widest_stage >= 0) {
        const double sign = r.widest_gap >= 0 ? 1.0 : -1.0;
        for (const FindingMove& m : moves)
            if (m.stage <= r.widest_stage && sign * m.weight_db > 0 &&
                (r.explains.stage < 0 || sign * m.weight_db > sign * r.explains.weight_db))
                r.explains = m;
    }
    return r;
}

}  // namespace dah::tutor
