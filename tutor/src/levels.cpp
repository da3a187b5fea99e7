// The levels of an answer (the groups, some groups' causes, every cause) and the outcomes each is
// scored on. Plain loops over the knowledge base's groups: no maps, the lists are short.
#include <algorithm>
#include <cmath>

#include "dah/scoring.hpp"
#include "dah/tutor/session.hpp"

namespace dah::tutor {

const char* level_id(CommitLevel level) {
    switch (level) {
    case CommitLevel::groups: return "groups";
    case CommitLevel::top_causes: return "top_causes";
    default: return "detailed";
    }
}

bool level_from_id(const std::string& id, CommitLevel& out) {
    for (CommitLevel l : {CommitLevel::groups, CommitLevel::top_causes, CommitLevel::detailed})
        if (id == level_id(l)) return out = l, true;
    return false;
}

unsigned all_groups(const KnowledgeBase& kb) {
    const std::size_t n = std::min<std::size_t>(kb.groups.size(), 31);
    return (1u << n) - 1u;
}

CommitLevel level_of(const KnowledgeBase& kb, unsigned causes_of) {
    causes_of &= all_groups(kb);
    if (causes_of == 0) return CommitLevel::groups;
    return causes_of == all_groups(kb) ? CommitLevel::detailed : CommitLevel::top_causes;
}

std::vector<double> even_spread(const KnowledgeBase& kb) {
    const std::size_t n = kb.diagnoses.size();
    std::vector<int> members(kb.groups.size(), 0);
    int used = 0;
    for (const Diagnosis& d : kb.diagnoses)
        if (d.group >= 0 && d.group < static_cast<int>(members.size()) && members[static_cast<std::size_t>(d.group)]++ == 0) ++used;
    std::vector<double> p(n, n > 0 ? 1.0 / static_cast<double>(n) : 0.0);
    if (used == 0 || used > static_cast<int>(members.size())) return p;
    for (std::size_t d = 0; d < n; ++d) {
        const int g = kb.diagnoses[d].group;
        if (g >= 0 && g < static_cast<int>(members.size()))
            p[d] = 1.0 / static_cast<double>(used) / static_cast<double>(members[static_cast<std::size_t>(g)]);
    }
    return normalised(p);
}

bool is_even_spread(const KnowledgeBase& kb, const std::vector<double>& p) {
    const std::vector<double> even = even_spread(kb);
    if (p.size() != even.size()) return false;
    for (std::size_t d = 0; d < p.size(); ++d)
        if (std::fabs(p[d] - even[d]) > 1e-9) return false;
    return true;
}

void set_group_totals(const KnowledgeBase& kb, std::vector<double>& p, const std::vector<double>& groups) {
    if (groups.size() != kb.groups.size() || p.size() != kb.diagnoses.size()) return;
    const std::vector<double> want = normalised(groups);
    std::vector<double> mass(groups.size(), 0.0);
    std::vector<int> members(groups.size(), 0);
    for (std::size_t d = 0; d < p.size(); ++d) {
        const std::size_t g = static_cast<std::size_t>(kb.diagnoses[d].group);
        mass[g] += p[d];
        members[g] += 1;
    }
    for (std::size_t d = 0; d < p.size(); ++d) {
        const std::size_t g = static_cast<std::size_t>(kb.diagnoses[d].group);
        p[d] = mass[g] > 1e-12 ? p[d] * want[g] / mass[g] : want[g] / members[g];
    }
    p = normalised(p);  // a group without causes cannot hold a share
}

bool set_share_in_group(const KnowledgeBase& kb, std::vector<double>& p, int diagnosis, double share) {
    if (diagnosis < 0 || diagnosis >= static_cast<int>(p.size()) || p.size() != kb.diagnoses.size()) return false;
    const int g = kb.diagnoses[static_cast<std::size_t>(diagnosis)].group;
    std::vector<double> within;
    int at = -1;
    double mass = 0;
    for (std::size_t d = 0; d < p.size(); ++d) {
        if (kb.diagnoses[d].group != g) continue;
        if (static_cast<int>(d) == diagnosis) at = static_cast<int>(within.size());
        within.push_back(p[d]);
        mass += p[d];
    }
    if (mass <= 1e-12) return false;
    for (double& x : within) x /= mass;
    set_probability(within, at, share);
    std::size_t k = 0;
    for (std::size_t d = 0; d < p.size(); ++d)
        if (kb.diagnoses[d].group == g) p[d] = within[k++] * mass;
    return true;
}

int answered_outcomes(const KnowledgeBase& kb, const std::vector<double>& p, unsigned causes_of, int truth, std::vector<double>& out) {
    out.clear();
    int truth_outcome = -1;
    for (std::size_t d = 0; d < p.size() && d < kb.diagnoses.size(); ++d) {
        const int g = kb.diagnoses[d].group;
        if (g >= 31 || !(causes_of & (1u << g))) continue;
        if (static_cast<int>(d) == truth) truth_outcome = static_cast<int>(out.size());
        out.push_back(p[d]);
    }
    for (std::size_t g = 0; g < kb.groups.size(); ++g) {
        if (g < 31 && (causes_of & (1u << g))) continue;
        double total = 0;
        for (std::size_t d = 0; d < p.size() && d < kb.diagnoses.size(); ++d) {
            if (kb.diagnoses[d].group != static_cast<int>(g)) continue;
            total += p[d];
            if (static_cast<int>(d) == truth) truth_outcome = static_cast<int>(out.size());
        }
        out.push_back(total);
    }
    return truth_outcome;
}

std::vector<std::string> answered_outcome_ids(const KnowledgeBase& kb, unsigned causes_of) {
    std::vector<std::string> ids;
    for (const Diagnosis& d : kb.diagnoses)
        if (d.group < 31 && (causes_of & (1u << d.group))) ids.push_back(d.id);
    for (std::size_t g = 0; g < kb.groups.size(); ++g)
        if (g >= 31 || !(causes_of & (1u << g))) ids.push_back(kb.groups[g].id);
    return ids;
}

double answered_probability(const KnowledgeBase& kb, const std::vector<double>& p, unsigned causes_of, int truth) {
    std::vector<double> outcomes;
    const int t = answered_outcomes(kb, p, causes_of, truth, outcomes);
    return t >= 0 ? outcomes[static_cast<std::size_t>(t)] : 0.0;
}

}  // namespace dah::tutor
