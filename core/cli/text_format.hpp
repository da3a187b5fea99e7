// Small helpers for readable terminal output: percentages, bars, decibans, padded columns.
#pragma once

#include <string>

namespace dah::cli {

std::string percent(double p);             // " 42.1 %"
std::string bar(double p, int width);      // block characters, eighths of a cell
std::string decibans(double db);           // "+12.3 dB", "+inf dB"
std::string ratio(double lr);              // "17", "0.25", "inf"
std::string pad(const std::string& s, std::size_t width);  // pads by characters (UTF-8 aware)
std::string fixed(double x, int decimals);

}  // namespace dah::cli
