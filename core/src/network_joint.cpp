// The cached joint of incremental inference (see network_joint.hpp): built from the layout of the evidence,
// then changed cluster by cluster as nodes are revealed.
#include "network_joint.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "network_layout.hpp"
#include "network_plan.hpp"

namespace dah::net {

using detail::cause_set_weights;
using detail::factor_scope;
using detail::Layout;
using detail::layout_of;
using detail::Plan;

namespace {

// The most entries (rows × sets) a cluster may hold, 2 MiB of doubles: a larger block is left to the whole
// evaluation, summed afresh on each reveal, rather than kept.
constexpr std::size_t max_entries = std::size_t{1} << 18;

std::size_t size_of(const Network& n, int node) {
    return n.nodes[static_cast<std::size_t>(node)].values.size();
}

}  // namespace

Inference::Joint::Joint(const Network& n, const Evidence& e) : n_(&n), sets_(n.cause_sets.size()) {
    std::vector<int> values = e.value_of;
    const Layout layout = layout_of(n, values);
    cluster_of_.assign(n.nodes.size(), -1);
    for (const Layout::Block& b : layout.blocks) {
        std::size_t rows = 1;
        for (int v : b.nodes) rows *= size_of(n, v);
        if (rows * sets_ > max_entries) local_ = false;
    }
    const Plan plan(n, e, true);
    for (std::size_t i = 0; i < layout.blocks.size() && local_; ++i) {
        const Layout::Block& b = layout.blocks[i];
        Cluster c;
        c.nodes = b.nodes;
        for (int v : b.nodes) c.rows *= size_of(n, v);
        c.values.assign(c.rows * sets_, 1.0);
        for (int f : b.factors) local_ = local_ && multiply_factor(c, f, values, plan);
        sum_rows(c);
        for (int v : c.nodes) cluster_of_[static_cast<std::size_t>(v)] = static_cast<int>(clusters_.size());
        clusters_.push_back(std::move(c));
    }
    if (!local_) {
        // The whole evaluation instead, and no clusters: only findings on known parents will be local.
        clusters_.clear();
        std::fill(cluster_of_.begin(), cluster_of_.end(), -1);
        weights_ = cause_set_weights(n, e);
        direct_ = weights_;
        return;
    }
    direct_ = cause_set_weights(n, Plan(n, e, layout.direct));
    update_weights();
}

bool Inference::Joint::reveal(const Evidence& e, int node, int value) {
    const Network& n = *n_;
    const Node& x = n.nodes[static_cast<std::size_t>(node)];
    std::vector<int> values = e.value_of;
    values[static_cast<std::size_t>(node)] = value;
    const int bit = n.cause_bit[static_cast<std::size_t>(node)];
    if (bit >= 0) {
        // A cause's own factor is in every set's weight already: knowing it keeps the sets that agree.
        for (std::size_t s = 0; s < sets_; ++s) {
            if (static_cast<int>(n.cause_sets[s] >> bit & 1) != value) direct_[s] = weights_[s] = 0;
        }
        return true;
    }
    // Without the clusters a hidden context node or state is summed out with its block: only a finding can
    // be multiplied in.
    if (!local_ && x.kind != NodeKind::finding) return false;
    const bool in_cluster = cluster_of_[static_cast<std::size_t>(node)] >= 0;
    if (x.kind == NodeKind::context && !in_cluster) return false;  // kept clusters hold every hidden one
    // The factors that join the joint: the node's own unless it is there already (a hidden context node or
    // a state some finding needed), and a hidden state's that this finding is the first to need.
    std::vector<int> added, new_states;
    if (!in_cluster) added.push_back(node);
    if (x.kind == NodeKind::finding) {
        for (int p : x.parents) {
            if (n.nodes[static_cast<std::size_t>(p)].kind != NodeKind::state ||
                values[static_cast<std::size_t>(p)] >= 0 || cluster_of_[static_cast<std::size_t>(p)] >= 0)
                continue;
            if (!local_) return false;
            if (std::find(new_states.begin(), new_states.end(), p) != new_states.end()) continue;
            new_states.push_back(p);
            added.push_back(p);
        }
    }
    // The clusters whose hidden nodes those factors involve.
    std::vector<int> touched, hidden, bits;
    auto touch = [&](int v) {
        const int c = cluster_of_[static_cast<std::size_t>(v)];
        if (c >= 0 && std::find(touched.begin(), touched.end(), c) == touched.end()) touched.push_back(c);
    };
    if (in_cluster) touch(node);
    for (const int f : added) {
        factor_scope(n, values, f, hidden, bits);
        for (const int h : hidden) {
            if (cluster_of_[static_cast<std::size_t>(h)] < 0 &&
                std::find(new_states.begin(), new_states.end(), h) == new_states.end())
                return false;  // a hidden node the clusters do not hold: they were not kept
            touch(h);
        }
    }
    const Plan plan(n, Evidence{values}, true);
    if (touched.empty() && new_states.empty()) {
        // Nothing hidden around it: its likelihood per set multiplies the weights.
        std::vector<double> likelihood;
        for (const int f : added) {
            if (!plan.factor_by_set(f, values, n.cause_sets, likelihood)) return false;
            for (std::size_t s = 0; s < sets_; ++s) {
                direct_[s] *= likelihood[s];
                weights_[s] *= likelihood[s];
            }
        }
        return true;
    }
    std::size_t rows = 1;
    for (const int c : touched) rows *= clusters_[static_cast<std::size_t>(c)].rows;
    for (const int p : new_states) rows *= size_of(n, p);
    if (rows * sets_ > max_entries) return false;
    Cluster m = take_merged(touched);
    for (const int p : new_states) add_dimension(m, p);
    if (in_cluster) keep_value(m, node, value);
    for (const int f : added) {
        if (!multiply_factor(m, f, values, plan)) return false;
    }
    // The merged cluster replaces the ones it holds.
    std::sort(touched.begin(), touched.end(), std::greater<>());
    for (const int c : touched) clusters_.erase(clusters_.begin() + c);
    if (m.nodes.empty()) {
        for (std::size_t s = 0; s < sets_; ++s) direct_[s] *= m.values[s];
    } else {
        sum_rows(m);
        clusters_.push_back(std::move(m));
    }
    std::fill(cluster_of_.begin(), cluster_of_.end(), -1);
    for (std::size_t c = 0; c < clusters_.size(); ++c) {
        for (const int v : clusters_[c].nodes) cluster_of_[static_cast<std::size_t>(v)] = static_cast<int>(c);
    }
    update_weights();
    return true;
}

// Multiplies one node's factor into every row: evaluated once per assignment of the hidden nodes it
// involves (few), then looked up by each row's assignment.
bool Inference::Joint::multiply_factor(Cluster& c, int node, std::vector<int>& values,
                                       const Plan& plan) const {
    const Network& n = *n_;
    std::vector<int> hidden, bits;
    factor_scope(n, values, node, hidden, bits);
    std::vector<std::size_t> stride(c.nodes.size(), 1), position(hidden.size());
    for (std::size_t k = 1; k < c.nodes.size(); ++k) stride[k] = stride[k - 1] * size_of(n, c.nodes[k - 1]);
    std::size_t combinations = 1;
    for (std::size_t h = 0; h < hidden.size(); ++h) {
        const auto at = std::find(c.nodes.begin(), c.nodes.end(), hidden[h]);
        if (at == c.nodes.end()) return false;
        position[h] = static_cast<std::size_t>(at - c.nodes.begin());
        combinations *= size_of(n, hidden[h]);
    }
    std::vector<std::vector<double>> by_combination(combinations);
    for (std::size_t k = 0; k < combinations; ++k) {
        std::size_t rest = k;
        for (const int h : hidden) {
            values[static_cast<std::size_t>(h)] = static_cast<int>(rest % size_of(n, h));
            rest /= size_of(n, h);
        }
        const bool ok = plan.factor_by_set(node, values, n.cause_sets, by_combination[k]);
        if (!ok) break;
    }
    for (const int h : hidden) values[static_cast<std::size_t>(h)] = -1;
    for (const std::vector<double>& f : by_combination) {
        if (f.size() != sets_) return false;
    }
    for (std::size_t a = 0; a < c.rows; ++a) {
        std::size_t k = 0, scale = 1;
        for (std::size_t h = 0; h < hidden.size(); ++h) {
            const std::size_t size = size_of(n, hidden[h]);
            k += (a / stride[position[h]] % size) * scale;
            scale *= size;
        }
        double* row = c.values.data() + a * sets_;
        const double* factor = by_combination[k].data();
        for (std::size_t s = 0; s < sets_; ++s) row[s] *= factor[s];
    }
    return true;
}

// The product of several clusters as one: a row for each combination of theirs (the first's fastest). The
// first is moved out, not copied: the caller replaces them all by the result.
Inference::Joint::Cluster Inference::Joint::take_merged(const std::vector<int>& which) {
    Cluster out;
    out.values.assign(sets_, 1.0);
    for (const int index : which) {
        Cluster& c = clusters_[static_cast<std::size_t>(index)];
        if (out.nodes.empty()) {
            out = std::move(c);
            continue;
        }
        std::vector<double> values(out.rows * c.rows * sets_);
        for (std::size_t b = 0; b < c.rows; ++b) {
            const double* right = c.values.data() + b * sets_;
            for (std::size_t a = 0; a < out.rows; ++a) {
                const double* left = out.values.data() + a * sets_;
                double* to = values.data() + (a + out.rows * b) * sets_;
                for (std::size_t s = 0; s < sets_; ++s) to[s] = left[s] * right[s];
            }
        }
        out.nodes.insert(out.nodes.end(), c.nodes.begin(), c.nodes.end());
        out.rows *= c.rows;
        out.values = std::move(values);
    }
    return out;
}

// A new hidden node, slowest in the row index: every row repeated once per value (its factors follow).
void Inference::Joint::add_dimension(Cluster& c, int node) const {
    const std::size_t k = size_of(*n_, node), block = c.rows * sets_;
    c.values.resize(block * k);
    for (std::size_t x = 1; x < k; ++x)
        std::copy(c.values.begin(), c.values.begin() + static_cast<std::ptrdiff_t>(block),
                  c.values.begin() + static_cast<std::ptrdiff_t>(x * block));
    c.nodes.push_back(node);
    c.rows *= k;
}

// A hidden node now known: only the rows with its value remain, and it leaves the cluster.
void Inference::Joint::keep_value(Cluster& c, int node, int value) const {
    const std::size_t position =
        static_cast<std::size_t>(std::find(c.nodes.begin(), c.nodes.end(), node) - c.nodes.begin());
    std::size_t stride = 1;
    for (std::size_t k = 0; k < position; ++k) stride *= size_of(*n_, c.nodes[k]);
    const std::size_t k = size_of(*n_, node), rows = c.rows / k;
    std::vector<double> values(rows * sets_);
    for (std::size_t a = 0; a < rows; ++a) {
        const std::size_t from = a % stride + stride * (static_cast<std::size_t>(value) + k * (a / stride));
        std::copy_n(c.values.begin() + static_cast<std::ptrdiff_t>(from * sets_), sets_,
                    values.begin() + static_cast<std::ptrdiff_t>(a * sets_));
    }
    c.values = std::move(values);
    c.rows = rows;
    c.nodes.erase(c.nodes.begin() + static_cast<std::ptrdiff_t>(position));
}

void Inference::Joint::sum_rows(Cluster& c) const {
    c.sum.assign(sets_, 0.0);
    for (std::size_t a = 0; a < c.rows; ++a) {
        const double* row = c.values.data() + a * sets_;
        for (std::size_t s = 0; s < sets_; ++s) c.sum[s] += row[s];
    }
}

void Inference::Joint::update_weights() {
    weights_ = direct_;
    for (const Cluster& c : clusters_) {
        for (std::size_t s = 0; s < sets_; ++s) weights_[s] *= c.sum[s];
    }
}

}  // namespace dah::net
