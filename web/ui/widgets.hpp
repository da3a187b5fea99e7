// Small drawing helpers shared by the screens.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "ui/app_state.hpp"

namespace dah::ui {

// Records the last item's rectangle as a named control (reported by state_json for tests).
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
bool checkbox_wrapped(const char* id, const char* text, bool* value);

// A section heading.
void heading(const std::string& text);

// Width of `n` average characters at the current font (layout in text units, so it scales).
float em(float n);

// Presenter mode (one line on a 1024-pixel projector) and phones: the top bar and the stage tabs use
// short labels (the keys still work and the help lists them).
bool short_labels(const AppState& app);

std::string percent(double p);  // "37 %"; "> 99 %" and "< 1 %" near certainty

}  // namespace dah::ui
