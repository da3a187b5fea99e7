// Proper scores (Brier, logarithmic) and calibration bins.
#include "dah/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace dah {

std::vector<double> normalised(const std::vector<double>& weights) {
    std::vector<double> out(weights.size(), 0.0);
    double sum = 0;
    for (double w : weights) sum += (std::isfinite(w) && w > 0) ? w : 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double w = (std::isfinite(weights[i]) && weights[i] > 0) ? weights[i] : 0.0;
        out[i] = sum > 0 ? w / sum : 1.0 / static_cast<double>(weights.size());
    }
    return out;
}

double brier_score(const std::vector<double>& probabilities, int truth) {
    double score = 0;
    for (std::size_t d = 0; d < probabilities.size(); ++d) {
        const double target = static_cast<int>(d) == truth ? 1.0 : 0.0;
        const double diff = probabilities[d] - target;
        score += diff * diff;
    }
    return score;
}

double log_score_bits(const std::vector<double>& probabilities, int truth) {
    double p = 0;
    if (truth >= 0 && static_cast<std::size_t>(truth) < probabilities.size()) p = probabilities[static_cast<std::size_t>(truth)];
    if (!(p >= log_score_floor)) p = log_score_floor;
    return -std::log2(std::min(p, 1.0));
}

std::vector<Forecast> forecasts_of(const std::vector<double>& probabilities, int truth) {
    std::vector<Forecast> out;
    for (std::size_t d = 0; d < probabilities.size(); ++d) out.push_back(Forecast{probabilities[d], static_cast<int>(d) == truth});
    return out;
}

std::vector<CalibrationBin> calibration(const std::vector<Forecast>& forecasts, int bins) {
    if (bins <= 0) return {};
    std::vector<CalibrationBin> out(static_cast<std::size_t>(bins));
    std::vector<int> hits(out.size(), 0);
    std::vector<double> sums(out.size(), 0.0);
    for (std::size_t b = 0; b < out.size(); ++b) {
        out[b].lower = static_cast<double>(b) / bins;
        out[b].upper = static_cast<double>(b + 1) / bins;
    }
    for (const Forecast& f : forecasts) {
        if (!std::isfinite(f.probability)) continue;
        const double p = std::clamp(f.probability, 0.0, 1.0);
        // [lower, upper) except the last bin, which also holds 1.
        std::size_t b = static_cast<std::size_t>(std::floor(p * bins));
        if (b >= out.size()) b = out.size() - 1;
        ++out[b].count;
        sums[b] += p;
        hits[b] += f.happened ? 1 : 0;
    }
    for (std::size_t b = 0; b < out.size(); ++b) {
        if (out[b].count == 0) continue;
        out[b].mean_forecast = sums[b] / out[b].count;
        out[b].observed_frequency = static_cast<double>(hits[b]) / out[b].count;
    }
    return out;
}

}  // namespace dah
