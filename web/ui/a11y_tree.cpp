#include "ui/a11y_tree.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace dah::ui {

namespace {

// FNV-1a, 64 bits: enough to tell one frame's nodes from the last one's.
struct Hasher {
    std::uint64_t h = 14695981039346656037ull;
    void bytes(const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    }
    void text(const std::string& s) {
        bytes(s.data(), s.size());
        bytes("\0", 1);
    }
    template <typename T>
    void value(T v) {
        bytes(&v, sizeof v);
    }
};

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// Most numbers here are whole (flags, rows, columns, slider ends): those skip printf's float path,
// which was the larger part of writing the tree.
void append_number(std::string& out, double v) {
    char buf[32];
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
        const auto end = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v)).ptr;
        out.append(buf, end);
        return;
    }
    std::snprintf(buf, sizeof buf, "%.6g", v);
    out += buf;
}

}  // namespace

void A11yTree::begin_frame() {
    count_ = 0;
    sequential_columns_ = 0;
    focus_widget_ = 0;
}

A11yNode& A11yTree::add(A11yRole role, std::string_view id, std::string_view name) {
    if (count_ == nodes_.size()) nodes_.emplace_back();
    A11yNode& n = nodes_[count_++];
    n.role = role;
    n.id.assign(id.data(), id.size());
    n.name.assign(name.data(), name.size());
    n.value.clear();
    n.now = n.min = n.max = 0;
    n.flags = 0;
    n.row = n.col = 0;
    n.widget = 0;
    return n;
}

A11yNode* A11yTree::last() { return count_ > 0 ? &nodes_[count_ - 1] : nullptr; }

const A11yNode* A11yTree::find(std::string_view id) const {
    for (std::size_t i = 0; i < count_; ++i)
        if (nodes_[i].id == id) return &nodes_[i];
    return nullptr;
}

A11yNode* A11yTree::find_mutable(std::string_view id) {
    for (std::size_t i = 0; i < count_; ++i)
        if (nodes_[i].id == id) return &nodes_[i];
    return nullptr;
}

void A11yTree::name_last(std::string_view id) {
    if (count_ == 0 || find(id)) return;
    A11yNode* n = &nodes_[count_ - 1];
    if (n->role == A11yRole::table_end || n->role == A11yRole::region_end) {
        // The table (or panel) just closed: its opening node.
        const A11yRole open = n->role == A11yRole::table_end ? A11yRole::table : A11yRole::region;
        int depth = 0;
        for (std::size_t i = count_; i-- > 0;) {
            if (nodes_[i].role == n->role) ++depth;
            if (nodes_[i].role == open && --depth == 0) {
                n = &nodes_[i];
                break;
            }
        }
    }
    if (n->id.empty()) n->id.assign(id.data(), id.size());
}

void A11yTree::begin_table(std::string_view id, std::string_view caption, int columns) {
    A11yNode& t = add(A11yRole::table, id, caption);
    t.now = columns;
    sequential_columns_ = columns > 0 ? columns : 1;
    sequential_cells_ = 0;
}

void A11yTree::add_cell(std::string_view text, bool header) {
    const int columns = sequential_columns_ > 0 ? sequential_columns_ : 1;
    A11yNode& c = add(header ? A11yRole::header : A11yRole::cell, {}, text);
    c.row = sequential_cells_ / columns;
    c.col = sequential_cells_ % columns;
    ++sequential_cells_;
}

void A11yTree::end_table() {
    add(A11yRole::table_end, {}, {});
    sequential_columns_ = 0;
}

void A11yTree::announce(std::string text) {
    announcement_ = std::move(text);
    ++announcement_number_;
}

std::uint64_t A11yTree::hash() const {
    Hasher h;
    for (std::size_t i = 0; i < count_; ++i) {
        const A11yNode& n = nodes_[i];
        h.value(n.role);
        h.text(n.id);
        h.text(n.name);
        h.text(n.value);
        h.value(n.now);
        h.value(n.min);
        h.value(n.max);
        h.value(n.flags);
        h.value(n.row);
        h.value(n.col);
    }
    h.value(count_);
    h.value(focus_widget_);
    h.value(announcement_number_);
    return h.h;
}

bool A11yTree::end_frame() {
    intents_.clear();  // an intent its widget did not take in this frame is stale
    const std::uint64_t now = hash();
    if (now == sent_hash_ && !text_.empty()) return false;
    sent_hash_ = now;
    serialise();
    unsent_ = true;
    return true;
}

void A11yTree::serialise() {
    text_.clear();
    text_ += "{\"f\":";
    std::string_view focus;
    if (focus_widget_ != 0)
        for (std::size_t i = 0; i < count_; ++i)
            if (nodes_[i].widget == focus_widget_ && !nodes_[i].id.empty()) focus = nodes_[i].id;
    append_json_string(text_, focus);
    text_ += ",\"a\":[";
    append_number(text_, announcement_number_);
    text_ += ',';
    append_json_string(text_, announcement_);
    text_ += "],\"n\":[";
    for (std::size_t i = 0; i < count_; ++i) {
        const A11yNode& n = nodes_[i];
        if (i) text_ += ',';
        text_ += "[\"";
        text_ += static_cast<char>(n.role);
        text_ += "\",";
        append_json_string(text_, n.id);
        text_ += ',';
        append_json_string(text_, n.name);
        text_ += ',';
        append_json_string(text_, n.value);
        for (const double v : {n.now, n.min, n.max, static_cast<double>(n.flags), static_cast<double>(n.row), static_cast<double>(n.col)}) {
            text_ += ',';
            append_number(text_, v);
        }
        text_ += ']';
    }
    text_ += "]}";
}

void A11yTree::push(A11yIntent intent) { intents_.push_back(std::move(intent)); }

bool A11yTree::take(A11yIntent::Kind kind, std::string_view id, A11yIntent* out) {
    for (std::size_t i = 0; i < intents_.size(); ++i) {
        if (intents_[i].kind != kind || intents_[i].id != id) continue;
        if (out) *out = std::move(intents_[i]);
        intents_.erase(intents_.begin() + static_cast<std::ptrdiff_t>(i));
        return true;
    }
    return false;
}

bool A11yTree::take_activation(std::string_view id) {
    return !intents_.empty() && take(A11yIntent::Kind::activate, id, nullptr);
}

bool A11yTree::take_value(std::string_view id, double& value) {
    A11yIntent i;
    if (intents_.empty() || !take(A11yIntent::Kind::set_value, id, &i)) return false;
    value = i.value;
    return true;
}

bool A11yTree::take_text(std::string_view id, std::string& text) {
    A11yIntent i;
    if (intents_.empty() || !take(A11yIntent::Kind::set_text, id, &i)) return false;
    text = std::move(i.text);
    return true;
}

bool A11yTree::take_focus(std::string_view id) { return !intents_.empty() && take(A11yIntent::Kind::focus, id, nullptr); }

}  // namespace dah::ui
