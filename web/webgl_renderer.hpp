// Draws ImGui's frames with WebGL 2 in as few calls as it can. Every call from wasm into WebGL costs
// a trip through JavaScript and the browser's command buffer, and ImGui's stock OpenGL backend makes
// about sixty fixed ones a frame (it saves and restores the state of a context it shares, and makes a
// vertex array each frame). This context is the app's alone, so the state is set once; a frame is one
// upload of the vertices, one of the indices, and per command a draw (a scissor or texture change only
// where one changes). The font atlas is kept as one 8-bit channel: a quarter of RGBA's upload.
#pragma once

#include <vector>

#include <GLES3/gl3.h>
#include <imgui.h>

#include "pictures/picture_cache.hpp"

namespace dah::platform {

class WebGlRenderer final : public pictures::PictureBaker {
public:
    // Compiles the shaders and sets the state that never changes. False (with a log line) if WebGL refused.
    bool init();
    // (Re)builds ImGui's font atlas into the texture; ImGui's CPU copy of its pixels is then freed.
    void upload_fonts();
    bool has_fonts() const { return font_texture_ != 0; }
    // Clears to `clear` and draws the frame.
    void render(const ImDrawData& data, const ImVec4& clear);

    // A case picture drawn once into a texture at the screen's pixel density (pictures/picture_cache.hpp).
    ImTextureID bake(const pictures::Recording& recording) override;
    void release(ImTextureID texture) override;

private:
    GLuint program_ = 0, vertex_array_ = 0, vertices_ = 0, indices_ = 0, font_texture_ = 0;
    GLint scale_at_ = -1, offset_at_ = -1, premultiplied_at_ = -1;
    // Draws with the atlas (coverage in red, straight alpha) or a baked picture (premultiplied RGBA).
    void use_texture(GLuint texture);
    GLuint bound_texture_ = 0;
    int mode_ = -1;
    GLsizeiptr vertex_capacity_ = 0, index_capacity_ = 0;
    GLint largest_texture_ = 0;
    std::vector<ImDrawVert> vertex_staging_;
    std::vector<unsigned> index_staging_;
};

}  // namespace dah::platform
