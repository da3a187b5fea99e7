// Memoised natural logs of the knowledge base's priors and likelihoods, so a posterior update costs
// additions instead of hundreds of std::log calls. Every entry remembers the value it was taken of and
// is recomputed when the knowledge base now holds another, so a knowledge base edited in place or a new
// one at the same address never reads a stale log: results are bit-identical to calling std::log.
#pragma once

#include <cstddef>
#include <vector>

#include "dah/engine.hpp"

namespace dah::detail {

class LogMemo {
public:
    // The memo of this thread (thread_local: concurrent callers never share one), shaped for `kb`.
    static LogMemo& for_kb(const KnowledgeBase& kb);

    // log(kb.diagnoses[d].prior).
    double log_prior(std::size_t d, double prior) {
        Entry& e = priors_[d];
        if (!(e.raw == prior)) e = Entry{prior, log_of(prior)};
        return e.log;
    }
    // The block of log(P(value | d)) for d = 0..n-1 of `variable`; nullptr when the value lies outside
    // the shape remembered for the variable (then the caller takes the logs itself).
    struct Entry {
        double raw;
        double log;
    };
    Entry* block(std::size_t variable, int value) {
        if (variable >= width_.size() || value < 0 || static_cast<std::size_t>(value) >= width_[variable]) return nullptr;
        return &likelihoods_[(offset_[variable] + static_cast<std::size_t>(value)) * diagnoses_];
    }
    static double log_of(double x);

private:
    void reshape(const KnowledgeBase& kb);

    const KnowledgeBase* kb_ = nullptr;
    std::size_t diagnoses_ = 0;
    std::vector<Entry> priors_;
    std::vector<std::size_t> width_, offset_;  // per variable: values remembered, first block
    std::vector<Entry> likelihoods_;
};

// The posterior of `posterior_after`, written into `out` (whose capacity is reused).
void posterior_into(const KnowledgeBase& kb, const Evidence& evidence, std::vector<double>& out);
// The totals of `group_totals`, written into `out`.
void group_totals_into(const KnowledgeBase& kb, const std::vector<double>& posterior, std::vector<double>& out);

}  // namespace dah::detail
