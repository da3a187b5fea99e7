// The picture cache with a platform that bakes pictures into textures: a picture that stays on screen
// is baked once, on its second frame, and from then on drawn as one textured quad; a picture that
// leaves the screen gives its texture back. On ImGui's null backend (no GPU): the baker is a recorder.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include <imgui.h>

#include "pictures/picture_cache.hpp"

namespace {

struct RecordingBaker final : dah::pictures::PictureBaker {
    int bakes = 0;
    std::vector<ImTextureID> released;
    std::size_t vertices = 0;
    ImVec2 origin, size;
    ImTextureID bake(const dah::pictures::Recording& r) override {
        ++bakes;
        vertices = r.vertices.size();
        origin = r.pos;
        size = ImVec2(r.width, r.height);
        return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1000 + bakes));
    }
    void release(ImTextureID t) override { released.push_back(t); }
};

class PictureCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(800, 600);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->AddFontDefault();
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
        picture.kind = dah::PictureKind::chest_xray;
        picture.caption = "Chest X-ray";
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // One frame drawing the picture (or not); returns the vertices the picture added to the window.
    int frame(bool with_picture) {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(400, 500));
        ImGui::Begin("pictures");
        ImDrawList* list = ImGui::GetWindowDrawList();
        const int before = list->VtxBuffer.Size;
        if (with_picture) height = cache.draw(list, picture, ImVec2(20, 40), 300, {});
        const int added = list->VtxBuffer.Size - before;
        textures.clear();
        for (const ImDrawCmd& cmd : list->CmdBuffer)
            if (cmd.ElemCount > 0) textures.push_back(cmd.GetTexID());
        ImGui::End();
        ImGui::Render();
        cache.forget_unused(ImGui::GetFrameCount());
        return added;
    }

    dah::Picture picture;
    dah::pictures::PictureCache cache;
    RecordingBaker baker;
    float height = 0;
    std::vector<ImTextureID> textures;  // of the window's commands, last frame
};

TEST_F(PictureCacheTest, BakesOnTheSecondFrameThenDrawsOneQuad) {
    cache.set_baker(&baker);
    const int first = frame(true);
    EXPECT_GT(first, 100) << "even a chest X-ray without findings is hundreds of vertices when drawn";
    EXPECT_EQ(baker.bakes, 0) << "not baked on its first frame (it may be pinched)";
    EXPECT_EQ(frame(true), 4) << "from the second frame on, one quad";
    EXPECT_EQ(baker.bakes, 1);
    EXPECT_EQ(baker.vertices, static_cast<std::size_t>(first)) << "the baker gets what the first frame drew";
    EXPECT_FLOAT_EQ(baker.size.x, 300);
    EXPECT_FLOAT_EQ(baker.size.y, height);
    EXPECT_NE(std::find(textures.begin(), textures.end(), reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1001))), textures.end())
        << "the quad shows the baked texture";
    EXPECT_EQ(frame(true), 4);
    EXPECT_EQ(baker.bakes, 1) << "baked once";
}

TEST_F(PictureCacheTest, APictureThatLeftTheScreenGivesBackItsTexture) {
    cache.set_baker(&baker);
    frame(true);
    frame(true);
    ASSERT_EQ(baker.bakes, 1);
    for (int i = 0; i < 4; ++i) frame(false);
    ASSERT_EQ(baker.released.size(), 1u);
    EXPECT_EQ(baker.released[0], reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1001)));
    EXPECT_EQ(cache.size(), 0u);
}

TEST_F(PictureCacheTest, WithoutABakerTheVerticesAreReplayed) {
    const int first = frame(true);
    EXPECT_EQ(frame(true), first) << "the recording copied into place, vertex for vertex";
}

}  // namespace
