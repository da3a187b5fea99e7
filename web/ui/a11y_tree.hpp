// What the frame shows, as a list of accessible nodes (headings, text, buttons, sliders, tables,
// pictures with their descriptions) in reading order, for the page's hidden DOM mirror
// (shell/mirror.js) that screen readers read. UI-free: the widget helpers fill it while drawing; the
// page gets its text only when it changed, and sends back what the learner did through it (intents).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dah::ui {

// One letter each, as shell/mirror.js reads them.
enum class A11yRole : char {
    heading = 'h',
    text = 'p',
    button = 'b',
    slider = 's',
    checkbox = 'c',
    radio = 'r',
    choice = 'o',    // a drop-down list: value holds the options, one a line; now the chosen one
    textbox = 'x',   // value holds the text
    number = 'n',    // now holds the number
    image = 'i',     // name: caption; value: the text description
    table = 't',     // name: caption; now: columns; followed by its cells, then table_end
    header = 'H',    // a column header cell
    cell = 'd',      // row, col
    table_end = 'e',
    region = 'g',    // a panel or dialog; followed by its nodes, then region_end
    region_end = 'G',
};

// a11y_window: a region that ends where the next window's begins (or with the region around it).
enum A11yFlags : int { a11y_checked = 1, a11y_disabled = 2, a11y_current = 4, a11y_dialog = 8, a11y_window = 16 };

struct A11yNode {
    A11yRole role = A11yRole::text;
    std::string id;     // stable (the names of state().controls), or empty for plain text
    std::string name;   // what is read out
    std::string value;  // see A11yRole
    double now = 0, min = 0, max = 0;
    int flags = 0;
    int row = 0, col = 0;        // cells
    unsigned widget = 0;         // the ImGui item id, to follow ImGui's keyboard focus
};

// What the learner asked for through the mirror, applied by the widget with that id in the next frame.
struct A11yIntent {
    enum class Kind { activate, set_value, set_text, focus } kind = Kind::activate;
    std::string id;
    double value = 0;
    std::string text;
};

// What the live region last announced about: a change of any of these is spoken.
struct A11yWatch {
    int screen = -1, case_index = -1, stage = -1;
    bool committed = false, engine_shown = false;
};

class A11yTree {
public:
    // The frame starts: node slots are reused (their strings keep their capacity), so an unchanged
    // frame allocates nothing.
    void begin_frame();
    A11yNode& add(A11yRole role, std::string_view id, std::string_view name);
    // The last node added, or nullptr.
    A11yNode* last();
    // Gives the last node without an id (or the table just closed) the id `id`, unless a node has it.
    void name_last(std::string_view id);
    // Opens and closes a table whose cells are added in order (`columns` a row).
    void begin_table(std::string_view id, std::string_view caption, int columns);
    void add_cell(std::string_view text, bool header = false);
    void end_table();
    bool in_sequential_table() const { return sequential_columns_ > 0; }

    // ImGui's keyboard focus, by widget id (0: none shown).
    void set_focus_widget(unsigned widget) { focus_widget_ = widget; }
    // A sentence for the live region (after a commit, a reveal, the engine shown).
    void announce(std::string text);

    // The frame ends. True when the nodes, the focus or the announcement differ from the last frame's:
    // then text() is rebuilt. Otherwise nothing is built.
    bool end_frame();
    // JSON: {"f": focused id, "a": [number, sentence], "n": [[role, id, name, value, now, min, max,
    // flags, row, col], ...]}.
    const std::string& text() const { return text_; }
    std::size_t size() const { return count_; }
    const A11yNode& node(std::size_t i) const { return nodes_[i]; }
    const A11yNode* find(std::string_view id) const;
    A11yNode* find_mutable(std::string_view id);
    // True once after a frame whose text() changed: the platform hands the text to the page then.
    bool take_changed() {
        const bool c = unsent_;
        unsent_ = false;
        return c;
    }

    // Intents from the page; each lives until the end of the next frame.
    void push(A11yIntent intent);
    bool take_activation(std::string_view id);
    bool take_value(std::string_view id, double& value);
    bool take_text(std::string_view id, std::string& text);
    bool take_focus(std::string_view id);
    bool has_intents() const { return !intents_.empty(); }

private:
    bool take(A11yIntent::Kind kind, std::string_view id, A11yIntent* out);
    std::uint64_t hash() const;
    void serialise();

    std::vector<A11yNode> nodes_;
    std::size_t count_ = 0;
    int sequential_columns_ = 0, sequential_cells_ = 0;
    unsigned focus_widget_ = 0;
    std::string announcement_;
    int announcement_number_ = 0;
    std::uint64_t sent_hash_ = 0;
    std::string text_;
    bool unsent_ = false;
    std::vector<A11yIntent> intents_;
};

}  // namespace dah::ui
