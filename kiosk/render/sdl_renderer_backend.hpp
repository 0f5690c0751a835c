// ImGui renderer backend on SDL_Renderer (SDL >= 2.0.18, SDL_RenderGeometryRaw).
//
// Debian's libimgui 1.86 ships the header of the upstream SDL_Renderer backend but not its object
// code, so the kiosk has its own. The same code draws through SDL's GPU drivers (opengles2 on a
// Pi under KMSDRM, opengl on desktops) and through SDL's software renderer for headless PNGs.
//
// Implements: font atlas texture, user textures (ImTextureID is an SDL_Texture*), clip rects,
//             large meshes (ImGuiBackendFlags_RendererHasVtxOffset), draw callbacks.
// Lacks:      multi-viewport (not needed for a single fullscreen window).
// State hangs off io.BackendRendererUserData, not file statics.
#pragma once
#include <vector>

#include <SDL.h>
#include <imgui.h>

namespace kiosk::render {

bool backend_init(SDL_Renderer* renderer);
void backend_shutdown();
// Uploads the font atlas (again, after the atlas was rebuilt) and frees the CPU copy.
bool backend_upload_fonts();
// Uploads every atlas page (the fonts live on several), replacing the textures of the last upload. A
// page of the last upload, already without its pixels, keeps its texture.
bool backend_upload_fonts(const std::vector<ImFontAtlas*>& pages);
void backend_render(ImDrawData* draw_data);
// Shifts the whole picture by a few pixels (burn-in protection on screens that show the same frame for
// hours).
void backend_set_offset(int dx, int dy);

// One clipped draw command as it will reach SDL: the pure part of rendering, unit-tested headless.
struct DrawCall {
  SDL_Rect clip;  // framebuffer pixels, already clamped
  const ImDrawList* list;
  const ImDrawCmd* cmd;
};

// Walks the draw data, projects each command's clip rect into framebuffer pixels (scale, clamp)
// and drops commands that are fully clipped away.
std::vector<DrawCall> plan_draw_calls(const ImDrawData& draw_data, ImVec2 scale, int fb_width, int fb_height);

// A command's indices in drawing order, as solid rectangles, textured rectangles and runs of other
// triangles, for SDL's software renderer.
// - It copies a rectangle painted from the atlas's white texel as a texture, blending texel by texel
//   (about 7 ns a pixel: 15 ms for a 1920x1080 panel); filled as a rectangle it costs a memset when
//   opaque.
// - It turns a textured rectangle (a glyph) into a copy whose source rectangle is its texture
//   coordinates times the page's size, cut to whole texels. On a page whose height is not a power of
//   two, 42/131*131 comes back as 41.99999 and the glyph loses a row; copied here, it is rounded.
struct DrawPiece {
  enum class Kind { triangles, solid, copy };
  Kind kind = Kind::triangles;
  unsigned first = 0, count = 0;  // indices [first, first + count) of the command
  ImVec2 min, max;                // solid and copy: the rectangle on screen, and its colour
  ImU32 col = 0;
  ImVec2 uv_min, uv_max;  // copy: the texture's part
};
std::vector<DrawPiece> split_rects(const ImDrawVert* vertices, const ImDrawIdx* indices, unsigned count,
                                   ImVec2 white_uv);

// The texels a copy reads: its texture coordinates times the page's size, rounded to whole texels.
SDL_Rect source_rect(ImVec2 uv_min, ImVec2 uv_max, int width, int height);

}  // namespace kiosk::render
