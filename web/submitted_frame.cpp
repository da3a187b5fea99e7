#include "submitted_frame.hpp"

#include <cstring>

namespace dah::platform {
namespace {

// Walks every byte that decides the picture: sizes, clear colour, and per draw list its commands
// (clip, texture, ranges), vertices and indices. `visit(pointer, size)` returns false to stop.
template <class Visit>
bool walk(const ImDrawData& data, const ImVec4& clear, Visit visit) {
    if (!visit(&data.DisplayPos, sizeof data.DisplayPos) || !visit(&data.DisplaySize, sizeof data.DisplaySize) ||
        !visit(&data.FramebufferScale, sizeof data.FramebufferScale) || !visit(&clear, sizeof clear) ||
        !visit(&data.CmdListsCount, sizeof data.CmdListsCount))
        return false;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (!visit(&cmd.ClipRect, sizeof cmd.ClipRect) || !visit(&cmd.TextureId, sizeof cmd.TextureId) ||
                !visit(&cmd.VtxOffset, sizeof cmd.VtxOffset) || !visit(&cmd.IdxOffset, sizeof cmd.IdxOffset) ||
                !visit(&cmd.ElemCount, sizeof cmd.ElemCount) || cmd.UserCallback)
                return false;  // a callback may draw anything: never treat its frame as the same
        }
        const int sizes[2] = {list.VtxBuffer.Size, list.IdxBuffer.Size};
        if (!visit(sizes, sizeof sizes) || !visit(list.VtxBuffer.Data, list.VtxBuffer.size_in_bytes()) ||
            !visit(list.IdxBuffer.Data, list.IdxBuffer.size_in_bytes()))
            return false;
    }
    return true;
}

}  // namespace

bool SubmittedFrame::same_as(const ImDrawData& data, const ImVec4& clear) const {
    std::size_t at = 0;
    const bool equal = walk(data, clear, [&](const void* p, std::size_t n) {
        if (n == 0) return true;
        if (at + n > bytes_.size() || std::memcmp(bytes_.data() + at, p, n) != 0) return false;
        at += n;
        return true;
    });
    return equal && at == bytes_.size() && !bytes_.empty();
}

void SubmittedFrame::remember(const ImDrawData& data, const ImVec4& clear) {
    bytes_.clear();
    const bool complete = walk(data, clear, [&](const void* p, std::size_t n) {
        bytes_.insert(bytes_.end(), static_cast<const char*>(p), static_cast<const char*>(p) + n);
        return true;
    });
    if (!complete) bytes_.clear();
}

}  // namespace dah::platform
