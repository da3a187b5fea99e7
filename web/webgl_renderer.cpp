#include "webgl_renderer.hpp"

#include <emscripten.h>
#include <emscripten/console.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace dah::platform {
namespace {

const char* const vertex_source = R"(#version 300 es
uniform vec2 scale;
uniform vec2 offset;
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 colour;
out vec2 frag_uv;
out vec4 frag_colour;
void main() {
    frag_uv = uv;
    frag_colour = colour;
    gl_Position = vec4(position * scale + offset, 0.0, 1.0);
})";

// The atlas holds coverage in its red channel (white text and shapes, tinted by the vertex colour); a
// baked picture holds premultiplied colour.
const char* const fragment_source = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
uniform bool premultiplied;
in vec2 frag_uv;
in vec4 frag_colour;
out vec4 out_colour;
void main() {
    vec4 t = texture(atlas, frag_uv);
    out_colour = premultiplied ? t * frag_colour : vec4(frag_colour.rgb, frag_colour.a * t.r);
})";

// Each status query waits for the GPU process to finish compiling, so only the link's is asked, and
// the shaders' logs only when it failed.
GLuint compiled(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

void log_shader(GLuint shader) {
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    if (log[0]) emscripten_console_error((std::string("WebGL shader: ") + log).c_str());
}

// Grows a buffer to at least `bytes` (doubling, so a growing UI reallocates rarely) and fills it.
void upload(GLenum target, GLsizeiptr& capacity, GLsizeiptr bytes, const void* data) {
    if (bytes > capacity) {
        capacity = bytes * 2;
        glBufferData(target, capacity, nullptr, GL_STREAM_DRAW);
    }
    glBufferSubData(target, 0, bytes, data);
}

// A texture sampled smoothly and never repeated, left bound.
GLuint new_texture() {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return texture;
}

}  // namespace

bool WebGlRenderer::init() {
    program_ = glCreateProgram();
    const GLuint vs = compiled(GL_VERTEX_SHADER, vertex_source), fs = compiled(GL_FRAGMENT_SHADER, fragment_source);
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glLinkProgram(program_);
    GLint linked = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (!linked) {
        log_shader(vs);
        log_shader(fs);
        emscripten_console_error("WebGL program did not link");
    }
    glDeleteShader(vs);
    glDeleteShader(fs);
    if (!linked) return false;
    glUseProgram(program_);
    scale_at_ = glGetUniformLocation(program_, "scale");
    offset_at_ = glGetUniformLocation(program_, "offset");
    premultiplied_at_ = glGetUniformLocation(program_, "premultiplied");
    glUniform1i(glGetUniformLocation(program_, "atlas"), 0);

    glGenVertexArrays(1, &vertex_array_);
    glBindVertexArray(vertex_array_);
    glGenBuffers(1, &vertices_);
    glGenBuffers(1, &indices_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);  // part of the vertex array's state
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &largest_texture_);
    return true;
}

void WebGlRenderer::upload_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (font_texture_ == 0) font_texture_ = new_texture();
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
    io.Fonts->ClearTexData();  // the pixels are on the GPU now: no CPU copy per UI scale kept
}

void WebGlRenderer::render(const ImDrawData& data, const ImVec4& clear) {
    const float fb_w = data.DisplaySize.x * data.FramebufferScale.x, fb_h = data.DisplaySize.y * data.FramebufferScale.y;
    glViewport(0, 0, static_cast<GLsizei>(fb_w), static_cast<GLsizei>(fb_h));
    glDisable(GL_SCISSOR_TEST);  // a clear is scissored too
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    if (fb_w <= 0 || fb_h <= 0 || data.TotalVtxCount == 0) return;

    // All lists in one buffer each: two uploads a frame instead of two per list. ImGui's indices count
    // from their list's first vertex, and WebGL 2 has no base-vertex draw, so they are rebased here
    // (32-bit: the lists together may pass 65,535 vertices).
    vertex_staging_.clear();
    index_staging_.clear();
    vertex_staging_.reserve(static_cast<std::size_t>(data.TotalVtxCount));
    index_staging_.reserve(static_cast<std::size_t>(data.TotalIdxCount));
    for (int n = 0; n < data.CmdListsCount; ++n) {
        // Without ImGuiBackendFlags_RendererHasVtxOffset (not set here) every command's VtxOffset is 0.
        const ImDrawList& list = *data.CmdLists[n];
        const unsigned base = static_cast<unsigned>(vertex_staging_.size());
        vertex_staging_.insert(vertex_staging_.end(), list.VtxBuffer.begin(), list.VtxBuffer.end());
        for (const ImDrawIdx index : list.IdxBuffer) index_staging_.push_back(base + index);
    }
    upload(GL_ARRAY_BUFFER, vertex_capacity_, static_cast<GLsizeiptr>(vertex_staging_.size() * sizeof(ImDrawVert)), vertex_staging_.data());
    upload(GL_ELEMENT_ARRAY_BUFFER, index_capacity_, static_cast<GLsizeiptr>(index_staging_.size() * sizeof(unsigned)), index_staging_.data());

    // Display coordinates → clip space, y down.
    glUniform2f(scale_at_, 2.0f / data.DisplaySize.x, -2.0f / data.DisplaySize.y);
    glUniform2f(offset_at_, -1.0f - data.DisplayPos.x * 2.0f / data.DisplaySize.x, 1.0f + data.DisplayPos.y * 2.0f / data.DisplaySize.y);

    // Consecutive commands with the same scissor and texture whose indices follow on (they often do
    // across lists, now that the indices share one buffer) are one draw.
    bound_texture_ = 0;  // bound again below: a bake may have changed it
    int scissor[4] = {-1, -1, -1, -1};
    std::size_t draw_first = 0, draw_count = 0, list_indices = 0;
    const auto flush = [&] {
        if (draw_count > 0)
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(draw_count), GL_UNSIGNED_INT, reinterpret_cast<void*>(draw_first * sizeof(unsigned)));
        draw_count = 0;
    };
    const ImVec2 pos = data.DisplayPos, scale = data.FramebufferScale;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {
                flush();
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - pos.x) * scale.x, y0 = (cmd.ClipRect.y - pos.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - pos.x) * scale.x, y1 = (cmd.ClipRect.w - pos.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            const int s[4] = {static_cast<int>(x0), static_cast<int>(fb_h - y1), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)};
            const GLuint texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID()));
            const std::size_t first = list_indices + cmd.IdxOffset;
            const bool same_scissor = s[0] == scissor[0] && s[1] == scissor[1] && s[2] == scissor[2] && s[3] == scissor[3];
            if (same_scissor && texture == bound_texture_ && draw_count > 0 && first == draw_first + draw_count) {
                draw_count += cmd.ElemCount;
                continue;
            }
            flush();
            if (!same_scissor) {
                glScissor(s[0], s[1], s[2], s[3]);
                for (int i = 0; i < 4; ++i) scissor[i] = s[i];
            }
            if (texture != bound_texture_) use_texture(texture);
            draw_first = first;
            draw_count = cmd.ElemCount;
        }
        list_indices += static_cast<std::size_t>(list.IdxBuffer.Size);
    }
    flush();
}

void WebGlRenderer::use_texture(GLuint texture) {
    glBindTexture(GL_TEXTURE_2D, texture);
    bound_texture_ = texture;
    const int mode = texture == font_texture_ ? 0 : 1;
    if (mode == mode_) return;
    mode_ = mode;
    glUniform1i(premultiplied_at_, mode);
    if (mode == 0) glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    else glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

ImTextureID WebGlRenderer::bake(const pictures::Recording& r) {
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x;
    const int w = static_cast<int>(r.width * scale + 0.5f), h = static_cast<int>(r.height * scale + 0.5f);
    if (w <= 0 || h <= 0 || w > largest_texture_ || h > largest_texture_ || r.vertices.empty() || font_texture_ == 0) return nullptr;

    const GLuint texture = new_texture();
    GLuint framebuffer = 0;
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    // An RGBA8 texture within the size limit is always a complete attachment, so the framebuffer's status
    // is not asked: asking waits for the GPU process to finish everything sent before (tens of ms).
    {
        glViewport(0, 0, w, h);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        glEnable(GL_SCISSOR_TEST);
        index_staging_.assign(r.indices.begin(), r.indices.end());
        upload(GL_ARRAY_BUFFER, vertex_capacity_, static_cast<GLsizeiptr>(r.vertices.size() * sizeof(ImDrawVert)), r.vertices.data());
        upload(GL_ELEMENT_ARRAY_BUFFER, index_capacity_, static_cast<GLsizeiptr>(index_staging_.size() * sizeof(unsigned)), index_staging_.data());
        // Display units → the texture's clip space, y up, so that the texture's first row is the
        // picture's top (drawn later with ImGui's usual texture coordinates).
        const ImVec2 origin = r.pos;
        glUniform2f(scale_at_, 2.0f / r.width, 2.0f / r.height);
        glUniform2f(offset_at_, -1.0f - origin.x * 2.0f / r.width, -1.0f - origin.y * 2.0f / r.height);
        // Coverage tinted by the vertex colour, blended into premultiplied colour.
        glBindTexture(GL_TEXTURE_2D, font_texture_);
        glUniform1i(premultiplied_at_, 0);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        std::size_t first = 0;
        for (const pictures::Recording::Command& c : r.commands) {
            const ImVec4 clip = r.clip_of(c);
            const int x0 = static_cast<int>((clip.x - origin.x) * scale), y0 = static_cast<int>((clip.y - origin.y) * scale);
            glScissor(x0, y0, static_cast<int>((clip.z - origin.x) * scale) - x0, static_cast<int>((clip.w - origin.y) * scale) - y0);
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(c.index_count), GL_UNSIGNED_INT, reinterpret_cast<void*>(first * sizeof(unsigned)));
            first += c.index_count;
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &framebuffer);
    mode_ = -1;  // the blend and shader mode were changed here: set again by the next draw
    bound_texture_ = 0;
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture));
}

void WebGlRenderer::release(ImTextureID texture) {
    const GLuint name = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(texture));
    glDeleteTextures(1, &name);
}

}  // namespace dah::platform
