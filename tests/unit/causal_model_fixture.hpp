// The causal model of cases/knowledge-base-v2.json, loaded once for the tests that reason with it, and
// evidence written as node and value ids.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"
#include "test_support.hpp"

namespace dah::test::causal {

inline const net::Network& model() {
    static const net::Network n = [] {
        auto loaded = net::load_network(read_text(source_path("cases/knowledge-base-v2.json")), "knowledge-base-v2.json");
        for (const auto& e : loaded.errors) ADD_FAILURE() << e.to_string();
        return loaded.value.value_or(net::Network{});
    }();
    return n;
}

inline int node(const char* id) {
    const int i = model().node_index(id);
    EXPECT_GE(i, 0) << id;
    return i;
}

inline net::Evidence with(std::initializer_list<std::pair<const char*, const char*>> findings) {
    const net::Network& n = model();
    net::Evidence e = net::Evidence::none(n);
    for (const auto& [id, value] : findings) {
        const int i = node(id);
        const int v = n.value_index(i, value);
        EXPECT_GE(v, 0) << id << "=" << value;
        e.set(n, i, v);
    }
    return e;
}

}  // namespace dah::test::causal
