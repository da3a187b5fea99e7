// libFuzzer target: any bytes given to the case loader (against the real knowledge base) give a case
// or errors, never a crash; a case that loads can be replayed. The same bytes read as a case's causal-model
// block (against the real v2 knowledge base) give a block, nothing, or errors, and a block that loads can
// be calibrated and checked.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "dah/case.hpp"
#include "dah/engine.hpp"
#include "dah/vignette.hpp"

namespace {
const dah::KnowledgeBase& knowledge_base() {
    static const dah::KnowledgeBase kb = [] {
        std::ifstream in(DAH_SOURCE_DIR "/cases/knowledge-base.json");
        std::stringstream text;
        text << in.rdbuf();
        auto loaded = dah::load_knowledge_base(text.str(), "knowledge-base.json");
        if (!loaded.ok()) __builtin_trap();  // the fuzz target needs the real knowledge base
        return *loaded.value;
    }();
    return kb;
}

const dah::net::Network& network() {
    static const dah::net::Network n = [] {
        std::ifstream in(DAH_SOURCE_DIR "/cases/knowledge-base-v2.json");
        std::stringstream text;
        text << in.rdbuf();
        auto loaded = dah::net::load_network(text.str(), "knowledge-base-v2.json");
        if (!loaded.ok()) __builtin_trap();
        return *loaded.value;
    }();
    return n;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto& kb = knowledge_base();
    const auto loaded = dah::load_case(text, "fuzz.case.json", kb);
    if (!loaded.value && loaded.errors.empty()) __builtin_trap();
    for (const auto& e : loaded.errors) (void)e.to_string();
    if (loaded.ok()) {
        const auto stages = dah::replay(kb, *loaded.value);
        for (const auto& s : stages) {
            double sum = 0;
            for (double p : s.posterior) sum += p;
            if (sum < 0.999999 || sum > 1.000001) __builtin_trap();
        }
    }
    const auto block = dah::net::load_case_network(text, "fuzz.case.json", network());
    for (const auto& e : block.errors) (void)e.to_string();
    if (block.ok()) {
        (void)dah::net::calibrate(network(), block.value->vignette);
        if (dah::net::run_case_checks(network(), *block.value).size() > block.value->checks.size())
            __builtin_trap();
    }
    return 0;
}
