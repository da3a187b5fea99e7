// The evidence the causal model's timings use (tests/bench/network_bench.cpp, Google Benchmark, native;
// tests/wasm/network_timing.cpp, native and WASM alike): a vignette, the findings revealed one at a time
// after it, and the history answers before expected information is asked for.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"

namespace dah::bench {

using net::Evidence;
using net::Network;
using net::NodeKind;

// MPA on warfarin, as a student would reveal it: history, lavage, labs, imaging.
inline Evidence vignette(const Network& n, bool with_context) {
    const std::vector<std::pair<const char*, const char*>> findings = {{"setting", "ward"},
                                                                       {"anticoagulant", "warfarin"},
                                                                       {"target-range", "standard"},
                                                                       {"hemoptysis", "present"},
                                                                       {"sex", "male"},
                                                                       {"sinonasal", "none"},
                                                                       {"skin", "none"},
                                                                       {"fever", "absent"},
                                                                       {"heart-signs", "overload"},
                                                                       {"bal-aliquots", "progressive"},
                                                                       {"bal-hlm", "20-plus"},
                                                                       {"microbiology", "negative"},
                                                                       {"inr", "1-5-to-3"},
                                                                       {"aptt", "normal"},
                                                                       {"platelets", "normal"},
                                                                       {"mpo-anca", "positive"},
                                                                       {"pr3-anca", "negative"},
                                                                       {"anti-gbm-antibody", "negative"},
                                                                       {"urine-sediment", "glomerular"},
                                                                       {"creatinine", "raised"},
                                                                       {"ct-septal-lines", "absent"}};
    Evidence e = Evidence::none(n);
    for (const auto& [node, value] : findings) {
        const int i = n.node_index(node);
        if (!with_context && n.nodes[static_cast<std::size_t>(i)].kind == NodeKind::context) continue;
        e.set(n, i, n.value_index(i, value));
    }
    return e;
}

// One update as the app makes it: the vignette known but the revealed finding (weights cached), then that
// finding revealed. One finding per way it hangs in the model, so that each latent state's worst case is
// timed: its parents causes only (the cached weights are multiplied), or under a latent state or an
// unknown context node, whose block of hidden nodes is summed out again. A finding the vignette does not
// give is revealed after the whole vignette (its first value).
struct Revealed {
    const char* finding;
    const char* under;  // the label: what lies between it and the causes
};
inline constexpr Revealed revealed_findings[] = {
    {"anti-gbm-antibody", "causes only"},
    {"crp", "systemic inflammation"},
    {"fever", "systemic inflammation, its first finding"},
    {"pr3-anca", "ANCA pattern"},
    {"heart-signs", "glomerulonephritis"},
    {"creatinine", "glomerulonephritis and anticoagulant nephropathy"},
    {"proteinuria", "glomerulonephritis and anticoagulant nephropathy"},
    {"inr", "unknown over-anticoagulation"},
};

// Before expected information: the setting, the anticoagulant (warfarin) and hemoptysis, each its
// second value, as the history's first answers.
inline Evidence history_answers(const Network& n) {
    Evidence e = Evidence::none(n);
    for (const char* node : {"setting", "anticoagulant", "hemoptysis"}) e.set(n, n.node_index(node), 1);
    return e;
}

}  // namespace dah::bench
