// `dah`: validate, play, explain and replay cases, and print the knowledge base (see usage()).
#include <cstdio>
#include <cstring>
#include <string>

#include "cli.hpp"

namespace {

void usage(std::FILE* out) {
    std::fputs(
        "usage: dah COMMAND [options]\n"
        "  validate PATH...        check knowledge bases and cases (files or folders); exit 1 on any error\n"
        "  play CASE               the differential after each stage, with the findings that moved it most\n"
        "  explain CASE --stage N  one stage in detail (N = 1-based stage number or a stage id)\n"
        "  kb                      findings x diagnoses: P(value | diagnosis), likelihood ratio, source\n"
        "  replay CASE...          posteriors after each stage at full precision (for tests)\n"
        "  session COMMANDS.jsonl  replays a learner's walk (one command per line) through the tutor\n"
        "  outcomes CASE...        the app's engine (causal model) over the tutor's outcomes after each stage\n"
        "  network [NODE=VALUE...] the causal model (v2): nodes and parents, or the posterior after findings\n"
        "  calibrate [VIGNETTES...] per stage: P(right answer), Brier score, wrong causes above 90 % (v2)\n"
        "options:\n"
        "  --kb FILE   knowledge base (default: knowledge-base.json beside the case, else cases/knowledge-base.json;\n"
        "              for network: cases/knowledge-base-v2.json)\n"
        "  --json      machine-readable output\n",
        out);
}

}  // namespace

int main(int argc, char** argv) {
    dah::cli::Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json") {
            options.json = true;
        } else if ((arg == "--kb" || arg == "--stage") && i + 1 < argc) {
            (arg == "--kb" ? options.kb_path : options.stage) = argv[++i];
        } else if (arg == "-h" || arg == "--help") {
            usage(stdout);
            return 0;
        } else if (arg.size() > 1 && arg[0] == '-') {
            std::fprintf(stderr, "dah: unknown option %s\n", arg.c_str());
            usage(stderr);
            return 2;
        } else if (options.command.empty()) {
            options.command = arg;
        } else {
            options.paths.push_back(arg);
        }
    }
    if (options.command == "validate") return dah::cli::run_validate(options);
    if (options.command == "play") return dah::cli::run_play(options);
    if (options.command == "explain") return dah::cli::run_explain(options);
    if (options.command == "kb") return dah::cli::run_kb(options);
    if (options.command == "replay") return dah::cli::run_replay(options);
    if (options.command == "session") return dah::cli::run_session(options);
    if (options.command == "outcomes") return dah::cli::run_outcomes(options);
    if (options.command == "network") return dah::cli::run_network(options);
    if (options.command == "calibrate") return dah::cli::run_calibrate(options);
    if (!options.command.empty()) std::fprintf(stderr, "dah: unknown command %s\n", options.command.c_str());
    usage(stderr);
    return 2;
}
