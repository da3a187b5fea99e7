// Benchmarks of the causal model (cases/knowledge-base-v2.json): the posterior computed from scratch for
// a whole vignette (with the context asked, and with every context node unknown: the slowest path),
// one incremental update (one more finding revealed, as the app does) for each way the finding hangs in
// the model, expected information for every unknown node, and loading.
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
#include "network_cases.hpp"

namespace {

namespace fs = std::filesystem;
namespace bench = dah::bench;
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

void BM_NetworkPosteriorUpdate(benchmark::State& state) {
    const Model& m = model();
    if (!m.ok) return state.SkipWithError("cases/knowledge-base-v2.json does not load");
    const Evidence e = bench::vignette(m.n, state.range(0) != 0);
    for (auto _ : state) {
        Posterior p = posterior_after(m.n, e);
        benchmark::DoNotOptimize(p.present.data());
    }
    state.counters["cause_sets"] = static_cast<double>(m.n.cause_sets.size());
}
BENCHMARK(BM_NetworkPosteriorUpdate)->Arg(1)->Arg(0)->ArgName("context_known");

// One update as the app makes it (network_cases.hpp): the vignette known but the revealed finding (weights
// cached), then that finding revealed.
void BM_NetworkIncrementalUpdate(benchmark::State& state) {
    const Model& m = model();
    if (!m.ok) return state.SkipWithError("cases/knowledge-base-v2.json does not load");
    const bench::Revealed& r = bench::revealed_findings[static_cast<std::size_t>(state.range(0))];
    state.SetLabel(std::string(r.finding) + " (" + r.under + ")");
    const int last = m.n.node_index(r.finding);
    if (last < 0) return state.SkipWithError("finding not in the knowledge base");
    Evidence before = bench::vignette(m.n, true);
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
    ->DenseRange(0, static_cast<int>(std::size(bench::revealed_findings)) - 1)
    ->ArgName("finding");

// What the update benchmarks spend on copying the engine before each reveal (the cached clusters), to
// read the update apart from it.
void BM_NetworkInferenceCopy(benchmark::State& state) {
    const Model& m = model();
    if (!m.ok) return state.SkipWithError("cases/knowledge-base-v2.json does not load");
    Inference engine(m.n);
    engine.set_evidence(bench::vignette(m.n, true));
    for (auto _ : state) {
        Inference next = engine;
        benchmark::DoNotOptimize(&next);
    }
}
BENCHMARK(BM_NetworkInferenceCopy);

void BM_NetworkSuggestNextTests(benchmark::State& state) {
    const Model& m = model();
    if (!m.ok) return state.SkipWithError("cases/knowledge-base-v2.json does not load");
    const Evidence e = bench::history_answers(m.n);
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
