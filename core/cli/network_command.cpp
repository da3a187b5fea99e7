// `dah network [NODE=VALUE...]`: the causal model (knowledge base v2). Without findings, its nodes with
// their parents; with findings, the posterior of every cause and group, the weight of each finding given
// those before it (for the immune group against the antithrombotic one), and the next tests.
#include <cstdio>

#include "cli.hpp"
#include "dah/network.hpp"
#include "dah/network_inference.hpp"
#include "json_output.hpp"

namespace dah::cli {

namespace {

using namespace dah::net;

void print_nodes(const Network& n) {
    for (const Node& node : n.nodes) {
        std::string parents;
        for (int p : node.parents)
            parents += (parents.empty() ? "" : ", ") + n.nodes[static_cast<std::size_t>(p)].id;
        std::printf("%-8s %-30s %-13s %s\n", std::string(kind_id(node.kind)).c_str(), node.id.c_str(),
                    node.noisy_max() ? "noisy-MAX" : "table", parents.empty() ? "-" : parents.c_str());
    }
}

}  // namespace

int run_network(const Options& options) {
    const std::string path = options.kb_path.empty() ? "cases/knowledge-base-v2.json" : options.kb_path;
    std::string text;
    if (!read_file(path, text)) {
        std::fprintf(stderr, "%s: cannot read the file\n", path.c_str());
        return 2;
    }
    const Loaded<Network> loaded = load_network(text, path);
    if (!loaded.ok()) {
        for (const Diagnostic& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
        return 1;
    }
    const Network& n = *loaded.value;
    if (options.paths.empty() && !options.json) {
        print_nodes(n);
        return 0;
    }
    Evidence e = Evidence::none(n);
    const Hypothesis immune = Hypothesis::of_group(n, n.group_index("immune"));
    const Hypothesis antithrombotic = Hypothesis::of_group(n, n.group_index("antithrombotic"));
    nlohmann::json weights = nlohmann::json::array();
    for (const std::string& item : options.paths) {
        const auto eq = item.find('=');
        const int node = n.node_index(item.substr(0, eq));
        const int value = eq == std::string::npos ? -1 : n.value_index(node, item.substr(eq + 1));
        if (node < 0 || value < 0) {
            std::fprintf(stderr, "dah: %s: expected NODE=VALUE with ids from %s\n", item.c_str(),
                         path.c_str());
            return 2;
        }
        const double db = weight_of_evidence_db(n, e, node, value, immune, antithrombotic);
        weights.push_back({{"finding", item}, {"immune_vs_antithrombotic_db", db}});
        if (!options.json) std::printf("%-40s %+7.1f dB immune vs antithrombotic\n", item.c_str(), db);
        e.set(n, node, value);
    }
    const Posterior p = posterior_after(n, e);
    if (!p.possible) {
        std::fprintf(stderr, "dah: these findings are impossible under the model\n");
        return 1;
    }
    const auto tests = suggest_next_tests(n, e);
    if (options.json) {
        nlohmann::json causes = nlohmann::json::object(), groups = nlohmann::json::object();
        for (int c : n.causes)
            causes[n.nodes[static_cast<std::size_t>(c)].id] = p.present[static_cast<std::size_t>(c)];
        for (std::size_t g = 0; g < n.groups.size(); ++g) groups[n.groups[g].id] = p.groups[g];
        print_json({{"weights", weights},
                    {"causes", causes},
                    {"groups", groups},
                    {"both", p.both},
                    {"two_or_more", p.any_of_two_or_more}});
        return 0;
    }
    std::printf("\n");
    for (int c : n.causes) {
        const double x = p.present[static_cast<std::size_t>(c)];
        if (x >= 0.005)
            std::printf("  %-28s %6.1f %%\n", n.nodes[static_cast<std::size_t>(c)].short_name.c_str(),
                        100 * x);
    }
    std::printf("\n");
    for (std::size_t g = 0; g < n.groups.size(); ++g)
        std::printf("  %-46s %6.1f %%\n", n.groups[g].name.c_str(), 100 * p.groups[g]);
    std::printf("  %-46s %6.1f %%\n", n.both_name.c_str(), 100 * p.both);
    std::printf("\nMost informative next: ");
    for (std::size_t i = 0; i < tests.size() && i < 5; ++i) {
        std::printf("%s%s (%.2f bits)", i ? ", " : "",
                    n.nodes[static_cast<std::size_t>(tests[i].node)].id.c_str(), tests[i].expected_bits);
    }
    std::printf("\n");
    return 0;
}

}  // namespace dah::cli
