// Reads the "pictures" of a case stage (cases/FORMAT.md, "Pictures") with the loaders' checked JSON
// access: every error names the file, pointer, line and column, and reading goes on to find them all.
#pragma once

#include <string>
#include <vector>

#include "dah/picture.hpp"
#include "json_reader.hpp"

namespace dah::detail {

// Reads one picture object at `pointer`; false when anything was wrong (then `out` is incomplete).
bool read_picture(ErrorSink& sink, const json& value, const std::string& pointer, Picture& out);

// Reads an array of pictures at `pointer` (at most PictureLimits::max_pictures_per_stage).
bool read_pictures(ErrorSink& sink, const json& list, const std::string& pointer, std::vector<Picture>& out);

}  // namespace dah::detail
