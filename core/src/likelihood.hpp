// Safe reads of P(value | diagnosis) for the engine: out-of-range indices count as uninformative
// (likelihood 1), so hand-built or partial knowledge bases never index out of bounds.
#pragma once

#include "dah/engine.hpp"

namespace dah::detail {

inline double likelihood(const Variable& v, std::size_t diagnosis, int value) {
    if (value < 0 || diagnosis >= v.likelihood.size()) return 1.0;
    const auto& row = v.likelihood[diagnosis];
    return static_cast<std::size_t>(value) < row.size() ? row[static_cast<std::size_t>(value)] : 1.0;
}

// The revealed value of `variable`, or -1 (also when the evidence is shorter than the knowledge base).
inline int revealed_value(const Evidence& e, std::size_t variable) {
    return variable < e.value_of.size() ? e.value_of[variable] : -1;
}

}  // namespace dah::detail
