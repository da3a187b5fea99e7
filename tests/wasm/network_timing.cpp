// Times the causal model's incremental update (one finding per way it hangs in the model, as
// BM_NetworkIncrementalUpdate), the copy of the engine each of those starts with, and expected information
// for every unknown node (as BM_NetworkSuggestNextTests), built natively and with Emscripten from the same
// source: Google Benchmark is not built for WASM, and the WASM-within-3x-of-native target needs the same
// operations timed on both.
// tests/wasm/timing.mjs runs the two and gives the ratios.
//   dah_network_timing KNOWLEDGE_BASE [BATCHES]
// One line per operation: its name, then the median and the fastest of BATCHES batches (default 15), in
// microseconds per call; each batch repeats the call for at least 20 ms of wall time (steady clock: under
// node, CPU time is not available to the WASM).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"
#include "network_cases.hpp"

namespace {

using namespace dah::net;
using Clock = std::chrono::steady_clock;

volatile double sink = 0;  // keeps the results alive

template <typename F>
void time_it(const std::string& name, int batches, F call) {
    std::vector<double> per_call;
    for (int b = 0; b < batches; ++b) {
        long calls = 0;
        const Clock::time_point start = Clock::now();
        Clock::duration spent{};
        do {
            for (int i = 0; i < 16; ++i, ++calls) sink = sink + call();
            spent = Clock::now() - start;
        } while (spent < std::chrono::milliseconds(20));
        per_call.push_back(std::chrono::duration<double, std::micro>(spent).count() /
                           static_cast<double>(calls));
    }
    std::sort(per_call.begin(), per_call.end());
    std::printf("%s %.3f %.3f\n", name.c_str(), per_call[per_call.size() / 2], per_call.front());
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: dah_network_timing KNOWLEDGE_BASE [BATCHES]\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto loaded = load_network(text.str(), argv[1]);
    if (!loaded.ok()) {
        for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
        return 1;
    }
    const Network& n = *loaded.value;
    const int batches = argc > 2 ? std::max(1, std::atoi(argv[2])) : 15;
    for (const dah::bench::Revealed& r : dah::bench::revealed_findings) {
        const int node = n.node_index(r.finding);
        if (node < 0) continue;
        Evidence before = dah::bench::vignette(n, true);
        const int value = std::max(before.value_of[static_cast<std::size_t>(node)], 0);
        before.value_of[static_cast<std::size_t>(node)] = -1;
        Inference engine(n);
        engine.set_evidence(before);
        time_it(std::string("update/") + r.finding, batches, [&] {
            Inference next = engine;
            next.reveal(node, value);
            return next.posterior().present[static_cast<std::size_t>(n.causes.front())];
        });
    }
    // What each update above spends copying the engine (its cached clusters) before it reveals: an
    // application keeps one engine and does not copy it.
    Inference engine(n);
    engine.set_evidence(dah::bench::vignette(n, true));
    time_it("copy-of-the-engine", batches, [&] {
        Inference copy = engine;
        return static_cast<double>(copy.evidence().value_of.front());
    });
    const Evidence history = dah::bench::history_answers(n);
    time_it("expected-information/all-unknown", batches,
            [&] { return suggest_next_tests(n, history).front().expected_bits; });
    return 0;
}
