#include "submitted_frame.hpp"

#include <cstring>

namespace dah::platform {
namespace {

// A multiply–rotate digest over 8-byte words (the tail zero-padded), fast in wasm's 64-bit integers.
struct Digest {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    void word(std::uint64_t w) {
        h ^= w * 0xC2B2AE3D27D4EB4Full;
        h = ((h << 31) | (h >> 33)) * 0x165667B19E3779F9ull;
    }
    void bytes(const void* p, std::size_t n) {
        const char* c = static_cast<const char*>(p);
        for (; n >= 8; c += 8, n -= 8) {
            std::uint64_t w;
            std::memcpy(&w, c, 8);
            word(w);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, c, n);
        word(tail ^ (static_cast<std::uint64_t>(n) << 56));
    }
};

// Every byte that decides the picture: sizes, clear colour, and per draw list its commands (clip,
// texture, ranges), vertices and indices. False when a command has a callback (it may draw anything).
bool digest_of(const ImDrawData& data, const ImVec4& clear, std::uint64_t& out) {
    Digest d;
    d.bytes(&data.DisplayPos, sizeof data.DisplayPos);
    d.bytes(&data.DisplaySize, sizeof data.DisplaySize);
    d.bytes(&data.FramebufferScale, sizeof data.FramebufferScale);
    d.bytes(&clear, sizeof clear);
    d.word(static_cast<std::uint64_t>(data.CmdListsCount));
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) return false;
            d.bytes(&cmd.ClipRect, sizeof cmd.ClipRect);
            d.bytes(&cmd.TextureId, sizeof cmd.TextureId);
            d.word(cmd.VtxOffset | static_cast<std::uint64_t>(cmd.IdxOffset) << 32);
            d.word(cmd.ElemCount);
        }
        d.word(static_cast<std::uint32_t>(list.VtxBuffer.Size) | static_cast<std::uint64_t>(list.IdxBuffer.Size) << 32);
        d.bytes(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.size_in_bytes()));
        d.bytes(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.size_in_bytes()));
    }
    out = d.h;
    return true;
}

}  // namespace

bool SubmittedFrame::needs_sending(const ImDrawData& data, const ImVec4& clear) {
    std::uint64_t digest = 0;
    const bool comparable = digest_of(data, clear, digest);
    if (comparable && sent_ && digest == digest_) return false;
    sent_ = comparable;
    digest_ = digest;
    return true;
}

}  // namespace dah::platform
