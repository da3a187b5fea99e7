// The learner's answers: per case, per stage, the draft differential and what was committed with its
// level and scores; and the per-case progress shown in the library. Value types; the Tutor changes them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dah/knowledge_base.hpp"

namespace dah::tutor {

// How much of the question a committed answer answers. Every stage asks first the question the app
// exists for (immune, coagulopathic, other or both: the knowledge base's groups); the causes within a
// group, and all of them, are optional. Each level is scored on the outcomes it answered.
enum class CommitLevel { groups = 0, top_causes = 1, detailed = 2 };
const char* level_id(CommitLevel level);  // "groups", "top_causes", "detailed"
bool level_from_id(const std::string& id, CommitLevel& out);

// Groups are a bit set (bit g = the knowledge base's group g): the groups whose causes were answered.
unsigned all_groups(const KnowledgeBase& kb);
CommitLevel level_of(const KnowledgeBase& kb, unsigned causes_of);

struct StageAnswer {
    std::vector<double> draft;  // probabilities being set (sums to 1), by diagnosis
    unsigned draft_causes = 0;  // groups whose causes the draft sets (all of them once a detailed slider moved)
    bool committed = false;
    std::vector<double> committed_p;       // by diagnosis: within a group not answered, the draft's spread
    std::vector<double> committed_groups;  // by group: the answer to the first question
    unsigned causes_of = 0;                // committed: groups whose causes were answered
    CommitLevel level = CommitLevel::detailed;
    // On the outcomes answered (each cause of a group in causes_of, each other group as one), for the
    // learner and for the engine at the same stage, so the two compare.
    double learner_brier = 0, engine_brier = 0;
    double learner_log_bits = 0, engine_log_bits = 0;
};

// One learner's walk through one case; kept for every case, so nothing is lost by switching.
struct CaseSession {
    int reached = 0;                   // index of the furthest revealed stage
    std::vector<StageAnswer> answers;  // one per stage of the case
    bool finished = false;
    double finished_at = 0;  // seconds since 1970 when the last stage was committed; 0 = unknown
};

struct CaseProgress {
    bool done = false;
    double best_score = -1;  // 0..100, -1 = none yet
};

// The show of hands of a class on the first question: counts per group, by case id, then by stage.
using Votes = std::map<std::string, std::map<int, std::vector<int>>>;

// Sets p[index] to `value` and rescales the others so the total stays 1. The indices in `held` keep
// their values (the value is capped so that they can); with every other one held nothing changes.
void set_probability(std::vector<double>& p, int index, double value, const std::vector<int>& held = {});

// The untouched answer: the groups even, each group's share even over its causes.
std::vector<double> even_spread(const KnowledgeBase& kb);
bool is_even_spread(const KnowledgeBase& kb, const std::vector<double>& p);

// Sets the group totals of `p` to `groups` (normalised), keeping the proportions within each group
// (a group that had nothing gets its share evenly over its causes).
void set_group_totals(const KnowledgeBase& kb, std::vector<double>& p, const std::vector<double>& groups);
// Sets the share of `diagnosis` within its group to `share` (0..1), rescaling the group's other causes;
// the group's total stays. False when the group has nothing to share.
bool set_share_in_group(const KnowledgeBase& kb, std::vector<double>& p, int diagnosis, double share);

// The outcomes an answer at `causes_of` is scored on, with their probabilities in `out`: each cause of
// a group in `causes_of`, then each other group as one outcome. Returns the index of `truth`'s outcome.
int answered_outcomes(const KnowledgeBase& kb, const std::vector<double>& p, unsigned causes_of, int truth, std::vector<double>& out);
// The ids of those outcomes, in the same order: a diagnosis id for a cause, a group id for a group.
std::vector<std::string> answered_outcome_ids(const KnowledgeBase& kb, unsigned causes_of);
// The probability an answer gave the truth, on the outcomes it answered.
double answered_probability(const KnowledgeBase& kb, const std::vector<double>& p, unsigned causes_of, int truth);

// 0..100, 100 = perfect: the Brier score (0 best, 2 worst) turned round for display.
double score_from_brier(double brier);
// The mean stage score of a walk; -1 when nothing is committed.
double case_score(const CaseSession& session, bool learner);

}  // namespace dah::tutor
