// Physical keys as USB HID usage ids, which is what SDL scancodes are and what the SDL backend of
// ImGui 1.86 puts in io.KeysDown; the headless test presses the same numbers.
#pragma once

namespace dah::ui::key {
inline constexpr int a = 4;  // … z = 29: letter(c)
constexpr int letter(char c) { return a + (c - 'a'); }
inline constexpr int digit1 = 30;  // … digit9 = 38
inline constexpr int enter = 40, escape = 41, tab = 43, space = 44, minus = 45, equals = 46;
inline constexpr int left_bracket = 47, right_bracket = 48, comma = 54, period = 55, slash = 56, f1 = 58;
inline constexpr int right = 79, left = 80, down = 81, up = 82;
}  // namespace dah::ui::key
