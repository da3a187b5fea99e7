// The browser implementation of Platform (localStorage, downloads).
#pragma once

#include "platform.hpp"

namespace dah::ui {

class WebPlatform final : public Platform {
public:
    bool save(const std::string& key, const std::string& text) override;
    std::optional<std::string> load(const std::string& key) override;
    std::string export_file(const std::string& file_name, const std::string& mime_type, const std::string& text) override;
    double now_seconds() override;
    bool has_file_picker() const override { return true; }
    bool pick_import_file() override;
};

}  // namespace dah::ui
