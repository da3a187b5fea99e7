// Proper scores of a probabilistic differential against the true diagnosis, for the learner and
// the engine alike, and calibration over many answers.
#pragma once

#include <vector>

namespace dah {

// Probabilities that the learner set: normalised so they sum to 1 (all zero -> uniform).
std::vector<double> normalised(const std::vector<double>& weights);

// Multi-class Brier score: sum over diagnoses of (p - [d == truth])^2. 0 is perfect, 2 is worst.
double brier_score(const std::vector<double>& probabilities, int truth);

// Logarithmic score in bits: -log2 p(truth), with p floored at `log_score_floor` so that one
// zero does not give infinity. 0 is perfect.
inline constexpr double log_score_floor = 0.001;
double log_score_bits(const std::vector<double>& probabilities, int truth);

// One forecast for calibration: the probability given to an outcome, and whether it happened.
struct Forecast {
    double probability = 0;
    bool happened = false;
};

struct CalibrationBin {
    double lower = 0, upper = 0;       // forecast range [lower, upper)
    int count = 0;
    double mean_forecast = 0;
    double observed_frequency = 0;
};

// Every diagnosis of every answer is one forecast.
std::vector<Forecast> forecasts_of(const std::vector<double>& probabilities, int truth);
std::vector<CalibrationBin> calibration(const std::vector<Forecast>& forecasts, int bins = 10);

}  // namespace dah
