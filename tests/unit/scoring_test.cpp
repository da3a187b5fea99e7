// Proper scores and calibration on hand-computed examples.
#include <gtest/gtest.h>

#include <cmath>

#include "dah/scoring.hpp"

namespace {

TEST(Scoring, BrierOnHandComputedExample) {
    // (0.7-1)^2 + 0.2^2 + 0.1^2 = 0.09 + 0.04 + 0.01
    EXPECT_NEAR(dah::brier_score({0.7, 0.2, 0.1}, 0), 0.14, 1e-12);
    EXPECT_NEAR(dah::brier_score({0.7, 0.2, 0.1}, 2), 0.49 + 0.04 + 0.81, 1e-12);
    EXPECT_DOUBLE_EQ(dah::brier_score({1, 0, 0}, 0), 0.0);
    EXPECT_DOUBLE_EQ(dah::brier_score({0, 1, 0}, 0), 2.0);
}

TEST(Scoring, LogScoreInBitsWithFloor) {
    EXPECT_NEAR(dah::log_score_bits({0.5, 0.25, 0.25}, 0), 1.0, 1e-12);
    EXPECT_NEAR(dah::log_score_bits({0.5, 0.25, 0.25}, 1), 2.0, 1e-12);
    EXPECT_NEAR(dah::log_score_bits({1.0, 0.0}, 1), -std::log2(dah::log_score_floor), 1e-12);
    EXPECT_NEAR(dah::log_score_bits({1.0, 0.0}, 0), 0.0, 1e-12);
}

TEST(Scoring, NormalisedSumsToOneAndZeroGivesUniform) {
    const auto p = dah::normalised({2, 1, 1});
    EXPECT_NEAR(p[0], 0.5, 1e-12);
    EXPECT_NEAR(p[1], 0.25, 1e-12);
    const auto u = dah::normalised({0, 0, 0, 0});
    for (double x : u) EXPECT_NEAR(x, 0.25, 1e-12);
    const auto negative = dah::normalised({-1, 3});
    EXPECT_NEAR(negative[0], 0.0, 1e-12);
    EXPECT_NEAR(negative[1], 1.0, 1e-12);
}

TEST(Scoring, ForecastsOfOneAnswer) {
    const auto f = dah::forecasts_of({0.6, 0.3, 0.1}, 1);
    ASSERT_EQ(f.size(), 3u);
    EXPECT_FALSE(f[0].happened);
    EXPECT_TRUE(f[1].happened);
    EXPECT_DOUBLE_EQ(f[2].probability, 0.1);
}

TEST(Scoring, CalibrationBins) {
    std::vector<dah::Forecast> forecasts = {{0.05, false}, {0.15, true}, {0.12, false}, {0.95, true},
                                            {1.0, true},   {0.91, false}, {0.5, true}};
    const auto bins = dah::calibration(forecasts, 10);
    ASSERT_EQ(bins.size(), 10u);
    EXPECT_DOUBLE_EQ(bins[0].lower, 0.0);
    EXPECT_DOUBLE_EQ(bins[0].upper, 0.1);
    EXPECT_EQ(bins[0].count, 1);
    EXPECT_DOUBLE_EQ(bins[0].observed_frequency, 0.0);
    EXPECT_EQ(bins[1].count, 2);
    EXPECT_NEAR(bins[1].mean_forecast, 0.135, 1e-12);
    EXPECT_NEAR(bins[1].observed_frequency, 0.5, 1e-12);
    EXPECT_EQ(bins[5].count, 1);  // 0.5 opens [0.5, 0.6)
    EXPECT_EQ(bins[9].count, 3);  // 0.91, 0.95 and 1.0 (the last bin holds 1)
    EXPECT_NEAR(bins[9].observed_frequency, 2.0 / 3.0, 1e-12);
    EXPECT_EQ(bins[4].count, 0);
    EXPECT_TRUE(dah::calibration(forecasts, 0).empty());
}

}  // namespace
