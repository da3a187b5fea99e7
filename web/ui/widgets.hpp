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
// The width a combo box needs to show the longest of `texts` whole (with its arrow).
float fitting_width(const std::vector<std::string>& texts);
// Reports `name` in state().clipped when a combo box of `box_width` cannot show `text` whole.
void check_fit(AppState& app, const std::string& name, const char* text, float box_width);

// Records the current window's rectangle (overlays, panels).
void mark_window(AppState& app, const std::string& name);

// A horizontal bar of `fraction` (0..1) with a label inside and the percentage at the end.
void probability_bar(const char* label, double fraction, ImVec4 colour, float width, bool strong = false);

// A signed bar centred on zero: positive to the right in `pos`, negative to the left in `neg`.
void signed_bar(double value, double max_abs, ImVec4 pos, ImVec4 neg, float width);

// Text that wraps at the available width.
void wrapped(const std::string& text);
void wrapped_coloured(ImVec4 colour, const std::string& text);

// The next button (labelled `label`) on this line when it fits, else on the next (a phone's width).
void same_line_for_button(const char* label);

// A checkbox whose label wraps at the available width (a long label on a phone); the text toggles it too.
// Mirrored like checkbox(); `id` is its name in state().controls.
bool checkbox_wrapped(AppState& app, const char* text, const std::string& id, bool* value);

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
// A percentage slider in the mirror only (the screen draws the value its own way, e.g. the split bar):
// true when the mirror set *pct.
bool slider_mirrored(AppState& app, const std::string& name, const std::string& id, float* pct);
// ImGui's Selectable showing `label`, a button named `name` in the mirror (current when selected).
bool selectable(AppState& app, const std::string& label, const std::string& name, const std::string& id, bool selected,
                float width);
bool slider_float(AppState& app, const char* label, const std::string& id, float* value, float min, float max,
                  const char* format);
// A drop-down list; returns the option chosen this frame, or -1.
int choice(AppState& app, const char* label, const std::string& id, const std::string& preview,
           const std::vector<std::string>& options, int current);
// The accessible side of a drop-down list drawn just before (with its own drawing of the options):
// the option the mirror chose this frame, or -1.
int choice_mirrored(AppState& app, const char* label, const std::string& id, const std::vector<std::string>& options,
                    int current);
// A whole number typed or stepped by `step` (ImGui's InputInt; 0: typed only), named `name`; true when
// *value changed.
bool number_field(AppState& app, const std::string& name, const std::string& id, int* value, int step = 1);
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
// The mirror reads the last node (a bar without a label, say) as "`prefix`: what it said".
void a11y_prefix(const std::string& prefix);
// Panels and dialogs (overlay windows) around the nodes drawn between the two calls.
void a11y_region(const std::string& id, const std::string& name, bool dialog = false);
void a11y_region_end();

// Width of `n` average characters at the current font (layout in text units, so it scales).
float em(float n);

// Presenter mode (one line on a 1024-pixel projector) and phones: the top bar and the stage tabs use
// short labels (the keys still work and the help lists them).
bool short_labels(const AppState& app);

std::string percent(double p);  // "37 %"; "> 99 %" and "< 1 %" near certainty

}  // namespace dah::ui
