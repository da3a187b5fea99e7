// Drives the real UI headlessly: frames on ImGui's null backend, clicks at the rectangles from the
// app's state JSON, key presses by physical key code, and an in-memory Platform.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "platform.hpp"
#include "ui/app.hpp"

namespace ui_test {

class MemoryPlatform final : public dah::ui::Platform {
public:
    std::map<std::string, std::string> store;
    std::map<std::string, std::string> exported;
    bool full = false;  // simulate storage that refuses writes
    bool save(const std::string& key, const std::string& text) override;
    std::optional<std::string> load(const std::string& key) override;
    std::string export_file(const std::string& name, const std::string& mime, const std::string& text) override;
    double now_seconds() override { return 0; }
};

class Driver {
public:
    // Loads the repo's knowledge base and cases (plus `extra` files) and starts the app. With
    // "--data-later" in `args` (as the browser starts), only the font comes before start(); the data
    // waits for deliver_data().
    Driver(MemoryPlatform& platform, float width = 1280, float height = 800, std::vector<std::string> args = {},
           std::map<std::string, std::string> extra = {});
    ~Driver();
    Driver(const Driver&) = delete;
    Driver& operator=(const Driver&) = delete;

    nlohmann::json step(int frames = 1);  // draws frames, returns the state afterwards
    nlohmann::json state();
    nlohmann::json click(const std::string& control);      // scrolls it into view first; fails if absent
    nlohmann::json scroll_to(const std::string& control);  // wheels the panels until it is visible
    nlohmann::json click_at(float x, float y);
    nlohmann::json press(int key, bool ctrl = false);
    nlohmann::json type_char(char c);
    bool has_control(const std::string& control);
    nlohmann::json deliver_data();  // hands over the files kept back by --data-later, then files_done()

    dah::ui::AppState app;

private:
    ImGuiContext* context_ = nullptr;
    std::vector<std::pair<std::string, std::string>> pending_;  // name, bytes
};

[[noreturn]] void fail(const std::string& message);
void check(bool condition, const std::string& message);

}  // namespace ui_test
