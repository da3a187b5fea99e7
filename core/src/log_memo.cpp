// LogMemo: the shape follows the knowledge base last used on this thread; values are checked on every
// read, so the shape only decides where a log is kept, never whether it is right.
#include "log_memo.hpp"

#include <cmath>
#include <limits>

namespace dah::detail {

namespace {
constexpr double never = std::numeric_limits<double>::quiet_NaN();  // equal to nothing: forces a first log
}

double LogMemo::log_of(double x) { return std::log(x); }

LogMemo& LogMemo::for_kb(const KnowledgeBase& kb) {
    thread_local LogMemo memo;
    if (memo.kb_ != &kb || memo.diagnoses_ != kb.diagnoses.size() || memo.width_.size() != kb.variables.size()) {
        memo.reshape(kb);
    }
    return memo;
}

void LogMemo::reshape(const KnowledgeBase& kb) {
    kb_ = &kb;
    diagnoses_ = kb.diagnoses.size();
    priors_.assign(diagnoses_, Entry{never, 0});
    width_.assign(kb.variables.size(), 0);
    offset_.assign(kb.variables.size(), 0);
    std::size_t blocks = 0;
    for (std::size_t v = 0; v < kb.variables.size(); ++v) {
        width_[v] = kb.variables[v].values.size();
        offset_[v] = blocks;
        blocks += width_[v];
    }
    likelihoods_.assign(blocks * diagnoses_, Entry{never, 0});
}

}  // namespace dah::detail
