#include "pictures/picture_cache.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace dah::pictures {
namespace {


template <class T>
void append_bytes(std::string& key, const T& value) {
    key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void append_text(std::string& key, const std::string& text) {
    append_bytes(key, text.size());
    key += text;
}

// Everything the drawing depends on, as bytes (fields one by one: no padding bytes get in).
std::string key_of(const ImDrawList* draw, const Picture& p, float width, const DrawOptions& o) {
    std::string key;
    append_bytes(key, p.kind), append_bytes(key, p.seed), append_bytes(key, p.level), append_bytes(key, p.tissue);
    append_text(key, p.caption);
    for (const PictureFeature& f : p.features) {
        append_bytes(key, f.type), append_bytes(key, f.side), append_bytes(key, f.zone), append_bytes(key, f.pattern);
        append_bytes(key, f.appearance), append_bytes(key, f.amount), append_bytes(key, f.site);
        append_bytes(key, f.density), append_bytes(key, f.size_mm), append_bytes(key, f.cavitated);
        append_bytes(key, f.count), append_bytes(key, f.ratio);
        append_text(key, f.label);
    }
    append_bytes(key, width), append_bytes(key, o.labels), append_bytes(key, o.legend), append_bytes(key, o.font_size);
    append_bytes(key, draw->Flags), append_bytes(key, ImGui::GetFont()), append_bytes(key, ImGui::GetFontSize());
    append_bytes(key, ImGui::GetIO().Fonts->TexID), append_bytes(key, ImGui::GetIO().Fonts->TexUvWhitePixel);
    append_bytes(key, ImGui::GetColorU32(ImGuiCol_Text)), append_bytes(key, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    return key;
}

Recording record(const ImDrawList* target, const Picture& p, ImVec2 pos, float width, const DrawOptions& o) {
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.Flags = target->Flags;
    // Far larger than any screen: marks the commands drawn outside the picture's own clip rectangle.
    const float far = 1e7f;
    list.PushClipRect(ImVec2(-far, -far), ImVec2(far, far));
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    Recording r;
    r.pos = pos;
    r.width = width;
    r.height = draw_picture(&list, p, pos, width, o);
    r.vertices.assign(list.VtxBuffer.begin(), list.VtxBuffer.end());
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.ElemCount == 0 || cmd.UserCallback) continue;
        for (unsigned int i = 0; i < cmd.ElemCount; ++i)
            r.indices.push_back(static_cast<ImDrawIdx>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i)]));
        r.commands.push_back(Recording::Command{cmd.ClipRect, cmd.ClipRect.x > -far, cmd.ElemCount});
    }
    return r;
}

// Copies a recording into `draw`, moved by `delta`. False when it does not fit the list's 16-bit
// indices (the caller then draws the picture directly, as the list would need splitting).
bool replay(ImDrawList* draw, const Recording& r, ImVec2 delta) {
    const auto vertex_count = static_cast<unsigned int>(r.vertices.size());
    if (sizeof(ImDrawIdx) == 2 && draw->_VtxCurrentIdx + vertex_count > 0xFFFF) return false;
    draw->PrimReserve(0, static_cast<int>(vertex_count));
    const unsigned int base = draw->_VtxCurrentIdx;
    for (ImDrawVert v : r.vertices) {
        v.pos.x += delta.x;
        v.pos.y += delta.y;
        *draw->_VtxWritePtr++ = v;
    }
    draw->_VtxCurrentIdx += vertex_count;
    std::size_t next = 0;
    for (const Recording::Command& c : r.commands) {
        if (c.clipped) draw->PushClipRect(ImVec2(c.clip.x + delta.x, c.clip.y + delta.y), ImVec2(c.clip.z + delta.x, c.clip.w + delta.y), true);
        draw->PrimReserve(static_cast<int>(c.index_count), 0);
        for (unsigned int i = 0; i < c.index_count; ++i) *draw->_IdxWritePtr++ = static_cast<ImDrawIdx>(base + r.indices[next++]);
        if (c.clipped) draw->PopClipRect();
    }
    return true;
}

}  // namespace

PictureCache::~PictureCache() {
    for (Recording& r : recordings_) drop(r);
}

void PictureCache::drop(Recording& r) {
    if (r.baked && baker_) baker_->release(r.baked);
    r.baked = nullptr;
}

void PictureCache::forget_unused(int frame) {
    for (Recording& r : recordings_)
        if (frame - r.last_used_frame > frames_kept_unused) drop(r);
    recordings_.erase(std::remove_if(recordings_.begin(), recordings_.end(),
                                     [&](const Recording& r) { return frame - r.last_used_frame > frames_kept_unused; }),
                      recordings_.end());
}

void PictureCache::time_spent(int frame, double& ms, std::chrono::steady_clock::time_point start) {
    if (frame != timed_frame_) timed_frame_ = frame, recording_ms_ = baking_ms_ = 0;
    ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

float PictureCache::draw(ImDrawList* draw, const Picture& p, ImVec2 pos, float width, const DrawOptions& o) {
    const int frame = ImGui::GetFrameCount();
    auto& all = recordings_;
    forget_unused(frame);
    const std::string key = key_of(draw, p, width, o);
    auto found = std::find_if(all.begin(), all.end(), [&](const Recording& r) { return r.key == key; });
    if (found == all.end()) {
        if (all.size() >= max_recordings) {
            const auto oldest = std::min_element(all.begin(), all.end(), [](const Recording& a, const Recording& b) { return a.last_used_frame < b.last_used_frame; });
            drop(*oldest);
            all.erase(oldest);
        }
        const auto start = std::chrono::steady_clock::now();
        all.push_back(record(draw, p, pos, width, o));
        time_spent(frame, recording_ms_, start);
        all.back().key = key;
        found = all.end() - 1;
    }
    Recording& r = *found;
    r.last_used_frame = frame;
    // Baked on its second frame: a picture being pinched changes its width (its key) every frame and
    // is never worth a texture.
    if (!r.baked && baker_ && ++r.uses >= 2 && r.height > 0) {
        const auto start = std::chrono::steady_clock::now();
        r.baked = baker_->bake(r);
        time_spent(frame, baking_ms_, start);
        if (r.baked) {
            r.vertices = {};
            r.indices = {};
            r.commands = {};
        }
    }
    if (r.baked) {
        draw->AddImage(r.baked, pos, ImVec2(pos.x + width, pos.y + r.height));
        return r.height;
    }
    if (!replay(draw, r, ImVec2(pos.x - r.pos.x, pos.y - r.pos.y))) return draw_picture(draw, p, pos, width, o);
    return r.height;
}

}  // namespace dah::pictures
