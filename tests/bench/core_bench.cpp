// Benchmarks of the engine on the real knowledge base: one posterior update (one more finding
// revealed), a whole-case replay, expected information for every test, and loading.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dah/case.hpp"
#include "dah/engine.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Data {
    dah::KnowledgeBase kb;
    dah::Case c;
    std::string kb_text, case_text, source;
    bool ok = false;
};

// The real knowledge base and its richest case (most findings); the fixtures when cases/ is absent.
const Data& data() {
    static const Data d = [] {
        Data out;
        for (const char* dir : {"cases", "tests/fixtures"}) {
            const fs::path base = fs::path(DAH_SOURCE_DIR) / dir;
            out.kb_text = read_text(base / "knowledge-base.json");
            auto kb = dah::load_knowledge_base(out.kb_text, "knowledge-base.json");
            if (!kb.ok()) continue;
            out.kb = *kb.value;
            std::size_t best = 0;
            std::error_code ec;
            for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
                const std::string name = it->path().filename().string();
                if (name.size() < 10 || name.substr(name.size() - 10) != ".case.json") continue;
                const std::string text = read_text(it->path());
                auto c = dah::load_case(text, name, out.kb);
                if (!c.ok()) continue;
                std::size_t findings = 0;
                for (const auto& s : c.value->stages) findings += s.findings.size();
                if (findings > best) {
                    best = findings;
                    out.c = *c.value;
                    out.case_text = text;
                    out.source = std::string(dir) + "/" + name;
                }
            }
            if (best > 0) {
                out.ok = true;
                break;
            }
        }
        if (out.source.rfind("tests/fixtures", 0) == 0) std::fprintf(stderr, "note: cases/ not usable; using the fixtures\n");
        std::fprintf(stderr, "knowledge base: %zu diagnoses, %zu variables; case %s\n", out.kb.diagnoses.size(),
                     out.kb.variables.size(), out.source.c_str());
        return out;
    }();
    return d;
}

std::vector<dah::Finding> all_findings(const dah::Case& c) {
    std::vector<dah::Finding> out;
    for (const auto& s : c.stages) out.insert(out.end(), s.findings.begin(), s.findings.end());
    return out;
}

// One update: reveal one more finding on top of the others and recompute the posterior.
void BM_PosteriorUpdate(benchmark::State& state) {
    const Data& d = data();
    if (!d.ok) return state.SkipWithError("no knowledge base and case");
    const auto findings = all_findings(d.c);
    dah::Engine engine(d.kb);
    for (std::size_t i = 0; i + 1 < findings.size(); ++i) engine.reveal(findings[i]);
    const dah::Finding last = findings.back();
    for (auto _ : state) {
        engine.hide(last.variable);
        engine.reveal(last);
        benchmark::DoNotOptimize(engine.posterior().data());
    }
    state.counters["findings"] = static_cast<double>(findings.size());
}
BENCHMARK(BM_PosteriorUpdate);

void BM_CaseReplay(benchmark::State& state) {
    const Data& d = data();
    if (!d.ok) return state.SkipWithError("no knowledge base and case");
    for (auto _ : state) {
        auto stages = dah::replay(d.kb, d.c);
        benchmark::DoNotOptimize(stages.data());
    }
    state.counters["stages"] = static_cast<double>(d.c.stages.size());
}
BENCHMARK(BM_CaseReplay);

void BM_SuggestNextTests(benchmark::State& state) {
    const Data& d = data();
    if (!d.ok) return state.SkipWithError("no knowledge base and case");
    dah::Evidence e = dah::Evidence::none(d.kb);
    for (const auto& f : d.c.stages.front().findings) e.set(f);
    for (auto _ : state) {
        auto tests = dah::suggest_next_tests(d.kb, e);
        benchmark::DoNotOptimize(tests.data());
    }
}
BENCHMARK(BM_SuggestNextTests);

void BM_LoadKnowledgeBase(benchmark::State& state) {
    const Data& d = data();
    for (auto _ : state) {
        auto kb = dah::load_knowledge_base(d.kb_text, "knowledge-base.json");
        benchmark::DoNotOptimize(kb.value.has_value());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(d.kb_text.size()));
}
BENCHMARK(BM_LoadKnowledgeBase);

void BM_LoadCase(benchmark::State& state) {
    const Data& d = data();
    for (auto _ : state) {
        auto c = dah::load_case(d.case_text, "case.json", d.kb);
        benchmark::DoNotOptimize(c.value.has_value());
    }
}
BENCHMARK(BM_LoadCase);

}  // namespace

BENCHMARK_MAIN();
