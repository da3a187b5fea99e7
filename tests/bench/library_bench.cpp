// Loading what the app loads at start: the causal model (cases/knowledge-base-v2.json) and every case
// in cases/, first through the readers alone (the JSON and schema checks), then as the tutor's library
// (which also replays each case through the engine).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dah/case.hpp"
#include "dah/network.hpp"
#include "dah/tutor/library.hpp"
#include "dah/tutor/tutor.hpp"
#include "dah/vignette.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<dah::tutor::InputFile> library_files() {
    std::vector<dah::tutor::InputFile> files;
    const fs::path dir = fs::path(DAH_SOURCE_DIR) / "cases";
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        const bool is_case = name.size() > 10 && name.compare(name.size() - 10, 10, ".case.json") == 0;
        if (!is_case && name != "knowledge-base-v2.json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        files.push_back({name, text.str()});
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return files;
}

const std::vector<dah::tutor::InputFile>& files() {
    static const std::vector<dah::tutor::InputFile> f = library_files();
    return f;
}

std::int64_t total_bytes() {
    std::int64_t n = 0;
    for (const auto& f : files()) n += static_cast<std::int64_t>(f.text.size());
    return n;
}

// The readers: the model, then each case's story and network block (as load_library reads them).
void BM_ReadModelAndCases(benchmark::State& state) {
    const auto& all = files();
    const auto kb = std::find_if(all.begin(), all.end(), [](const auto& f) { return f.name == "knowledge-base-v2.json"; });
    if (kb == all.end()) return state.SkipWithError("cases/knowledge-base-v2.json not found");
    int cases = 0;
    for (auto _ : state) {
        auto network = dah::net::load_network(kb->text, kb->name);
        if (!network.ok()) return state.SkipWithError("the model did not load");
        cases = 0;
        for (const auto& f : all) {
            if (&f == &*kb) continue;
            auto story = dah::load_case_story(f.text, f.name, network.value->sources);
            auto block = dah::net::load_case_network(f.text, f.name, *network.value);
            cases += block.ok() ? 1 : 0;
            benchmark::DoNotOptimize(story.errors.size());
        }
    }
    state.counters["cases"] = cases;
    state.SetBytesProcessed(state.iterations() * total_bytes());
}
BENCHMARK(BM_ReadModelAndCases)->Unit(benchmark::kMillisecond);

// The tutor's whole load (readers, outcome space, one engine replay per case).
void BM_LoadLibrary(benchmark::State& state) {
    std::size_t cases = 0;
    for (auto _ : state) {
        const dah::tutor::Library lib = dah::tutor::load_library(files());
        cases = lib.cases.size();
        benchmark::DoNotOptimize(lib.errors.size());
    }
    state.counters["cases"] = static_cast<double>(cases);
    state.SetBytesProcessed(state.iterations() * total_bytes());
}
BENCHMARK(BM_LoadLibrary)->Unit(benchmark::kMillisecond);

// The tutor's result after a command, in a case at its third stage (anti-gbm-smoker): arg 0 = a moved
// slider (the engine's answers are reused), 1 = another stage viewed (the engine asked again: the
// posterior, why it moved, the next tests).
void BM_TutorResult(benchmark::State& state) {
    dah::tutor::Tutor tutor;
    tutor.load(files());
    if (!tutor.open_case("anti-gbm-smoker")) return state.SkipWithError("anti-gbm-smoker not in cases/");
    for (int i = 0; i < 2; ++i) {
        tutor.commit();
        tutor.reveal_next();
    }
    const bool new_stage = state.range(0) == 1;
    int i = 0;
    for (auto _ : state) {
        ++i;
        if (new_stage)
            tutor.view_stage(i % 3);
        else
            tutor.set_probability(0, 0.1 + 0.001 * (i % 100));
        benchmark::DoNotOptimize(tutor.result().revision);
    }
    state.counters["engine_asked"] = tutor.engine_computations();
}
BENCHMARK(BM_TutorResult)->Arg(0)->Arg(1)->ArgName("new_stage")->Unit(benchmark::kMicrosecond);

}  // namespace
