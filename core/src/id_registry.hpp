// Finds duplicate ids within one list: the second use is reported with the place of the first.
#pragma once

#include <map>
#include <string>

#include "json_reader.hpp"

namespace dah::detail {

class IdRegistry {
public:
    // False (and an error at `pointer`) when `id` was already used.
    bool add(ErrorSink& sink, const std::string& id, const std::string& pointer) {
        auto [it, fresh] = first_.emplace(id, pointer);
        if (!fresh) sink.error(pointer, {"duplicate id \"", id, "\" (first at ", it->second, ")"});
        return fresh;
    }

private:
    std::map<std::string, std::string> first_;
};

}  // namespace dah::detail
