// Every file in tests/malformed/ gives exactly the errors its .expected file lists (one per line,
// "file:line:column: pointer: message"). kb-*.json are knowledge bases (schema_version 2: the causal
// model, dah/network.hpp); *.case.json are cases, checked against tests/fixtures/knowledge-base.json.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dah/case.hpp"
#include "dah/network.hpp"
#include "dah/vignette.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    for (char c : text) {
        if (c == '\n') {
            lines.push_back(line);
            line.clear();
        } else {
            line += c;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> malformed_files() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dah::test::source_path("tests/malformed"))) {
        const std::string name = entry.path().filename().string();
        if (ends_with(name, ".json")) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

class Malformed : public ::testing::TestWithParam<std::string> {};

TEST_P(Malformed, ReportsExactlyTheExpectedErrors) {
    const std::string name = GetParam();
    const std::string dir = dah::test::source_path("tests/malformed/");
    const std::string text = dah::test::read_text(dir + name);
    const std::string expected_path = dir + name.substr(0, name.size() - 5) + ".expected";
    ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path;
    const std::vector<std::string> expected = lines_of(dah::test::read_text(expected_path));
    ASSERT_FALSE(expected.empty()) << expected_path << " lists no error";

    std::vector<dah::Diagnostic> errors;
    bool has_value = false;
    if (ends_with(name, ".case.json")) {
        const dah::KnowledgeBase kb = dah::test::fixture_knowledge_base();
        ASSERT_FALSE(kb.diagnoses.empty());
        auto loaded = dah::load_case(text, name, kb);
        errors = loaded.errors;
        has_value = loaded.value.has_value();
        // The causal model's block, against the v2 fixture (as `dah validate` does).
        const auto network = dah::net::load_network(
            dah::test::read_text(dah::test::source_path("tests/fixtures/knowledge-base-v2.json")),
            "kb2.json");
        ASSERT_TRUE(network.ok());
        if (nlohmann::json::accept(text)) {  // a syntax error is reported once, by the case loader
            auto block = dah::net::load_case_network(text, name, *network.value);
            for (auto& e : block.errors) errors.push_back(e);
            has_value = has_value && block.errors.empty();
        }
    } else if (dah::net::knowledge_base_schema_version(text) == 2) {
        auto loaded = dah::net::load_network(text, name);
        errors = loaded.errors;
        has_value = loaded.value.has_value();
    } else {
        auto loaded = dah::load_knowledge_base(text, name);
        errors = loaded.errors;
        has_value = loaded.value.has_value();
    }
    EXPECT_FALSE(has_value);
    std::vector<std::string> actual;
    for (const auto& e : errors) actual.push_back(e.to_string());
    EXPECT_EQ(actual, expected);
}

INSTANTIATE_TEST_SUITE_P(Files, Malformed, ::testing::ValuesIn(malformed_files()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                             std::string id;
                             for (char c : param.param.substr(0, param.param.size() - 5)) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             return id;
                         });

TEST(MalformedSet, HasAtLeast25FilesOfBothKinds) {
    const auto names = malformed_files();
    EXPECT_GE(names.size(), 25u);
    std::size_t cases = 0;
    for (const auto& n : names) cases += ends_with(n, ".case.json") ? 1 : 0;
    EXPECT_GE(cases, 10u);
    EXPECT_GE(names.size() - cases, 10u);
}

}  // namespace
