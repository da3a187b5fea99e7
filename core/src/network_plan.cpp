// Builds the potentials of a Plan (see network_plan.hpp) and evaluates them for one set of causes.
#include "network_plan.hpp"

#include <algorithm>

#include "network_layout.hpp"

namespace dah::net::detail {

namespace {

constexpr std::size_t max_tabulated_bits = 12;
constexpr std::size_t max_parents = 64;
constexpr std::size_t min_noisy_bits = 3;  // below this a table over the causes is as fast

// P(level <= y) of one distribution; an empty one (no effect) puts everything at level 0.
double cdf(const std::vector<double>& dist, int y) {
    if (dist.empty()) return 1;
    double f = 0;
    for (int i = 0; i <= y && static_cast<std::size_t>(i) < dist.size(); ++i)
        f += dist[static_cast<std::size_t>(i)];
    return f;
}

std::uint64_t set_of_scope(const std::vector<int>& bits, std::size_t index) {
    std::uint64_t present = 0;
    for (std::size_t k = 0; k < bits.size(); ++k) {
        if (index >> k & 1) present |= std::uint64_t{1} << bits[k];
    }
    return present;
}

}  // namespace

Plan::Plan(const Network& n, const Evidence& e, bool values_only) : Plan(n, e, values_only, nullptr) {}

Plan::Plan(const Network& n, const Evidence& e, const std::vector<int>& only) : Plan(n, e, false, &only) {}

Plan::Plan(const Network& n, const Evidence& e, bool values_only, const std::vector<int>* only) : n_(n) {
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
    if (values_only) {
        scratch_ = base_values_;
        return;
    }
    Layout layout = layout_of(n, base_values_, only);
    std::vector<Block> blocks;
    blocks.reserve(layout.blocks.size());
    for (Layout::Block& lb : layout.blocks)
        blocks.push_back(Block{std::move(lb.nodes), std::move(lb.factors), std::move(lb.bits), {}});
    scratch_ = base_values_;
    per_cause_.assign(n.causes.size(), 1.0);
    std::vector<int> hidden, bits;
    NoisyFactor noisy;  // reused for every factor tried; it allocates again only after one is kept
    for (int f : layout.direct) {
        factor_scope(n, base_values_, f, hidden, bits);
        if (bits.size() >= min_noisy_bits && make_noisy_factor(f, base_values_, noisy)) {
            if (noisy.base_lo == 0) {
                // The lowest level: P = base x product over present causes, one factor per cause.
                constant_ *= noisy.base_hi;
                for (std::size_t b = 0; b < per_cause_.size(); ++b) {
                    if (noisy.mask >> b & 1) per_cause_[b] *= noisy.hi[b];
                }
            } else {
                noisy_.push_back(std::move(noisy));
            }
            continue;
        }
        if (bits.size() > max_tabulated_bits) {
            wide_factors_.push_back(f);
            continue;
        }
        std::sort(bits.begin(), bits.end());
        add_potential(bits, tabulate(f, bits, scratch_));
    }
    // Only a whole plan says what lies around a node (local_factors, block_at); a partial one has no use for
    // it.
    const bool whole = only == nullptr;
    if (whole) {
        block_of_node_ = std::move(layout.block_of);
        for (const Block& b : blocks) block_factors_.push_back(b.factors);
    }
    for (Block& b : blocks) {
        // Tabulating costs 2^bits block sums; summing per allowed set of causes costs one per set.
        if (b.bits.size() > max_tabulated_bits || (std::size_t{1} << b.bits.size()) > n.cause_sets.size()) {
            make_parts(b);
            if (whole) block_value_.push_back(BlockValue{{}, static_cast<int>(wide_blocks_.size())});
            wide_blocks_.push_back(std::move(b));
            continue;
        }
        std::sort(b.bits.begin(), b.bits.end());
        std::vector<double> table(std::size_t{1} << b.bits.size());
        for (std::size_t index = 0; index < table.size(); ++index)
            table[index] = block_sum(b, set_of_scope(b.bits, index));
        if (whole) block_value_.push_back(BlockValue{Potential{b.bits, table}, -1});
        add_potential(b.bits, std::move(table));
    }
}

double Plan::Potential::at(std::uint64_t present) const {
    std::size_t index = 0;
    for (std::size_t k = 0; k < bits.size(); ++k)
        index |= static_cast<std::size_t>(present >> bits[k] & 1) << k;
    return table[index];
}

double Plan::block_at(int block, std::uint64_t present) const {
    const BlockValue& v = block_value_[static_cast<std::size_t>(block)];
    if (v.wide < 0) return v.table.at(present);
    const Block& b = wide_blocks_[static_cast<std::size_t>(v.wide)];
    if (b.parts.empty()) return block_sum(b, present);
    double sum = 0;
    for (const Part& part : b.parts) sum += part.at(present);
    return sum;
}

double Plan::NoisyFactor::at(std::uint64_t present) const {
    double h = base_hi, l = base_lo;
    for (std::uint64_t m = present & mask; m; m &= m - 1) {
        const std::size_t b = static_cast<std::size_t>(__builtin_ctzll(m));
        h *= hi[b];
        l *= lo[b];
    }
    const double p = h - l;
    return p > 0 ? p : 0;
}

bool Plan::direct(int node) const {
    const Node& x = n_.nodes[static_cast<std::size_t>(node)];
    for (int p : x.parents) {
        const Node& parent = n_.nodes[static_cast<std::size_t>(p)];
        if ((parent.kind == NodeKind::context || parent.kind == NodeKind::state) &&
            base_values_[static_cast<std::size_t>(p)] < 0)
            return false;
    }
    return true;
}

bool Plan::make_noisy_factor(int node, const std::vector<int>& values, NoisyFactor& out) const {
    const Node& x = n_.nodes[static_cast<std::size_t>(node)];
    const int value = values[static_cast<std::size_t>(node)];
    if ((x.kind != NodeKind::finding && x.kind != NodeKind::state) || !x.noisy_max() || value < 0)
        return false;
    for (int p : x.parents) {
        if (n_.cause_bit[static_cast<std::size_t>(p)] < 0 && values[static_cast<std::size_t>(p)] < 0)
            return false;
    }
    std::size_t set = 0;
    for (int position : x.context) {
        const int parent = x.parents[static_cast<std::size_t>(position)];
        if (n_.cause_bit[static_cast<std::size_t>(parent)] >= 0)
            return false;  // a cause as context: tabulate instead
        set = set * static_cast<std::size_t>(x.parent_sizes[static_cast<std::size_t>(position)]) +
              static_cast<std::size_t>(values[static_cast<std::size_t>(parent)]);
    }
    if (set >= x.sets.size()) return false;
    const NoisyMaxSet& s = x.sets[set];
    const bool top = value + 1 == static_cast<int>(x.values.size());
    out.mask = 0;  // hi and lo are assigned whole below: reused, a NoisyFactor keeps their allocation
    out.hi.assign(n_.causes.size(), 1.0);
    out.lo.assign(n_.causes.size(), 1.0);
    out.base_hi = top ? 1.0 : cdf(s.leak, value);
    out.base_lo = value == 0 ? 0.0 : cdf(s.leak, value - 1);
    for (std::size_t l = 0; l < x.links.size(); ++l) {
        const int parent = x.parents[static_cast<std::size_t>(x.links[l])];
        const int bit = n_.cause_bit[static_cast<std::size_t>(parent)];
        if (bit < 0) {  // a known context node
            const std::vector<double>& dist =
                s.link[l][static_cast<std::size_t>(values[static_cast<std::size_t>(parent)])];
            if (!top) out.base_hi *= cdf(dist, value);
            if (value > 0) out.base_lo *= cdf(dist, value - 1);
            continue;
        }
        if (!s.link[l][0].empty()) return false;  // an absent cause with an effect: not this fast path
        const std::vector<double>& dist = s.link[l][1];
        out.mask |= std::uint64_t{1} << bit;
        out.hi[static_cast<std::size_t>(bit)] = top ? 1.0 : cdf(dist, value);
        out.lo[static_cast<std::size_t>(bit)] = value == 0 ? 0.0 : cdf(dist, value - 1);
    }
    return true;
}

std::vector<double> Plan::tabulate(int node, const std::vector<int>& bits, std::vector<int>& values) const {
    std::vector<double> table(std::size_t{1} << bits.size());
    for (std::size_t index = 0; index < table.size(); ++index) {
        fill_causes(values, set_of_scope(bits, index));
        table[index] = factor_value(node, values);
    }
    return table;
}

double Plan::Part::at(std::uint64_t present) const {
    double w = constant;
    for (std::uint64_t m = present; m; m &= m - 1)
        w *= per_cause[static_cast<std::size_t>(__builtin_ctzll(m))];
    for (const Potential& p : potentials) {
        std::size_t index = 0;
        for (std::size_t k = 0; k < p.bits.size(); ++k)
            index |= static_cast<std::size_t>(present >> p.bits[k] & 1) << k;
        w *= p.table[index];
    }
    for (const NoisyFactor& f : noisy) w *= f.at(present);
    return w;
}

// One Part per assignment of the block's nodes; false when a factor is neither noisy-MAX nor small.
bool Plan::make_parts(Block& b) const {
    std::vector<int>& values = scratch_;
    for (int v : b.nodes) values[static_cast<std::size_t>(v)] = 0;
    bool ok = true;
    NoisyFactor noisy;  // as in the constructor
    while (ok) {
        Part part;
        part.per_cause.assign(n_.causes.size(), 1.0);
        for (int f : b.factors) {
            if (make_noisy_factor(f, values, noisy)) {
                if (noisy.base_lo == 0) {
                    part.constant *= noisy.base_hi;
                    for (std::size_t c = 0; c < part.per_cause.size(); ++c) {
                        if (noisy.mask >> c & 1) part.per_cause[c] *= noisy.hi[c];
                    }
                } else {
                    part.noisy.push_back(std::move(noisy));
                }
                continue;
            }
            std::vector<int> bits;
            const Node& x = n_.nodes[static_cast<std::size_t>(f)];
            if (n_.cause_bit[static_cast<std::size_t>(f)] >= 0)
                bits.push_back(n_.cause_bit[static_cast<std::size_t>(f)]);
            for (int p : x.parents) {
                const int bit = n_.cause_bit[static_cast<std::size_t>(p)];
                if (bit >= 0 && std::find(bits.begin(), bits.end(), bit) == bits.end()) bits.push_back(bit);
            }
            if (bits.size() > max_tabulated_bits) {
                ok = false;
                break;
            }
            std::vector<double> table = tabulate(f, bits, values);
            if (bits.empty()) {
                part.constant *= table[0];
            } else if (bits.size() == 1 && table[0] > 0) {
                part.constant *= table[0];
                part.per_cause[static_cast<std::size_t>(bits[0])] *= table[1] / table[0];
            } else {
                part.potentials.push_back(Potential{std::move(bits), std::move(table)});
            }
        }
        if (ok && part.constant != 0) b.parts.push_back(std::move(part));
        std::size_t k = 0;
        for (; k < b.nodes.size(); ++k) {
            const std::size_t v = static_cast<std::size_t>(b.nodes[k]);
            if (++values[v] < static_cast<int>(n_.nodes[v].values.size())) break;
            values[v] = 0;
        }
        if (k == b.nodes.size()) break;
    }
    for (int v : b.nodes) values[static_cast<std::size_t>(v)] = -1;
    if (!ok) b.parts.clear();
    return ok;
}

bool Plan::likelihood_by_set(int node, int value, const std::vector<std::uint64_t>& sets,
                             std::vector<double>& out) const {
    if (node < 0 || static_cast<std::size_t>(node) >= n_.nodes.size()) return false;
    const Node& x = n_.nodes[static_cast<std::size_t>(node)];
    if (x.kind != NodeKind::finding || !direct(node)) return false;
    const int saved = scratch_[static_cast<std::size_t>(node)];
    scratch_[static_cast<std::size_t>(node)] = value;
    const bool ok = factor_by_set(node, scratch_, sets, out);
    scratch_[static_cast<std::size_t>(node)] = saved;
    return ok;
}

bool Plan::factor_by_set(int node, std::vector<int>& values, const std::vector<std::uint64_t>& sets,
                         std::vector<double>& out) const {
    const Node& x = n_.nodes[static_cast<std::size_t>(node)];
    const int own_bit = n_.cause_bit[static_cast<std::size_t>(node)];
    if (own_bit < 0 && values[static_cast<std::size_t>(node)] < 0) return false;
    std::vector<int>& bits = probe_table_.bits;
    bits.clear();
    if (own_bit >= 0) bits.push_back(own_bit);
    for (int p : x.parents) {
        const int bit = n_.cause_bit[static_cast<std::size_t>(p)];
        if (bit < 0 && values[static_cast<std::size_t>(p)] < 0) return false;
        if (bit >= 0 && std::find(bits.begin(), bits.end(), bit) == bits.end()) bits.push_back(bit);
    }
    out.resize(sets.size());
    if (own_bit < 0 && make_noisy_factor(node, values, probe_noisy_)) {
        for (std::size_t i = 0; i < sets.size(); ++i) out[i] = probe_noisy_.at(sets[i]);
        return true;
    }
    // Few causes in scope: each of their combinations evaluated once, then looked up per set.
    if ((std::size_t{1} << std::min<std::size_t>(bits.size(), 62)) < sets.size()) {
        probe_table_.table = tabulate(node, bits, values);
        for (std::size_t i = 0; i < sets.size(); ++i) out[i] = probe_table_.at(sets[i]);
        return true;
    }
    for (std::size_t i = 0; i < sets.size(); ++i) {
        fill_causes(values, sets[i]);
        out[i] = factor_value(node, values);
    }
    return true;
}

void Plan::add_potential(std::vector<int> bits, std::vector<double> table) {
    if (bits.empty()) {
        constant_ *= table[0];
        return;
    }
    if (bits.size() == 1 && table[0] > 0) {
        constant_ *= table[0];
        per_cause_[static_cast<std::size_t>(bits[0])] *= table[1] / table[0];
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
    for (std::uint64_t m = present; m; m &= m - 1)
        w *= per_cause_[static_cast<std::size_t>(__builtin_ctzll(m))];
    for (const Potential& p : potentials_) {
        std::size_t index = 0;
        for (std::size_t k = 0; k < p.bits.size(); ++k)
            index |= static_cast<std::size_t>(present >> p.bits[k] & 1) << k;
        w *= p.table[index];
        if (w == 0) return 0;
    }
    for (const NoisyFactor& f : noisy_) {
        w *= f.at(present);
        if (w == 0) return 0;
    }
    if (!wide_factors_.empty()) {
        fill_causes(scratch_, present);
        for (int f : wide_factors_) w *= factor_value(f, scratch_);
    }
    for (const Block& b : wide_blocks_) {
        if (b.parts.empty()) {
            w *= block_sum(b, present);
            continue;
        }
        double sum = 0;
        for (const Part& part : b.parts) sum += part.at(present);
        w *= sum;
    }
    return w;
}

bool Plan::local_factors(int node, std::vector<int>& before, std::vector<int>& after,
                         std::vector<int>* blocks_before) const {
    before.clear();
    after.clear();
    // A values-only or partial plan does not say what lies around a node.
    if (node < 0 || static_cast<std::size_t>(node) >= n_.nodes.size() || block_of_node_.empty()) return false;
    const Node& x = n_.nodes[static_cast<std::size_t>(node)];
    if (x.kind == NodeKind::cause || base_values_[static_cast<std::size_t>(node)] >= 0) return false;
    std::vector<int> blocks, extra;
    auto add_block_of = [&](int v) {
        const int b = block_of_node_[static_cast<std::size_t>(v)];
        if (b >= 0 && std::find(blocks.begin(), blocks.end(), b) == blocks.end()) blocks.push_back(b);
    };
    auto hidden = [&](int v) {
        const NodeKind k = n_.nodes[static_cast<std::size_t>(v)].kind;
        return (k == NodeKind::context || k == NodeKind::state) &&
               base_values_[static_cast<std::size_t>(v)] < 0;
    };
    if (x.kind != NodeKind::finding) {
        // A hidden context node or state: its block (a state that does not matter yet has none, and nothing
        // changes when it is known but its factor).
        add_block_of(node);
        if (block_of_node_[static_cast<std::size_t>(node)] < 0) extra.push_back(node);
    } else {
        extra.push_back(node);
    }
    for (int p : x.parents) {
        if (!hidden(p)) continue;
        if (block_of_node_[static_cast<std::size_t>(p)] >= 0) {
            add_block_of(p);
            continue;
        }
        // A state that mattered to nothing: it joins with its factor and its own hidden parents' blocks.
        extra.push_back(p);
        for (int q : n_.nodes[static_cast<std::size_t>(p)].parents) {
            if (hidden(q)) add_block_of(q);
        }
    }
    if (x.kind != NodeKind::finding) {
        for (int q : x.parents) {
            if (hidden(q)) add_block_of(q);
        }
    }
    for (int b : blocks) {
        for (int f : block_factors_[static_cast<std::size_t>(b)]) before.push_back(f);
    }
    if (blocks_before) *blocks_before = blocks;
    after = before;
    for (int f : extra) {
        if (std::find(after.begin(), after.end(), f) == after.end()) after.push_back(f);
    }
    return true;
}

std::vector<double> cause_set_weights(const Network& n, const Evidence& e) {
    return cause_set_weights(n, Plan(n, e));
}

std::vector<double> cause_set_weights(const Network& n, const Plan& plan) {
    std::vector<double> w(n.cause_sets.size(), 0.0);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::uint64_t s = n.cause_sets[i];
        if (plan.consistent(s)) w[i] = plan.weight(s);
    }
    return w;
}

}  // namespace dah::net::detail
