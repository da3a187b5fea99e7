// The posterior and group totals written into caller-owned vectors (whose capacity is reused), for
// the cached Engine and the free functions of engine.hpp.
#pragma once

#include <vector>

#include "dah/engine.hpp"

namespace dah::detail {

void posterior_into(const KnowledgeBase& kb, const Evidence& evidence, std::vector<double>& out);
void group_totals_into(const KnowledgeBase& kb, const std::vector<double>& posterior, std::vector<double>& out);

}  // namespace dah::detail
