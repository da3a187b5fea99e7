// Formatting for the terminal.
#include "text_format.hpp"

#include <cmath>
#include <cstdio>

namespace dah::cli {

std::string percent(double p) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%5.1f %%", 100.0 * p);
    return buffer;
}

std::string bar(double p, int width) {
    static const char* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    if (!(p > 0)) return "";
    const int cells = static_cast<int>(std::lround(std::fmin(p, 1.0) * width * 8));
    std::string out;
    for (int i = 0; i < cells / 8; ++i) out += "█";
    out += eighths[cells % 8];
    return out;
}

std::string decibans(double db) {
    if (std::isinf(db)) return db > 0 ? "+inf dB" : "-inf dB";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+5.1f dB", db);
    return buffer;
}

std::string ratio(double lr) {
    if (std::isinf(lr)) return "inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, lr >= 100 ? "%.0f" : "%.3g", lr);
    return buffer;
}

std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return chars >= width ? s : s + std::string(width - chars, ' ');
}

std::string fixed(double x, int decimals) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
    return buffer;
}

}  // namespace dah::cli
