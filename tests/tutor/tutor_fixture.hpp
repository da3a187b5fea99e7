// A tutor loaded with the small test knowledge base and its cases (tests/fixtures/tutor), with a clock the
// test controls. The fixture numbers are made up for tests; expectations are computed by hand from them:
// the fixture network gives exactly the naive-Bayes posteriors of tests/fixtures/knowledge-base.json
// (tests/fixtures/README.md), so the hand computations read as naive Bayes over four diagnoses.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dah/tutor/tutor.hpp"

namespace dah::tutor::test {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::vector<InputFile> fixture_files() {
    const std::string dir = std::string(DAH_SOURCE_DIR) + "/tests/fixtures/tutor/";
    return {{"knowledge-base-v2.json", read_text(dir + "knowledge-base-v2.json")},
            {"warfarin.case.json", read_text(dir + "warfarin.case.json")},
            {"both.case.json", read_text(dir + "both.case.json")}};
}

struct TutorTest : ::testing::Test {
    double now = 1000;
    Tutor tutor{[this] { return now; }};
    void SetUp() override { tutor.load(fixture_files()); }
    int index(const std::string& id) const { return tutor.library().index_of(id); }
    int dx(const std::string& id) const {
        for (std::size_t d = 0; d < tutor.kb()->diagnoses.size(); ++d)
            if (tutor.kb()->diagnoses[d].id == id) return static_cast<int>(d);
        return -1;
    }
};

}  // namespace dah::tutor::test
