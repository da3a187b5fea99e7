// The desktop implementation of Platform (files on disk).
#pragma once

#include "platform.hpp"

namespace dah::ui {

class DesktopPlatform final : public Platform {
public:
    explicit DesktopPlatform(std::string profile_dir = {});
    bool save(const std::string& key, const std::string& text) override;
    std::optional<std::string> load(const std::string& key) override;
    std::string export_file(const std::string& file_name, const std::string& mime_type, const std::string& text) override;
    double now_seconds() override;
    std::optional<std::string> read_user_file(const std::string& path) override;

private:
    std::string profile_dir_;
};

}  // namespace dah::ui
