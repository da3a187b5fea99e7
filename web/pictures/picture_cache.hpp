// Drawing a picture tessellates up to ~40K vertices, the largest part of a frame that shows one. What
// comes out depends only on the picture, its width, the drawing options, the font and the theme's text
// colours, so draw_picture_cached records it once and copies it into place on later frames (moved if
// the picture moved, e.g. by scrolling). Recordings unused for a while are dropped.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <imgui.h>

#include "pictures/picture_draw.hpp"

namespace dah::pictures {

// What drawing one picture put into a draw list, kept to be copied into place on later frames.
struct Recording {
    struct Command {
        ImVec4 clip;           // the picture's own clip rectangle, at the recorded position
        bool clipped = false;  // false: drawn under whatever clip rectangle is current (the legend)
        unsigned int index_count = 0;
    };
    std::string key;
    ImVec2 pos;  // where it was recorded
    float width = 0, height = 0;
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;  // relative to the first vertex
    std::vector<Command> commands;
    int last_used_frame = 0;
    int uses = 0;
    ImTextureID baked = nullptr;  // once baked, the vertices are dropped

    // The rectangle a command is drawn within: its own clip, else the picture's box.
    ImVec4 clip_of(const Command& c) const { return c.clipped ? c.clip : ImVec4(pos.x, pos.y, pos.x + width, pos.y + height); }
};

// A platform that can turn a recording into a texture (web/webgl_renderer.hpp) draws a picture that
// stays on screen as one textured quad instead of its ~40K vertices: those would otherwise be copied,
// compared, uploaded and rasterised again on every frame.
class PictureBaker {
public:
    // A texture holding the recording over its box (width × height display units from pos), with
    // colours premultiplied by alpha; nullptr when it cannot.
    virtual ImTextureID bake(const Recording& recording) = 0;
    virtual void release(ImTextureID texture) = 0;

protected:
    ~PictureBaker() = default;
};

// Owned by the app's render cache (one per ImGui context); at most max_recordings are kept and a
// recording unused for more than frames_kept_unused frames is dropped, so memory follows the screen.
class PictureCache {
public:
    // Same result and arguments as draw_picture; returns the height used.
    float draw(ImDrawList* draw, const Picture& picture, ImVec2 pos, float width, const DrawOptions& options);
    // Drops the recordings not drawn in the last frames_kept_unused frames; called every frame, so a
    // picture that left the screen (up to ~1 MB of vertices) does not stay in memory.
    void forget_unused(int frame);
    std::size_t size() const { return recordings_.size(); }
    void set_baker(PictureBaker* baker) { baker_ = baker; }
    // For the benchmark: milliseconds spent recording and baking pictures in frame `frame`.
    double recording_ms(int frame) const { return frame == timed_frame_ ? recording_ms_ : 0; }
    double baking_ms(int frame) const { return frame == timed_frame_ ? baking_ms_ : 0; }
    ~PictureCache();

    static constexpr std::size_t max_recordings = 12;  // the gallery shows 9 pictures
    static constexpr int frames_kept_unused = 2;

private:
    void drop(Recording& r);
    void time_spent(int frame, double& ms, std::chrono::steady_clock::time_point start);
    std::vector<Recording> recordings_;
    PictureBaker* baker_ = nullptr;
    int timed_frame_ = -1;
    double recording_ms_ = 0, baking_ms_ = 0;
};

}  // namespace dah::pictures
