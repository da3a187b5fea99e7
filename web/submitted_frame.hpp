// After an input the app draws a few frames so that ImGui settles (hover and layout show one frame
// late), and these usually come out identical to the one before. Such a frame is not sent to WebGL
// again: the canvas keeps its drawing buffer, so it already shows it. This spares the software
// renderer of most machines without a GPU (and its CPU, which the page shares) two of every three frames.
#pragma once

#include <vector>

#include <imgui.h>

namespace dah::platform {

class SubmittedFrame {
public:
    // True when `data` (with this clear colour) draws exactly what was last remembered.
    bool same_as(const ImDrawData& data, const ImVec4& clear) const;
    void remember(const ImDrawData& data, const ImVec4& clear);
    void forget() { bytes_.clear(); }

private:
    std::vector<char> bytes_;
};

}  // namespace dah::platform
