// Builds the potentials of a Plan (see network_plan.hpp) and evaluates them for one set of causes.
#include "network_plan.hpp"

#include <algorithm>
#include <numeric>

namespace dah::net::detail {

namespace {

constexpr std::size_t max_tabulated_bits = 12;
constexpr std::size_t max_parents = 64;

int find_root(std::vector<int>& up, int x) {
    while (up[static_cast<std::size_t>(x)] != x) {
        up[static_cast<std::size_t>(x)] = up[static_cast<std::size_t>(up[static_cast<std::size_t>(x)])];
        x = up[static_cast<std::size_t>(x)];
    }
    return x;
}

std::uint64_t set_of_scope(const std::vector<int>& bits, std::size_t index) {
    std::uint64_t present = 0;
    for (std::size_t k = 0; k < bits.size(); ++k) {
        if (index >> k & 1) present |= std::uint64_t{1} << bits[k];
    }
    return present;
}

}  // namespace

Plan::Plan(const Network& n, const Evidence& e) : n_(n) {
    const std::size_t count = n.nodes.size();
    base_values_.assign(count, -1);
    for (std::size_t i = 0; i < count && i < e.value_of.size(); ++i) {
        const int v = e.value_of[i];
        if (v >= 0 && static_cast<std::size_t>(v) < n.nodes[i].values.size()) base_values_[i] = v;
    }
    for (std::size_t b = 0; b < n.causes.size(); ++b) {
        const int v = base_values_[static_cast<std::size_t>(n.causes[b])];
        if (v < 0) continue;
        fixed_mask_ |= std::uint64_t{1} << b;
        if (v == 1) fixed_present_ |= std::uint64_t{1} << b;
    }
    auto hidden_context = [&](int node) {
        return n.nodes[static_cast<std::size_t>(node)].kind == NodeKind::context &&
               base_values_[static_cast<std::size_t>(node)] < 0;
    };
    // Factors: every context node and cause, and each observed finding (unobserved findings sum to 1).
    std::vector<int> factors;
    for (std::size_t i = 0; i < count; ++i) {
        if (n.nodes[i].kind != NodeKind::finding || base_values_[i] >= 0) factors.push_back(static_cast<int>(i));
    }
    std::vector<int> up(count);
    std::iota(up.begin(), up.end(), 0);
    auto scope_of = [&](int f, std::vector<int>& hidden, std::vector<int>& bits) {
        hidden.clear();
        bits.clear();
        const Node& node = n.nodes[static_cast<std::size_t>(f)];
        auto visit = [&](int v) {
            if (hidden_context(v)) hidden.push_back(v);
            const int bit = n.cause_bit[static_cast<std::size_t>(v)];
            if (bit >= 0 && std::find(bits.begin(), bits.end(), bit) == bits.end()) bits.push_back(bit);
        };
        visit(f);
        for (int p : node.parents) visit(p);
    };
    std::vector<int> hidden, bits;
    for (int f : factors) {
        scope_of(f, hidden, bits);
        for (std::size_t k = 1; k < hidden.size(); ++k) {
            up[static_cast<std::size_t>(find_root(up, hidden[k]))] = find_root(up, hidden[0]);
        }
    }
    std::vector<int> block_of(count, -1);
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < count; ++i) {
        if (!hidden_context(static_cast<int>(i))) continue;
        const int root = find_root(up, static_cast<int>(i));
        if (block_of[static_cast<std::size_t>(root)] < 0) {
            block_of[static_cast<std::size_t>(root)] = static_cast<int>(blocks.size());
            blocks.emplace_back();
        }
        blocks[static_cast<std::size_t>(block_of[static_cast<std::size_t>(root)])].nodes.push_back(static_cast<int>(i));
    }
    scratch_ = base_values_;
    for (int f : factors) {
        scope_of(f, hidden, bits);
        if (!hidden.empty()) {
            Block& b = blocks[static_cast<std::size_t>(block_of[static_cast<std::size_t>(find_root(up, hidden[0]))])];
            b.factors.push_back(f);
            for (int bit : bits) {
                if (std::find(b.bits.begin(), b.bits.end(), bit) == b.bits.end()) b.bits.push_back(bit);
            }
            continue;
        }
        if (bits.size() > max_tabulated_bits) {
            wide_factors_.push_back(f);
            continue;
        }
        std::sort(bits.begin(), bits.end());
        std::vector<double> table(std::size_t{1} << bits.size());
        for (std::size_t index = 0; index < table.size(); ++index) {
            fill_causes(scratch_, set_of_scope(bits, index));
            table[index] = factor_value(f, scratch_);
        }
        add_potential(bits, std::move(table));
    }
    for (Block& b : blocks) {
        if (b.bits.size() > max_tabulated_bits) {
            wide_blocks_.push_back(std::move(b));
            continue;
        }
        std::sort(b.bits.begin(), b.bits.end());
        std::vector<double> table(std::size_t{1} << b.bits.size());
        for (std::size_t index = 0; index < table.size(); ++index) table[index] = block_sum(b, set_of_scope(b.bits, index));
        add_potential(b.bits, std::move(table));
    }
}

void Plan::add_potential(std::vector<int> bits, std::vector<double> table) {
    if (bits.empty()) {
        constant_ *= table[0];
        return;
    }
    for (Potential& p : potentials_) {
        if (p.bits != bits) continue;
        for (std::size_t i = 0; i < table.size(); ++i) p.table[i] *= table[i];
        return;
    }
    potentials_.push_back(Potential{std::move(bits), std::move(table)});
}

void Plan::fill_causes(std::vector<int>& values, std::uint64_t present) const {
    for (std::size_t b = 0; b < n_.causes.size(); ++b) {
        values[static_cast<std::size_t>(n_.causes[b])] = static_cast<int>(present >> b & 1);
    }
}

double Plan::factor_value(int node, std::vector<int>& values) const {
    const Node& x = n_.nodes[static_cast<std::size_t>(node)];
    int parent_values[max_parents];
    const std::size_t count = std::min(x.parents.size(), max_parents);
    for (std::size_t p = 0; p < count; ++p) parent_values[p] = values[static_cast<std::size_t>(x.parents[p])];
    return x.probability(parent_values, values[static_cast<std::size_t>(node)]);
}

double Plan::block_sum(const Block& b, std::uint64_t present) const {
    std::vector<int>& values = scratch_;
    fill_causes(values, present);
    for (int v : b.nodes) values[static_cast<std::size_t>(v)] = 0;
    double sum = 0;
    while (true) {
        double product = 1;
        for (int f : b.factors) {
            product *= factor_value(f, values);
            if (product == 0) break;
        }
        sum += product;
        // Next assignment of the block's nodes (odometer, first node fastest).
        std::size_t k = 0;
        for (; k < b.nodes.size(); ++k) {
            const std::size_t v = static_cast<std::size_t>(b.nodes[k]);
            if (++values[v] < static_cast<int>(n_.nodes[v].values.size())) break;
            values[v] = 0;
        }
        if (k == b.nodes.size()) break;
    }
    for (int v : b.nodes) values[static_cast<std::size_t>(v)] = -1;
    return sum;
}

double Plan::weight(std::uint64_t present) const {
    double w = constant_;
    for (const Potential& p : potentials_) {
        std::size_t index = 0;
        for (std::size_t k = 0; k < p.bits.size(); ++k) index |= static_cast<std::size_t>(present >> p.bits[k] & 1) << k;
        w *= p.table[index];
        if (w == 0) return 0;
    }
    if (!wide_factors_.empty()) {
        fill_causes(scratch_, present);
        for (int f : wide_factors_) w *= factor_value(f, scratch_);
    }
    for (const Block& b : wide_blocks_) w *= block_sum(b, present);
    return w;
}

std::vector<double> cause_set_weights(const Network& n, const Evidence& e) {
    const Plan plan(n, e);
    std::vector<double> w(n.cause_sets.size(), 0.0);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::uint64_t s = n.cause_sets[i];
        if (plan.consistent(s)) w[i] = plan.weight(s);
    }
    return w;
}

}  // namespace dah::net::detail
