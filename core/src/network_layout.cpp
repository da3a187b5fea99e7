// The factors of the joint and the blocks of hidden nodes (see network_layout.hpp), by union-find over the
// hidden nodes that share a factor.
#include "network_layout.hpp"

#include <algorithm>
#include <numeric>

namespace dah::net::detail {

namespace {

int find_root(std::vector<int>& up, int x) {
    while (up[static_cast<std::size_t>(x)] != x) {
        up[static_cast<std::size_t>(x)] = up[static_cast<std::size_t>(up[static_cast<std::size_t>(x)])];
        x = up[static_cast<std::size_t>(x)];
    }
    return x;
}

}  // namespace

void factor_scope(const Network& n, const std::vector<int>& values, int node, std::vector<int>& hidden,
                  std::vector<int>& bits) {
    hidden.clear();
    bits.clear();
    auto visit = [&](int v) {
        if (hidden_node(n, values, v)) hidden.push_back(v);
        const int bit = n.cause_bit[static_cast<std::size_t>(v)];
        if (bit >= 0 && std::find(bits.begin(), bits.end(), bit) == bits.end()) bits.push_back(bit);
    };
    visit(node);
    for (int p : n.nodes[static_cast<std::size_t>(node)].parents) visit(p);
}

Layout layout_of(const Network& n, const std::vector<int>& values, const std::vector<int>* only) {
    const std::size_t count = n.nodes.size();
    Layout out;
    std::vector<bool>& state_needed = out.state_needed;
    state_needed.assign(count, false);
    for (std::size_t i = 0; i < count; ++i) {
        if (values[i] < 0) continue;
        if (n.nodes[i].kind == NodeKind::state) state_needed[i] = true;
        if (n.nodes[i].kind != NodeKind::finding) continue;
        for (int p : n.nodes[i].parents) {
            if (n.nodes[static_cast<std::size_t>(p)].kind == NodeKind::state)
                state_needed[static_cast<std::size_t>(p)] = true;
        }
    }
    std::vector<int> factors;
    factors.reserve(count);  // built by push_back: one allocation rather than one per doubling
    std::vector<bool> allowed(count, only == nullptr);
    if (only) {
        for (int f : *only) allowed[static_cast<std::size_t>(f)] = true;
    }
    for (std::size_t i = 0; i < count; ++i) {
        const NodeKind kind = n.nodes[i].kind;
        if (!allowed[i]) continue;
        if (kind == NodeKind::context || kind == NodeKind::cause || values[i] >= 0 ||
            (kind == NodeKind::state && state_needed[i]))
            factors.push_back(static_cast<int>(i));
    }
    std::vector<int> up(count);
    std::iota(up.begin(), up.end(), 0);
    std::vector<int> hidden, bits;
    std::vector<bool> in_scope(count, false);  // hidden nodes some factor involves
    for (int f : factors) {
        factor_scope(n, values, f, hidden, bits);
        for (int h : hidden) in_scope[static_cast<std::size_t>(h)] = true;
        for (std::size_t k = 1; k < hidden.size(); ++k)
            up[static_cast<std::size_t>(find_root(up, hidden[k]))] = find_root(up, hidden[0]);
    }
    std::vector<int> block_of_root(count, -1);
    out.block_of.assign(count, -1);
    for (std::size_t i = 0; i < count; ++i) {
        if (!in_scope[i]) continue;
        int& b = block_of_root[static_cast<std::size_t>(find_root(up, static_cast<int>(i)))];
        if (b < 0) {
            b = static_cast<int>(out.blocks.size());
            out.blocks.emplace_back();
        }
        out.block_of[i] = b;
        out.blocks[static_cast<std::size_t>(b)].nodes.push_back(static_cast<int>(i));
    }
    out.direct.reserve(factors.size());
    for (int f : factors) {
        factor_scope(n, values, f, hidden, bits);
        if (hidden.empty()) {
            out.direct.push_back(f);
            continue;
        }
        Layout::Block& b =
            out.blocks[static_cast<std::size_t>(out.block_of[static_cast<std::size_t>(hidden[0])])];
        b.factors.push_back(f);
        for (int bit : bits) {
            if (std::find(b.bits.begin(), b.bits.end(), bit) == b.bits.end()) b.bits.push_back(bit);
        }
    }
    return out;
}

}  // namespace dah::net::detail
