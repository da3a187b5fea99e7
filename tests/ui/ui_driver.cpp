#include "ui_driver.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <imgui.h>

#include "ui/keys.hpp"

namespace ui_test {

namespace fs = std::filesystem;
using nlohmann::json;

void fail(const std::string& message) {
    std::fprintf(stderr, "FAIL: %s\n", message.c_str());
    std::exit(1);
}

void check(bool condition, const std::string& message) {
    if (!condition) fail(message);
}

bool MemoryPlatform::save(const std::string& key, const std::string& text) {
    if (full) return false;
    store[key] = text;
    return true;
}

std::optional<std::string> MemoryPlatform::load(const std::string& key) {
    auto it = store.find(key);
    if (it == store.end()) return std::nullopt;
    return it->second;
}

std::string MemoryPlatform::export_file(const std::string& name, const std::string&, const std::string& text) {
    exported[name] = text;
    return "Exported " + name;
}

static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Driver::Driver(MemoryPlatform& platform, float width, float height, std::vector<std::string> args,
               std::map<std::string, std::string> extra) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // The SDL backend's key map, by physical key code (what the app's shortcuts read).
    io.KeyMap[ImGuiKey_Tab] = dah::ui::key::tab;
    io.KeyMap[ImGuiKey_LeftArrow] = dah::ui::key::left;
    io.KeyMap[ImGuiKey_RightArrow] = dah::ui::key::right;
    io.KeyMap[ImGuiKey_UpArrow] = dah::ui::key::up;
    io.KeyMap[ImGuiKey_DownArrow] = dah::ui::key::down;
    io.KeyMap[ImGuiKey_Space] = dah::ui::key::space;
    io.KeyMap[ImGuiKey_Enter] = dah::ui::key::enter;
    io.KeyMap[ImGuiKey_Escape] = dah::ui::key::escape;

    const fs::path cases = fs::path(DAH_SOURCE_DIR) / "cases";
    dah::ui::add_file(app, "ui-font.ttf", read(DAH_UI_FONT));
    pending_.emplace_back("knowledge-base-v2.json", read(cases / "knowledge-base-v2.json"));
    for (const auto& entry : fs::directory_iterator(cases)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 10 && name.compare(name.size() - 10, 10, ".case.json") == 0)
            pending_.emplace_back(name, read(entry.path()));
    }
    for (auto& [name, text] : extra) pending_.emplace_back(name, text);
    const dah::ui::Options options = dah::ui::parse_options(args);
    if (!options.data_later) {
        for (auto& [name, text] : pending_) dah::ui::add_file(app, name, std::move(text));
        pending_.clear();
    }
    dah::ui::start(app, platform, options);
    step(2);
}

json Driver::deliver_data() {
    for (auto& [name, text] : pending_) dah::ui::add_file(app, name, std::move(text));
    pending_.clear();
    dah::ui::files_done(app);
    return step(2);
}

Driver::~Driver() { ImGui::DestroyContext(context_); }

json Driver::step(int frames) {
    for (int i = 0; i < frames; ++i) {
        dah::ui::update_fonts(app, 1.0f);
        ImGui::NewFrame();
        dah::ui::frame(app);
        ImGui::Render();
        dah::ui::after_frame(app);
        ImGui::GetIO().InputQueueCharacters.resize(0);
    }
    return state();
}

json Driver::state() {
    json j = json::parse(dah::ui::state_json(app), nullptr, false);
    check(!j.is_discarded(), "state_json is valid JSON");
    return j;
}

bool Driver::has_control(const std::string& control) { return state()["controls"].contains(control); }

json Driver::click_at(float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    step();
    io.MouseDown[0] = true;
    step();
    io.MouseDown[0] = false;
    return step(2);
}

json Driver::scroll_to(const std::string& control) {
    json s = state();
    // Scroll the panels (wheel over each) until the control comes into view, as a user would.
    ImGuiIO& io = ImGui::GetIO();
    for (float direction : {-2.0f, 2.0f}) {
        for (int i = 0; i < 40 && !s["controls"].contains(control); ++i) {
            std::vector<json> panels;
            for (auto it = s["controls"].begin(); it != s["controls"].end(); ++it)
                if (it.key().rfind("panel.", 0) == 0) panels.push_back(it.value());
            for (const json& p : panels) {
                io.MousePos = ImVec2(p["x"].get<float>() + p["w"].get<float>() / 2, p["y"].get<float>() + p["h"].get<float>() / 2);
                io.MouseWheel = direction;
                s = step();
                if (s["controls"].contains(control)) break;
            }
        }
    }
    if (!s["controls"].contains(control)) fail("no control \"" + control + "\" on screen " + s["screen"].get<std::string>());
    return s;
}

json Driver::click(const std::string& control) {
    const json s = scroll_to(control);
    const json& r = s["controls"][control];
    return click_at(r["x"].get<float>() + r["w"].get<float>() / 2, r["y"].get<float>() + r["h"].get<float>() / 2);
}

json Driver::press(int key, bool ctrl) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[key] = true;
    step();
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    return step(2);
}

json Driver::type_char(char c) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    return step(2);
}

}  // namespace ui_test
