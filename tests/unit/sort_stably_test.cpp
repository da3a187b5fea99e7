#include "dah/sort_stably.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

using Item = std::pair<int, int>;  // (key, position before sorting)

// The standard library's stable sort is the independent reference.
TEST(SortStably, MatchesStdStableSortOnRandomKeysWithManyTies) {
    std::mt19937 random(20261202);
    for (int n : {0, 1, 2, 3, 7, 8, 9, 31, 64, 100, 257}) {
        std::vector<Item> items;
        for (int i = 0; i < n; ++i) items.push_back({static_cast<int>(random() % 5), i});
        std::vector<Item> expected = items;
        const auto by_key = [](const Item& a, const Item& b) { return a.first < b.first; };
        std::stable_sort(expected.begin(), expected.end(), by_key);
        dah::sort_stably(items, by_key);
        EXPECT_EQ(items, expected) << "n = " << n;
    }
}

TEST(SortStably, MovesItemsThatCannotBeCopied) {
    std::vector<std::unique_ptr<std::string>> words;
    for (const char* w : {"pear", "fig", "apple", "kiwi"}) words.push_back(std::make_unique<std::string>(w));
    dah::sort_stably(words, [](const auto& a, const auto& b) { return a->size() < b->size(); });
    std::vector<std::string> got;
    for (const auto& w : words) got.push_back(*w);
    EXPECT_EQ(got, (std::vector<std::string>{"fig", "pear", "kiwi", "apple"}));
}

}  // namespace
