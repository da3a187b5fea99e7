// After an input the app draws a few frames so that ImGui settles (hover and layout show one frame
// late), and these usually come out identical to the one before. Such a frame is not sent to WebGL
// again: the canvas keeps its drawing buffer, so it already shows it. This spares the software
// renderer of most machines without a GPU (and its CPU, which the page shares) two of every three frames.
#pragma once

#include <cstdint>

#include <imgui.h>

namespace dah::platform {

class SubmittedFrame {
public:
    // True when `data` (with this clear colour) draws something else than the frame last sent; the
    // caller then sends it, and it becomes the frame last sent. A 64-bit digest of every byte that
    // decides the picture stands for it (one pass, nothing copied; a collision is a 2^-64 chance).
    bool needs_sending(const ImDrawData& data, const ImVec4& clear);
    void forget() { sent_ = false; }

private:
    bool sent_ = false;
    std::uint64_t digest_ = 0;
};

}  // namespace dah::platform
