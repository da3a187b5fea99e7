// Small drawing helpers shared by the screens.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/app_state.hpp"

namespace dah::ui {

// Records the last item's rectangle as a named control (reported by state_json for tests); the
// accessible node just added (ui/a11y_tree.hpp) takes the name as its id.
void mark(AppState& app, const std::string& name);
// Records the current window's rectangle (overlays, panels).
void mark_window(AppState& app, const std::string& name);

// A horizontal bar of `fraction` (0..1) with a label inside and the percentage at the end.
void probability_bar(const char* label, double fraction, ImVec4 colour, float width, bool strong = false);

// A signed bar centred on zero: positive to the right in `pos`, negative to the left in `neg`.
void signed_bar(double value, double max_abs, ImVec4 pos, ImVec4 neg, float width);

// Text that wraps at the available width.
void wrapped(const std::string& text);
void wrapped_coloured(ImVec4 colour, const std::string& text);

// A section heading.
void heading(const std::string& text);

// Controls that are also in the accessible mirror (shell/mirror.js): each returns true, like its ImGui
// widget, when clicked or when the mirror asked for it (a screen reader's default action). `id` is
// the control's name in state().controls.
bool button(AppState& app, const std::string& label, const std::string& id, bool small = false);
bool checkbox(AppState& app, const char* label, const std::string& id, bool* value);
bool radio(AppState& app, const std::string& label, const std::string& id, bool active);
// A percentage slider (0..100) named `name`, drawn with `format`; true when *pct changed.
bool slider_percent(AppState& app, const std::string& name, const std::string& id, float* pct, const char* format,
                    float width);
bool slider_float(AppState& app, const char* label, const std::string& id, float* value, float min, float max,
                  const char* format);
// A drop-down list; returns the option chosen this frame, or -1.
int choice(AppState& app, const char* label, const std::string& id, const std::string& preview,
           const std::vector<std::string>& options, int current);
// A whole number typed or stepped (ImGui's InputInt), named `name`; true when *value changed.
bool number_field(AppState& app, const std::string& name, const std::string& id, int* value);
// The accessible side of a text field drawn just before: true when the mirror changed `text`.
bool textbox_mirrored(AppState& app, const std::string& name, const std::string& id, std::string& text);

// Plain text, one line (no wrap), and the same greyed.
void text(const std::string& text);
void text_disabled(const std::string& text);
// A picture (or chart) for the mirror: its caption and its text description.
void image_text(const std::string& id, const std::string& caption, const std::string& description);
// A table in the mirror: caption, then header and cells in reading order (see A11yTree).
void a11y_table(const std::string& id, const std::string& caption, std::initializer_list<const char*> headers);
void a11y_cell(const std::string& text);
void a11y_table_end();
// Panels and dialogs (overlay windows) around the nodes drawn between the two calls.
void a11y_region(const std::string& id, const std::string& name, bool dialog = false);
void a11y_region_end();

// Width of `n` average characters at the current font (layout in text units, so it scales).
float em(float n);

std::string percent(double p);  // "37 %"; "> 99 %" and "< 1 %" near certainty

}  // namespace dah::ui
