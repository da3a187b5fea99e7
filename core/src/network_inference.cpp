// Posterior, hypotheses, predictive distributions and weights of evidence on the causal model, from the
// weights of every allowed set of causes (network_plan.cpp).
#include "dah/network_inference.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

#include "dah/sort_stably.hpp"
#include "network_joint.hpp"
#include "network_plan.hpp"

namespace dah::net {

namespace {

using detail::cause_set_weights;

bool in_range(const Network& n, int node) {
    return node >= 0 && static_cast<std::size_t>(node) < n.nodes.size();
}

// One mask per clause, for fast checks over many sets.
struct CompiledHypothesis {
    std::vector<std::uint64_t> clauses;
    bool negated = false;
    bool holds(std::uint64_t present) const {
        bool all = true;
        for (std::uint64_t c : clauses) all = all && (present & c) != 0;
        return all != negated;
    }
};

CompiledHypothesis compile(const Network& n, const Hypothesis& h) {
    CompiledHypothesis out;
    out.negated = h.negated;
    for (const auto& clause : h.clauses) {
        std::uint64_t mask = 0;
        for (int node : clause) {
            if (in_range(n, node) && n.cause_bit[static_cast<std::size_t>(node)] >= 0) {
                mask |= std::uint64_t{1} << n.cause_bit[static_cast<std::size_t>(node)];
            }
        }
        out.clauses.push_back(mask);
    }
    return out;
}

double sum_where(const Network& n, const std::vector<double>& w, const CompiledHypothesis& h) {
    double s = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i] > 0 && h.holds(n.cause_sets[i])) s += w[i];
    }
    return s;
}

double total(const std::vector<double>& w) {
    double s = 0;
    for (double x : w) s += x;
    return s;
}

Evidence normalised(const Network& n, const Evidence& e) {
    Evidence out = Evidence::none(n);
    for (std::size_t i = 0; i < out.value_of.size() && i < e.value_of.size(); ++i) {
        const int v = e.value_of[i];
        if (v >= 0 && static_cast<std::size_t>(v) < n.nodes[i].values.size()) out.value_of[i] = v;
    }
    return out;
}

int popcount(std::uint64_t x) {
    int c = 0;
    for (; x; x &= x - 1) ++c;
    return c;
}

// The weights of the last value of a node: the weights without it less those of its other values.
std::vector<double> remainder(const std::vector<double>& base,
                              const std::vector<std::vector<double>>& others) {
    std::vector<double> last(base);
    for (std::size_t s = 0; s < last.size(); ++s) {
        for (const std::vector<double>& w : others) last[s] -= w[s];
        // Rounding can leave a tiny negative or positive remainder where the last value is impossible.
        if (!(last[s] > 1e-12 * base[s])) last[s] = 0;
    }
    return last;
}

// The per-set weights with the node at each of its values: joint[v][set]. For a finding whose parents
// are causes and known context, the weights without it (`base`, computed when null) times its likelihood;
// for any other node, one evaluation per value.
std::vector<std::vector<double>> weights_by_value(const Network& n, const Evidence& e, int node,
                                                  const std::vector<double>* base = nullptr) {
    std::vector<std::vector<double>> out;
    const std::size_t k = n.nodes[static_cast<std::size_t>(node)].values.size();
    const detail::Plan values(n, e, true);
    std::vector<double> likelihood;
    if (values.likelihood_by_set(node, 0, n.cause_sets, likelihood)) {
        std::vector<double> computed;
        if (!base) {
            computed = cause_set_weights(n, e);
            base = &computed;
        }
        for (std::size_t v = 0; v < k; ++v) {
            if (v > 0) values.likelihood_by_set(node, static_cast<int>(v), n.cause_sets, likelihood);
            for (std::size_t s = 0; s < base->size(); ++s) likelihood[s] *= (*base)[s];
            out.push_back(likelihood);
        }
        return out;
    }
    Evidence with = e;
    // With the weights without the node at hand, its last value is what the others leave: the values'
    // joint weights sum to them (one evaluation fewer per node, half for a yes/no question).
    const std::size_t evaluated = base && k > 1 ? k - 1 : k;
    for (std::size_t v = 0; v < evaluated; ++v) {
        with.value_of[static_cast<std::size_t>(node)] = static_cast<int>(v);
        out.push_back(cause_set_weights(n, with));
    }
    if (evaluated < k) out.push_back(remainder(*base, out));
    return out;
}

// log2 remembered for the last arguments seen: across sets of causes the same ratio recurs (a finding's
// likelihood is the same for every set without its linked causes), and a logarithm costs more than a look-up.
class Log2Memo {
public:
    double operator()(double x) {
        // Neighbouring sets mostly repeat the last argument: no hashing then.
        if (x == last_x_) return last_;
        std::uint64_t key;
        std::memcpy(&key, &x, sizeof key);
        Entry& e = entries_[(key ^ key >> 29 ^ key >> 41) & (size - 1)];
        if (!e.used || e.key != key) e = Entry{key, std::log2(x), true};
        last_x_ = x;
        return last_ = e.value;
    }

private:
    static constexpr std::size_t size = 64;
    struct Entry {
        std::uint64_t key = 0;
        double value = 0;
        bool used = false;
    };
    std::array<Entry, size> entries_{};
    double last_x_ = -1, last_ = 0;  // -1: no argument is ever negative
};

double mutual_information(const Network& n, const std::vector<std::vector<double>>& joint) {
    const std::size_t k = joint.size(), sets = n.cause_sets.size();
    double z = 0;
    std::vector<double> by_value(k, 0.0), by_set(sets, 0.0);
    for (std::size_t v = 0; v < k; ++v) {
        for (std::size_t s = 0; s < sets; ++s) {
            by_value[v] += joint[v][s];
            by_set[s] += joint[v][s];
        }
        z += by_value[v];
    }
    if (!(z > 0)) return 0;
    // Sum of P(v, s) log2(P(v, s) / (P(v) P(s))), with the ratio as joint * z / (by_value * by_set).
    for (double& b : by_set) b = b > 0 ? 1 / b : 0;
    double bits = 0;
    Log2Memo log2_of;
    for (std::size_t v = 0; v < k; ++v) {
        if (!(by_value[v] > 0)) continue;
        const double scale = z / by_value[v];
        const std::vector<double>& row = joint[v];
        for (std::size_t s = 0; s < sets; ++s) {
            const double j = row[s];
            if (j > 0 && by_set[s] > 0) bits += j * log2_of(j * scale * by_set[s]);
        }
    }
    return std::max(0.0, bits / z);
}

// The mutual information between a node and the set of causes from the weights w(s) without the node and
// its likelihood per set L(v | s) (or anything proportional to it per set): the joint is w(s) L(v | s), so
// I = sum over v, s of w L (log2 L - log2 T(s) + log2 z - log2 P(v)) / z, with T(s) = sum over v of L
// (1 for a well-formed node). A likelihood takes few distinct values (every set without the node's causes
// shares one), so its logarithm is nearly always remembered, which the general form's ratios are not.
double information_from(const std::vector<double>& base, const std::vector<std::vector<double>>& likelihoods,
                        std::size_t k) {
    const std::size_t sets = base.size();
    // T(s) differs from 1 only by rounding for a well-formed node; its logarithm is needed only where it
    // does by more.
    std::vector<double> log_t(sets, 0.0);
    for (std::size_t s = 0; s < sets; ++s) {
        double t = 0;
        for (std::size_t v = 0; v < k; ++v) t += likelihoods[v][s];
        if (t > 0 && std::fabs(t - 1) > 1e-12) log_t[s] = std::log2(t);
    }
    // Value by value, so that neighbouring sets repeat the last likelihood and the memo rarely hashes.
    Log2Memo log2_of;
    double z = 0, weighted_log = 0, rest = 0;
    std::vector<double> by_value(k, 0.0);
    for (std::size_t v = 0; v < k; ++v) {
        const std::vector<double>& row = likelihoods[v];
        double sum = 0, logs = 0;
        for (std::size_t s = 0; s < sets; ++s) {
            const double l = row[s], w = base[s];
            if (!(l > 0) || !(w > 0)) continue;
            const double j = w * l;
            sum += j;
            logs += j * (log2_of(l) - log_t[s]);
        }
        by_value[v] = sum;
        z += sum;
        weighted_log += logs;
    }
    if (!(z > 0)) return 0;
    const double log_z = std::log2(z);
    for (std::size_t v = 0; v < k; ++v) {
        if (by_value[v] > 0) rest += by_value[v] * (log_z - std::log2(by_value[v]));
    }
    return std::max(0.0, (weighted_log + rest) / z);
}

// The likelihood per set of a node whose factors are local (a hidden context node or state, or a finding
// with hidden parents): the joint with the node known is the whole joint times Plan(after)/Plan(before)
// (network_plan.hpp), and that ratio is the likelihood. The last value is what the others leave. False
// when the plan cannot say what lies around the node.
// `block_values` caches each block's factor per set across nodes (nodes of one block share it).
bool local_likelihoods(const Network& n, const Evidence& e, int node, const std::vector<double>& base,
                       const detail::Plan& plan, std::vector<std::vector<double>>& block_values,
                       std::vector<std::vector<double>>& out) {
    std::vector<int> before, after, blocks;
    if (!plan.local_factors(node, before, after, &blocks)) return false;
    const std::size_t k = n.nodes[static_cast<std::size_t>(node)].values.size(), sets = base.size();
    if (out.size() < k) out.resize(k);
    std::vector<double> part(sets, 1.0);
    for (int b : blocks) {
        if (block_values.size() <= static_cast<std::size_t>(b))
            block_values.resize(static_cast<std::size_t>(b) + 1);
        std::vector<double>& values = block_values[static_cast<std::size_t>(b)];
        if (values.empty()) {
            values.assign(sets, 0.0);
            for (std::size_t s = 0; s < sets; ++s) {
                if (base[s] > 0) values[s] = plan.block_at(b, n.cause_sets[s]);
            }
        }
        for (std::size_t s = 0; s < sets; ++s) part[s] *= values[s];
    }
    for (std::size_t s = 0; s < sets; ++s) {
        if (!(base[s] > 0)) part[s] = 0;
    }
    Evidence with = e;
    for (std::size_t v = 0; v + 1 < k; ++v) {
        with.value_of[static_cast<std::size_t>(node)] = static_cast<int>(v);
        const detail::Plan now(n, with, after);
        std::vector<double>& l = out[v];
        l.assign(sets, 0.0);
        for (std::size_t s = 0; s < sets; ++s) {
            if (part[s] > 0 && now.consistent(n.cause_sets[s])) l[s] = now.weight(n.cause_sets[s]) / part[s];
        }
    }
    std::vector<double>& last = out[k - 1];
    last.assign(sets, 0.0);
    for (std::size_t s = 0; s < sets; ++s) {
        if (!(part[s] > 0)) continue;
        double rest = 1;
        for (std::size_t v = 0; v + 1 < k; ++v) rest -= out[v][s];
        // Rounding can leave a tiny remainder where the last value is impossible.
        last[s] = rest > 1e-12 ? rest : 0;
    }
    return true;
}

// The information of a finding whose parents are causes and known context nodes, from its likelihood per
// set. False (nothing written) for any other node. `likelihoods` is scratch space, reused across nodes.
bool direct_information(const Network& n, const detail::Plan& values, int node,
                        const std::vector<double>& base, std::vector<std::vector<double>>& likelihoods,
                        double& bits) {
    const std::size_t k = n.nodes[static_cast<std::size_t>(node)].values.size();
    if (likelihoods.size() < k) likelihoods.resize(k);
    for (std::size_t v = 0; v < k; ++v) {
        if (!values.likelihood_by_set(node, static_cast<int>(v), n.cause_sets, likelihoods[v])) return false;
    }
    bits = information_from(base, likelihoods, k);
    return true;
}

double plogp_ratio(double joint, double a, double b) {
    return joint > 0 && a > 0 && b > 0 ? joint * std::log2(joint / (a * b)) : 0;
}

}  // namespace

bool Evidence::set(const Network& n, int node, int value) {
    if (!in_range(n, node) || value < -1 ||
        value >= static_cast<int>(n.nodes[static_cast<std::size_t>(node)].values.size())) {
        return false;
    }
    if (value_of.size() != n.nodes.size()) value_of.resize(n.nodes.size(), -1);
    value_of[static_cast<std::size_t>(node)] = value;
    return true;
}

Hypothesis Hypothesis::anything() { return Hypothesis{{}, false, "anything"}; }

Hypothesis Hypothesis::of_cause(const Network& n, int node) {
    Hypothesis h{
        {{node}}, false, in_range(n, node) ? n.nodes[static_cast<std::size_t>(node)].short_name : "?"};
    return h;
}

Hypothesis Hypothesis::of_group(const Network& n, int group) {
    Hypothesis h;
    std::vector<int> clause;
    for (int c : n.causes) {
        if (n.nodes[static_cast<std::size_t>(c)].group == group) clause.push_back(c);
    }
    h.clauses.push_back(clause);
    h.label = group >= 0 && static_cast<std::size_t>(group) < n.groups.size()
                  ? n.groups[static_cast<std::size_t>(group)].name
                  : "?";
    return h;
}

Hypothesis Hypothesis::both(const Network& n) {
    Hypothesis h;
    h.clauses.push_back(of_group(n, n.both_first).clauses.front());
    h.clauses.push_back(of_group(n, n.both_second).clauses.front());
    h.label = n.both_name;
    return h;
}

Hypothesis Hypothesis::complement(const Hypothesis& h) {
    Hypothesis out = h;
    out.negated = !h.negated;
    out.label = "not " + h.label;
    return out;
}

bool Hypothesis::holds(const Network& n, std::uint64_t present) const {
    return compile(n, *this).holds(present);
}

namespace {

Posterior posterior_from_weights(const Network& n, const std::vector<double>& w) {
    Posterior out;
    out.present.assign(n.nodes.size(), 0.0);
    out.groups.assign(n.groups.size(), 0.0);
    const double z = total(w);
    // The presenting problem: at least one and at most max_coexisting_causes present; its probability
    // under the independent cause model normalises the evidence probability.
    out.evidence_probability = n.prior_mass > 0 ? z / n.prior_mass : 0;
    if (!(z > 0)) return out;
    out.possible = true;
    const bool has_both = n.both_first >= 0 && n.both_second >= 0;
    const std::uint64_t first = has_both ? n.group_mask[static_cast<std::size_t>(n.both_first)] : 0;
    const std::uint64_t second = has_both ? n.group_mask[static_cast<std::size_t>(n.both_second)] : 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (!(w[i] > 0)) continue;
        const double p = w[i] / z;
        const std::uint64_t s = n.cause_sets[i];
        for (std::uint64_t m = s; m; m &= m - 1) {
            out.present[static_cast<std::size_t>(n.causes[static_cast<std::size_t>(__builtin_ctzll(m))])] +=
                p;
        }
        for (std::size_t g = 0; g < n.groups.size(); ++g) {
            if (s & n.group_mask[g]) out.groups[g] += p;
        }
        if (has_both && (s & first) && (s & second)) out.both += p;
        if (popcount(s) >= 2) out.any_of_two_or_more += p;
    }
    return out;
}

}  // namespace

Posterior posterior_after(const Network& n, const Evidence& e) {
    return posterior_from_weights(n, cause_set_weights(n, normalised(n, e)));
}

Inference::Inference(const Network& n) : n_(&n), evidence_(Evidence::none(n)) { recompute(); }

Inference::Inference(const Inference& other)
    : n_(other.n_),
      evidence_(other.evidence_),
      joint_(std::make_unique<Joint>(*other.joint_)),
      recomputations_(other.recomputations_) {}

Inference::Inference(Inference&& other) noexcept = default;

Inference& Inference::operator=(const Inference& other) {
    if (this != &other) *this = Inference(other);
    return *this;
}

Inference& Inference::operator=(Inference&& other) noexcept = default;

Inference::~Inference() = default;

void Inference::recompute() {
    joint_ = std::make_unique<Joint>(*n_, evidence_);
    ++recomputations_;
}

void Inference::set_evidence(const Evidence& e) {
    evidence_ = normalised(*n_, e);
    recompute();
}

void Inference::reveal(int node, int value) {
    if (!in_range(*n_, node) || value < 0 ||
        static_cast<std::size_t>(value) >= n_->nodes[static_cast<std::size_t>(node)].values.size()) {
        return;
    }
    const int before = evidence_.value_of[static_cast<std::size_t>(node)];
    if (before == value) return;
    const bool local = before < 0 && joint_->reveal(evidence_, node, value);
    evidence_.value_of[static_cast<std::size_t>(node)] = value;
    if (!local) recompute();
}

Posterior Inference::posterior() const { return posterior_from_weights(*n_, joint_->weights()); }

double probability_of(const Network& n, const Evidence& e, const Hypothesis& h) {
    const std::vector<double> w = cause_set_weights(n, normalised(n, e));
    const double z = total(w);
    return z > 0 ? sum_where(n, w, compile(n, h)) / z : 0;
}

std::vector<double> predictive(const Network& n, const Evidence& e, int node) {
    if (!in_range(n, node)) return {};
    const Evidence base = normalised(n, e);
    const std::size_t k = n.nodes[static_cast<std::size_t>(node)].values.size();
    std::vector<double> out(k, 0.0);
    const int known = base.value_of[static_cast<std::size_t>(node)];
    if (known >= 0) {
        if (!(total(cause_set_weights(n, base)) > 0)) return {};
        out[static_cast<std::size_t>(known)] = 1;
        return out;
    }
    double z = 0;
    const auto joint = weights_by_value(n, base, node);
    for (std::size_t v = 0; v < k; ++v) z += out[v] = total(joint[v]);
    if (!(z > 0)) return {};
    for (double& p : out) p /= z;
    return out;
}

double weight_of_evidence_db(const Network& n, const Evidence& before, int node, int value,
                             const Hypothesis& a, const Hypothesis& b) {
    if (!in_range(n, node)) return 0;
    Evidence rest = normalised(n, before);
    rest.value_of[static_cast<std::size_t>(node)] = -1;
    Evidence with = rest;
    if (!with.set(n, node, value) || value < 0) return 0;
    const std::vector<double> w0 = cause_set_weights(n, rest);
    const std::vector<double> w1 = cause_set_weights(n, with);
    const CompiledHypothesis ha = compile(n, a), hb = compile(n, b);
    const double a0 = sum_where(n, w0, ha), b0 = sum_where(n, w0, hb);
    const double pa = a0 > 0 ? sum_where(n, w1, ha) / a0 : 0;
    const double pb = b0 > 0 ? sum_where(n, w1, hb) / b0 : 0;
    if (pa == 0 && pb == 0) return 0;
    if (pb == 0) return std::numeric_limits<double>::infinity();
    if (pa == 0) return -std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(pa / pb);
}

Posterior posterior_if(const Network& n, const Evidence& e, int node, int value) {
    Evidence with = normalised(n, e);
    with.set(n, node, value);
    return posterior_after(n, with);
}

double expected_information_bits(const Network& n, const Evidence& e, int node) {
    if (!in_range(n, node)) return 0;
    const Evidence base = normalised(n, e);
    if (base.value_of[static_cast<std::size_t>(node)] >= 0) return 0;
    return mutual_information(n, weights_by_value(n, base, node));
}

double expected_information_bits(const Network& n, const Evidence& e, int node, const Hypothesis& a,
                                 const Hypothesis& b) {
    if (!in_range(n, node)) return 0;
    const Evidence base = normalised(n, e);
    if (base.value_of[static_cast<std::size_t>(node)] >= 0) return 0;
    const auto joint = weights_by_value(n, base, node);
    const CompiledHypothesis ha = compile(n, a), hb = compile(n, b);
    const std::size_t k = joint.size();
    std::vector<double> in_a(k, 0.0), in_b(k, 0.0);
    for (std::size_t v = 0; v < k; ++v) {
        for (std::size_t s = 0; s < joint[v].size(); ++s) {
            const std::uint64_t set = n.cause_sets[s];
            if (ha.holds(set))
                in_a[v] += joint[v][s];
            else if (hb.holds(set))
                in_b[v] += joint[v][s];
        }
    }
    double z = 0, za = 0, zb = 0;
    for (std::size_t v = 0; v < k; ++v) {
        za += in_a[v];
        zb += in_b[v];
    }
    z = za + zb;
    if (!(z > 0)) return 0;
    double bits = 0;
    for (std::size_t v = 0; v < k; ++v) {
        const double pv = (in_a[v] + in_b[v]) / z;
        bits += plogp_ratio(in_a[v] / z, pv, za / z) + plogp_ratio(in_b[v] / z, pv, zb / z);
    }
    return std::max(0.0, bits);
}

std::vector<TestSuggestion> suggest_next_tests(const Network& n, const Evidence& e, Stage up_to) {
    std::vector<TestSuggestion> out;
    const Evidence base = normalised(n, e);
    const detail::Plan plan(n, base);
    const detail::Plan values(n, base, true);
    const std::vector<double> weights = cause_set_weights(n, plan);
    std::vector<std::vector<double>> likelihoods, block_values;
    for (std::size_t i = 0; i < n.nodes.size(); ++i) {
        const Node& x = n.nodes[i];
        // Causes and states are what the tests are about, not tests.
        if (x.kind == NodeKind::cause || x.kind == NodeKind::state || base.value_of[i] >= 0) continue;
        if (static_cast<int>(x.stage) > static_cast<int>(up_to)) continue;
        // A finding on causes and known context: its likelihood per set; a node with hidden neighbours: the
        // local factors around it; otherwise the joint with each value, evaluated whole.
        double bits = 0;
        if (!direct_information(n, values, static_cast<int>(i), weights, likelihoods, bits)) {
            bits = local_likelihoods(n, base, static_cast<int>(i), weights, plan, block_values, likelihoods)
                       ? information_from(weights, likelihoods, x.values.size())
                       : mutual_information(n, weights_by_value(n, base, static_cast<int>(i), &weights));
        }
        out.push_back(TestSuggestion{static_cast<int>(i), bits});
    }
    sort_stably(out, [](const TestSuggestion& a, const TestSuggestion& b) {
        return a.expected_bits > b.expected_bits;
    });
    return out;
}

std::vector<StageResult> replay(const Network& n, const std::vector<StagedFinding>& findings,
                                const Hypothesis& a, const Hypothesis& b) {
    std::vector<StageResult> out;
    Evidence e = Evidence::none(n);
    for (Stage stage : all_stages) {
        StageResult r;
        r.stage = stage;
        for (const StagedFinding& f : findings) {
            if (f.stage != stage || !in_range(n, f.node)) continue;
            r.weights.push_back(WeightedFinding{f, weight_of_evidence_db(n, e, f.node, f.value, a, b)});
            e.set(n, f.node, f.value);
        }
        if (r.weights.empty()) continue;
        r.evidence = e;
        r.posterior = posterior_after(n, e);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace dah::net
