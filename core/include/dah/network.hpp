// The causal model (knowledge base v2): a small Bayesian network in three layers.
//   context  — exposures and background (drug taken, setting, known disease, over-anticoagulation);
//              multi-valued, parents only among other context nodes; observable or latent.
//   cause    — binary (absent / present) mechanisms of the bleeding, which may coexist; parents among
//              context nodes and other causes. At least one cause is present (the presenting problem)
//              and at most `max_coexisting_causes`.
//   state    — what the causes do to an organ, between them and the findings (glomerulonephritis):
//              parents among causes and context nodes; usually latent, so the findings it explains
//              (urine, proteinuria, creatinine) count once for the causes behind it.
//   finding  — what history, lavage, labs, imaging, biopsy and the course show; leaves whose parents are
//              causes, states and context nodes.
// Each node's P(value | parents) is a full table or noisy-MAX (see cases/MODEL.md). Loaded from JSON
// text (cases/knowledge-base-v2.json); no file access here, no exceptions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dah/diagnostics.hpp"
#include "dah/knowledge_base.hpp"

namespace dah::net {

enum class NodeKind { context, cause, state, finding };
std::string_view kind_id(NodeKind kind);  // "context", "cause", "state", "finding"

// One noisy-MAX parameter set: the child's value is the largest of the levels that the leak and each
// link parent produce independently. Value 0 is the lowest level ("absent", "normal").
struct NoisyMaxSet {
    std::vector<double> leak;  // P(level) from causes not in the model; sums to 1
    Citation leak_citation;
    // link[l][parent value] = P(level | that parent at that value); empty = no effect (level 0).
    std::vector<std::vector<std::vector<double>>> link;
    std::vector<std::vector<Citation>> link_citation;
};

struct Node {
    std::string id;
    std::string name;
    std::string short_name;  // for bars and tables
    std::string summary;     // causes: one or two sentences for learners
    std::string question;    // context and findings: how it is asked or measured
    NodeKind kind = NodeKind::finding;
    int group = -1;                 // causes: index into Network::groups
    Stage stage = Stage::history;   // context and findings: when it becomes known
    std::vector<Value> values;      // causes: absent, present
    std::vector<int> parents;       // node indices
    std::vector<int> parent_sizes;  // number of values of each parent (set by `prepare`)

    // Full table: rows are combinations of parent values (first parent slowest), `values.size()` each.
    std::vector<double> table;
    std::vector<Citation> row_citation;  // one per row

    // Noisy-MAX (when `sets` is not empty): `context` are positions in `parents` whose values choose the
    // parameter set (first slowest), `links` the positions of the parents that raise the level.
    std::vector<int> context;
    std::vector<int> links;
    std::vector<NoisyMaxSet> sets;

    bool noisy_max() const { return !sets.empty(); }
    std::size_t rows() const;  // number of parent combinations
    // P(this = value | parents), `parent_values` in the order of `parents`.
    double probability(const int* parent_values, int value) const;
};

struct Network {
    int schema_version = 2;
    int max_coexisting_causes = 2;
    std::vector<Source> sources;
    std::vector<Group> groups;
    int both_first = -1, both_second = -1;  // the two groups whose joint presence is "both"
    std::string both_name;
    std::vector<Node> nodes;

    // Look-ups by id; -1 when absent.
    int node_index(std::string_view id) const;
    int group_index(std::string_view id) const;
    int value_index(int node, std::string_view value_id) const;
    const Source* source(std::string_view id) const;

    // Derived by `prepare` (the loader calls it; networks built in code must too).
    std::vector<int> causes;                // node indices of the causes, in order; bit i = causes[i]
    std::vector<int> cause_bit;             // by node index; -1 for non-causes
    std::vector<std::uint64_t> cause_sets;  // every set of causes allowed a priori (1..max present)
    std::vector<std::uint64_t> group_mask;  // causes of each group
    double prior_mass = 0;                  // P(1..max causes present) before any evidence
};

// Fills the derived members. False (with a reason) when the network cannot be used: a cycle, a parent
// of the wrong layer, more than 62 causes or 200 000 cause sets.
bool prepare(Network& network, std::string* why = nullptr);

// Parses and validates; every error is reported with file name, JSON pointer, line and column.
Loaded<Network> load_network(std::string_view json_text, std::string_view file_name);

// The "schema_version" of a knowledge-base text: 1 or 2; 0 when it is not a JSON object with one.
int knowledge_base_schema_version(std::string_view json_text);

}  // namespace dah::net
