// The desktop platform: settings and progress as files in $XDG_DATA_HOME/dah-tutor (or
// ~/.local/share/dah-tutor, or --profile=DIR), exports written to the current folder.
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "platform_desktop.hpp"

namespace dah::ui {

namespace fs = std::filesystem;

static fs::path default_profile_dir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "dah-tutor";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/dah-tutor";
    return fs::current_path() / "dah-tutor-data";
}

DesktopPlatform::DesktopPlatform(std::string profile_dir)
    : profile_dir_(profile_dir.empty() ? default_profile_dir().string() : std::move(profile_dir)) {}

static bool safe_key(const std::string& key) {
    if (key.empty()) return false;
    for (char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
    return true;
}

bool DesktopPlatform::save(const std::string& key, const std::string& text) {
    if (!safe_key(key)) return false;
    std::error_code ec;
    fs::create_directories(profile_dir_, ec);
    const fs::path target = fs::path(profile_dir_) / (key + ".json");
    const fs::path temp = fs::path(profile_dir_) / (key + ".json.tmp");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out << text;
        if (!out.flush()) return false;
    }
    fs::rename(temp, target, ec);  // atomic: a crash never leaves half a file
    return !ec;
}

std::optional<std::string> DesktopPlatform::load(const std::string& key) {
    if (!safe_key(key)) return std::nullopt;
    std::ifstream in(fs::path(profile_dir_) / (key + ".json"), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string DesktopPlatform::export_file(const std::string& file_name, const std::string&, const std::string& text) {
    std::error_code ec;
    const fs::path target = fs::absolute(fs::path(file_name), ec);
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out || !(out << text).flush()) return "Could not write " + target.string();
    return "Saved " + target.string();
}

std::optional<std::string> DesktopPlatform::read_user_file(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) > 4 * 1024 * 1024) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

double DesktopPlatform::now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace dah::ui
