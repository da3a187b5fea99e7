// What the app needs from the machine it runs on, behind one interface: the browser build implements
// it in platform_web.cpp (localStorage, Blob downloads), the desktop build in platform_desktop.cpp
// (files), and the headless UI test with an in-memory double. CMake picks the .cpp; screens never
// ask which platform they are on.
#pragma once

#include <optional>
#include <string>

namespace dah::ui {

class Platform {
public:
    virtual ~Platform() = default;

    // Keeps `text` under `key` across runs (settings, progress). False when storage is full or
    // unavailable; the app then keeps working in memory and says so.
    virtual bool save(const std::string& key, const std::string& text) = 0;
    virtual std::optional<std::string> load(const std::string& key) = 0;

    // Hands a file to the user: a browser download, or a file written on the desktop. Returns a
    // sentence for the user saying where it went (or why it failed).
    virtual std::string export_file(const std::string& file_name, const std::string& mime_type,
                                    const std::string& text) = 0;

    // Seconds since some fixed point, for timers (caret blink, idle reset).
    virtual double now_seconds() = 0;

    // Case import (issue 6). The browser opens its file chooser (the page hands the chosen file to
    // dah_import_file later); the desktop reads a path the user typed. Defaults: neither.
    virtual bool has_file_picker() const { return false; }
    virtual bool pick_import_file() { return false; }
    virtual std::optional<std::string> read_user_file(const std::string& /*path*/) { return std::nullopt; }
};

}  // namespace dah::ui
