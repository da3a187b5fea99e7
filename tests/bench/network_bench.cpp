// Benchmarks of the causal model (cases/knowledge-base-v2.json): the posterior computed from scratch for
// a whole vignette (with the context asked, and with every context node unknown: the slowest path),
// one incremental update (one more finding revealed, as the app does), expected information for every
// unknown node, and loading.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"

namespace {

namespace fs = std::filesystem;
using namespace dah::net;

struct Model {
    std::string text;
    Network n;
    bool ok = false;
};

const Model& model() {
    static const Model m = [] {
        Model out;
        std::ifstream in(fs::path(DAH_SOURCE_DIR) / "cases/knowledge-base-v2.json", std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        out.text = text.str();
        auto loaded = load_network(out.text, "knowledge-base-v2.json");
        out.ok = loaded.ok();
        if (out.ok) out.n = *loaded.value;
        return out;
    }();
    return m;
}

// MPA on warfarin, as a student would reveal it: history, lavage, labs, imaging.
Evidence vignette(const Network& n, bool with_context) {
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

void BM_NetworkPosteriorUpdate(benchmark::State& state) {
    const Model& m = model();
    if (!m.ok) return state.SkipWithError("cases/knowledge-base-v2.json does not load");
    const Evidence e = vignette(m.n, state.range(0) != 0);
    for (auto _ : state) {
        Posterior p = posterior_after(m.n, e);
        benchmark::DoNotOptimize(p.present.data());
    }
    state.counters["cause_sets"] = static_cast<double>(m.n.cause_sets.size());
}
BENCHMARK(BM_NetworkPosteriorUpdate)->Arg(1)->Arg(0)->ArgName("context_known");

// One update as the app makes it: the vignette known but the revealed finding (weights cached), then that
// finding revealed. One finding per way it hangs in the model, so that each latent state's worst case is
// timed: its parents causes only (the cached weights are multiplied), or under a latent state or an
// unknown context node, whose block of hidden nodes is summed out again. A finding the vignette does not
// give is revealed after the whole vignette (its first value).
struct Revealed {
    const char* finding;
    const char* under;  // the label: what lies between it and the causes
};
constexpr Revealed revealed_findings[] = {
    {"anti-gbm-antibody", "causes only"},
    {"crp", "systemic inflammation"},
    {"fever", "systemic inflammation, its first finding"},
    {"pr3-anca", "ANCA pattern"},
    {"heart-signs", "glomerulonephritis"},
    {"creatinine", "glomerulonephritis and anticoagulant nephropathy"},
    {"proteinuria", "glomerulonephritis and anticoagulant nephropathy"},
    {"inr", "unknown over-anticoagulation"},
};

void BM_NetworkIncrementalUpdate(benchmark::State& state) {
    const Model& m = model();
    if (!m.ok) return state.SkipWithError("cases/knowledge-base-v2.json does not load");
    const Revealed& r = revealed_findings[static_cast<std::size_t>(state.range(0))];
    state.SetLabel(std::string(r.finding) + " (" + r.under + ")");
    const int last = m.n.node_index(r.finding);
    if (last < 0) return state.SkipWithError("finding not in the knowledge base");
    Evidence before = vignette(m.n, true);
    const int value = std::max(before.value_of[static_cast<std::size_t>(last)], 0);
    before.value_of[static_cast<std::size_t>(last)] = -1;
    Inference engine(m.n);
    engine.set_evidence(before);
    for (auto _ : state) {
        Inference next = engine;
        next.reveal(last, value);
        Posterior p = next.posterior();
        benchmark::DoNotOptimize(p.present.data());
    }
}
BENCHMARK(BM_NetworkIncrementalUpdate)
    ->DenseRange(0, static_cast<int>(std::size(revealed_findings)) - 1)
    ->ArgName("finding");

void BM_NetworkSuggestNextTests(benchmark::State& state) {
    const Model& m = model();
    if (!m.ok) return state.SkipWithError("cases/knowledge-base-v2.json does not load");
    Evidence e = Evidence::none(m.n);
    for (const char* node : {"setting", "anticoagulant", "hemoptysis"}) {
        const int i = m.n.node_index(node);
        e.set(m.n, i, i == m.n.node_index("hemoptysis") ? 1 : 1);
    }
    std::size_t unknown = 0;
    for (int v : e.value_of) unknown += v < 0 ? 1 : 0;
    for (auto _ : state) {
        auto tests = suggest_next_tests(m.n, e);
        benchmark::DoNotOptimize(tests.data());
    }
    state.counters["unknown_nodes"] = static_cast<double>(unknown);
}
BENCHMARK(BM_NetworkSuggestNextTests)->Unit(benchmark::kMicrosecond);

void BM_NetworkLoad(benchmark::State& state) {
    const Model& m = model();
    for (auto _ : state) {
        auto loaded = load_network(m.text, "knowledge-base-v2.json");
        benchmark::DoNotOptimize(loaded.value.has_value());
    }
}
BENCHMARK(BM_NetworkLoad)->Unit(benchmark::kMillisecond);

}  // namespace
