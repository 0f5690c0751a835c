#include "kiosk/render/sdl_renderer_backend.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace kiosk::render {
namespace {

struct BackendData {
  SDL_Renderer* renderer = nullptr;
  bool software = false;                    // SDL's software renderer: solid rectangles are filled
  std::vector<SDL_Texture*> font_textures;  // one per atlas page, io.Fonts first
  std::vector<ImVec2> white_uvs;            // each page's white texel, which solid shapes are painted from
  int dx = 0, dy = 0;                       // burn-in shift
};

BackendData* data() {
  return ImGui::GetCurrentContext() ? static_cast<BackendData*>(ImGui::GetIO().BackendRendererUserData)
                                    : nullptr;
}

// What the renderer looked like before we drew, restored afterwards so the caller's state survives.
struct SavedState {
  SDL_Rect viewport;
  bool clip_enabled;
  SDL_Rect clip;
  SDL_BlendMode blend;
  Uint8 r, g, b, a;
};

SavedState save(SDL_Renderer* r) {
  SavedState s{};
  SDL_RenderGetViewport(r, &s.viewport);
  s.clip_enabled = SDL_RenderIsClipEnabled(r) == SDL_TRUE;
  SDL_RenderGetClipRect(r, &s.clip);
  SDL_GetRenderDrawBlendMode(r, &s.blend);
  SDL_GetRenderDrawColor(r, &s.r, &s.g, &s.b, &s.a);
  return s;
}

void restore(SDL_Renderer* r, const SavedState& s) {
  SDL_RenderSetViewport(r, &s.viewport);
  SDL_RenderSetClipRect(r, s.clip_enabled ? &s.clip : nullptr);
  SDL_SetRenderDrawBlendMode(r, s.blend);
  SDL_SetRenderDrawColor(r, s.r, s.g, s.b, s.a);
}

// Indices [first, first + count) of a command as SDL triangles.
void draw_triangles(SDL_Renderer* r, const DrawCall& call, unsigned first, unsigned count) {
  const ImDrawCmd* cmd = call.cmd;
  const ImDrawVert* vertices = call.list->VtxBuffer.Data + cmd->VtxOffset;
  const ImDrawIdx* indices = call.list->IdxBuffer.Data + cmd->IdxOffset + first;
  const auto* base = reinterpret_cast<const char*>(vertices);
  const int stride = static_cast<int>(sizeof(ImDrawVert));
  SDL_RenderGeometryRaw(r, static_cast<SDL_Texture*>(cmd->GetTexID()),
                        reinterpret_cast<const float*>(base + offsetof(ImDrawVert, pos)), stride,
                        reinterpret_cast<const SDL_Color*>(base + offsetof(ImDrawVert, col)), stride,
                        reinterpret_cast<const float*>(base + offsetof(ImDrawVert, uv)), stride,
                        call.list->VtxBuffer.Size - static_cast<int>(cmd->VtxOffset), indices,
                        static_cast<int>(count), static_cast<int>(sizeof(ImDrawIdx)));
}

void fill_rect(SDL_Renderer* r, const DrawPiece& piece) {
  const Uint8 alpha = static_cast<Uint8>(piece.col >> IM_COL32_A_SHIFT);
  SDL_SetRenderDrawBlendMode(r, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(r, static_cast<Uint8>(piece.col >> IM_COL32_R_SHIFT),
                         static_cast<Uint8>(piece.col >> IM_COL32_G_SHIFT),
                         static_cast<Uint8>(piece.col >> IM_COL32_B_SHIFT), alpha);
  const SDL_FRect rect{piece.min.x, piece.min.y, piece.max.x - piece.min.x, piece.max.y - piece.min.y};
  SDL_RenderFillRectF(r, &rect);
}

void copy_rect(SDL_Renderer* r, SDL_Texture* texture, const DrawPiece& piece) {
  int width = 0, height = 0;
  SDL_QueryTexture(texture, nullptr, nullptr, &width, &height);
  const SDL_Rect source = source_rect(piece.uv_min, piece.uv_max, width, height);
  if (source.w <= 0 || source.h <= 0) return;
  SDL_SetTextureColorMod(texture, static_cast<Uint8>(piece.col >> IM_COL32_R_SHIFT),
                         static_cast<Uint8>(piece.col >> IM_COL32_G_SHIFT),
                         static_cast<Uint8>(piece.col >> IM_COL32_B_SHIFT));
  SDL_SetTextureAlphaMod(texture, static_cast<Uint8>(piece.col >> IM_COL32_A_SHIFT));
  const SDL_FRect rect{piece.min.x, piece.min.y, piece.max.x - piece.min.x, piece.max.y - piece.min.y};
  SDL_RenderCopyF(r, texture, &source, &rect);
}

void reset_state(SDL_Renderer* r, const BackendData& bd) {
  if (bd.dx == 0 && bd.dy == 0) {
    SDL_RenderSetViewport(r, nullptr);
  } else {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(r, &w, &h);
    SDL_Rect shifted{bd.dx, bd.dy, w, h};
    SDL_RenderSetViewport(r, &shifted);
  }
  SDL_RenderSetClipRect(r, nullptr);
}

}  // namespace

bool backend_init(SDL_Renderer* renderer) {
  ImGuiIO& io = ImGui::GetIO();
  IM_ASSERT(io.BackendRendererUserData == nullptr && "renderer backend already initialised");
  auto* bd = IM_NEW(BackendData)();
  bd->renderer = renderer;
  SDL_RendererInfo info{};
  bd->software = SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
  io.BackendRendererUserData = bd;
  io.BackendRendererName = "kiosk_sdlrenderer";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  return true;
}

void backend_shutdown() {
  BackendData* bd = data();
  if (!bd) return;
  ImGuiIO& io = ImGui::GetIO();
  for (SDL_Texture* t : bd->font_textures) SDL_DestroyTexture(t);
  io.Fonts->SetTexID(nullptr);
  io.BackendRendererName = nullptr;
  io.BackendRendererUserData = nullptr;
  IM_DELETE(bd);
}

bool backend_upload_fonts(const std::vector<ImFontAtlas*>& pages) {
  BackendData* bd = data();
  IM_ASSERT(bd && "call backend_init first");
  std::vector<SDL_Texture*> textures;
  bool ok = true;
  auto uploaded = [&](const ImFontAtlas* atlas) {
    return std::find(bd->font_textures.begin(), bd->font_textures.end(), atlas->TexID) !=
           bd->font_textures.end();
  };
  for (ImFontAtlas* atlas : pages) {
    // A page kept from the last upload (a partial build replaced other roles) keeps its texture.
    if (!atlas->TexPixelsAlpha8 && !atlas->TexPixelsRGBA32 && atlas->TexID && uploaded(atlas)) {
      textures.push_back(static_cast<SDL_Texture*>(atlas->TexID));
      continue;
    }
    // From the alpha page, a band at a time: a whole RGBA copy of the pages (four times their size)
    // would sit beside the textures at the moment memory peaks.
    unsigned char* alpha = nullptr;
    int width = 0, height = 0;
    if (atlas->TexPixelsRGBA32 == nullptr) atlas->GetTexDataAsAlpha8(&alpha, &width, &height);
    unsigned char* rgba = nullptr;
    if (!alpha) atlas->GetTexDataAsRGBA32(&rgba, &width, &height);
    SDL_Texture* t = alpha || rgba ? SDL_CreateTexture(bd->renderer, SDL_PIXELFORMAT_RGBA32,
                                                       SDL_TEXTUREACCESS_STATIC, width, height)
                                   : nullptr;
    if (!t) {
      SDL_Log("kiosk: cannot create the %dx%d font texture: %s", width, height, SDL_GetError());
      ok = false;
      break;
    }
    if (rgba) {
      SDL_UpdateTexture(t, nullptr, rgba, 4 * width);
    } else {
      constexpr int kBand = 32;
      std::vector<std::uint32_t> band(static_cast<size_t>(width) * kBand);
      for (int y = 0; y < height; y += kBand) {
        const int rows = std::min(kBand, height - y);
        const unsigned char* src = alpha + static_cast<size_t>(y) * width;
        for (size_t i = 0; i < static_cast<size_t>(width) * rows; ++i)
          band[i] = IM_COL32(255, 255, 255, src[i]);
        const SDL_Rect rect{0, y, width, rows};
        SDL_UpdateTexture(t, &rect, band.data(), 4 * width);
      }
    }
    // The texture holds the page now: the CPU copy goes before the next page's texture is made, so the
    // pixels of a whole build never sit beside all of its textures.
    atlas->ClearTexData();
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    textures.push_back(t);
  }
  auto kept = [&](SDL_Texture* t) {
    return std::find(textures.begin(), textures.end(), t) != textures.end();
  };
  if (!ok) {
    for (SDL_Texture* t : textures)
      if (std::find(bd->font_textures.begin(), bd->font_textures.end(), t) == bd->font_textures.end())
        SDL_DestroyTexture(t);
    return false;
  }
  for (SDL_Texture* t : bd->font_textures)
    if (!kept(t)) SDL_DestroyTexture(t);
  bd->font_textures = std::move(textures);
  bd->white_uvs.clear();
  for (size_t i = 0; i < pages.size(); ++i) {
    pages[i]->SetTexID(bd->font_textures[i]);
    bd->white_uvs.push_back(pages[i]->TexUvWhitePixel);
  }
  return true;
}

bool backend_upload_fonts() {
  return backend_upload_fonts({ImGui::GetIO().Fonts});
}

void backend_set_offset(int dx, int dy) {
  BackendData* bd = data();
  IM_ASSERT(bd && "call backend_init first");
  bd->dx = dx;
  bd->dy = dy;
}

std::vector<DrawCall> plan_draw_calls(const ImDrawData& draw_data, ImVec2 scale, int fb_width,
                                      int fb_height) {
  std::vector<DrawCall> calls;
  const ImVec2 origin = draw_data.DisplayPos;
  for (int n = 0; n < draw_data.CmdListsCount; ++n) {
    const ImDrawList* list = draw_data.CmdLists[n];
    for (int i = 0; i < list->CmdBuffer.Size; ++i) {
      const ImDrawCmd* cmd = &list->CmdBuffer[i];
      if (cmd->UserCallback) {
        calls.push_back({SDL_Rect{0, 0, fb_width, fb_height}, list, cmd});
        continue;
      }
      if (cmd->ElemCount == 0) continue;
      ImVec2 lo((cmd->ClipRect.x - origin.x) * scale.x, (cmd->ClipRect.y - origin.y) * scale.y);
      ImVec2 hi((cmd->ClipRect.z - origin.x) * scale.x, (cmd->ClipRect.w - origin.y) * scale.y);
      if (lo.x < 0) lo.x = 0;
      if (lo.y < 0) lo.y = 0;
      if (hi.x > static_cast<float>(fb_width)) hi.x = static_cast<float>(fb_width);
      if (hi.y > static_cast<float>(fb_height)) hi.y = static_cast<float>(fb_height);
      if (hi.x <= lo.x || hi.y <= lo.y) continue;
      SDL_Rect clip{static_cast<int>(lo.x), static_cast<int>(lo.y), static_cast<int>(hi.x - lo.x),
                    static_cast<int>(hi.y - lo.y)};
      calls.push_back({clip, list, cmd});
    }
  }
  return calls;
}

std::vector<DrawPiece> split_rects(const ImDrawVert* v, const ImDrawIdx* idx, unsigned count,
                                   ImVec2 white_uv) {
  using Kind = DrawPiece::Kind;
  std::vector<DrawPiece> pieces;
  // ImDrawList::PrimRect's and PrimRectUV's pattern: corners a, b, c, d clockwise from the top left,
  // triangles abc, acd, one colour; the texture coordinates follow the corners.
  auto rect_at = [&](unsigned i) {
    if (i + 6 > count) return Kind::triangles;
    const ImDrawIdx a = idx[i];
    if (idx[i + 1] != a + 1 || idx[i + 2] != a + 2 || idx[i + 3] != a || idx[i + 4] != a + 2 ||
        idx[i + 5] != a + 3)
      return Kind::triangles;
    const ImDrawVert* q = v + a;
    for (int k = 1; k < 4; ++k)
      if (q[k].col != q[0].col) return Kind::triangles;
    if (!(q[0].pos.y == q[1].pos.y && q[1].pos.x == q[2].pos.x && q[2].pos.y == q[3].pos.y &&
          q[3].pos.x == q[0].pos.x && q[0].pos.x < q[1].pos.x && q[0].pos.y < q[3].pos.y))
      return Kind::triangles;
    bool white = true;
    for (int k = 0; k < 4; ++k) white = white && q[k].uv.x == white_uv.x && q[k].uv.y == white_uv.y;
    if (white) return Kind::solid;
    const bool uv_follow = q[0].uv.y == q[1].uv.y && q[1].uv.x == q[2].uv.x && q[2].uv.y == q[3].uv.y &&
                           q[3].uv.x == q[0].uv.x && q[0].uv.x < q[1].uv.x && q[0].uv.y < q[3].uv.y;
    return uv_follow ? Kind::copy : Kind::triangles;
  };
  unsigned run = 0;  // where the current run of other triangles began
  for (unsigned i = 0; i + 3 <= count;) {
    const Kind kind = rect_at(i);
    if (kind == Kind::triangles) {
      i += 3;
      continue;
    }
    if (i > run) pieces.push_back({Kind::triangles, run, i - run, {}, {}, 0, {}, {}});
    const ImDrawVert* q = v + idx[i];
    pieces.push_back({kind, i, 6, q[0].pos, q[2].pos, q[0].col, q[0].uv, q[2].uv});
    i += 6;
    run = i;
  }
  if (count > run) pieces.push_back({Kind::triangles, run, count - run, {}, {}, 0, {}, {}});
  return pieces;
}

SDL_Rect source_rect(ImVec2 uv_min, ImVec2 uv_max, int width, int height) {
  const int x0 = static_cast<int>(std::lround(uv_min.x * static_cast<float>(width)));
  const int y0 = static_cast<int>(std::lround(uv_min.y * static_cast<float>(height)));
  const int x1 = static_cast<int>(std::lround(uv_max.x * static_cast<float>(width)));
  const int y1 = static_cast<int>(std::lround(uv_max.y * static_cast<float>(height)));
  return SDL_Rect{x0, y0, x1 - x0, y1 - y0};
}

void backend_render(ImDrawData* draw_data) {
  BackendData* bd = data();
  IM_ASSERT(bd && "call backend_init first");
  SDL_Renderer* r = bd->renderer;

  // With a renderer scale set by the caller, SDL scales for us; otherwise apply ImGui's.
  float user_x = 1, user_y = 1;
  SDL_RenderGetScale(r, &user_x, &user_y);
  ImVec2 scale(user_x == 1.0f ? draw_data->FramebufferScale.x : 1.0f,
               user_y == 1.0f ? draw_data->FramebufferScale.y : 1.0f);
  const int fb_width = static_cast<int>(draw_data->DisplaySize.x * scale.x);
  const int fb_height = static_cast<int>(draw_data->DisplaySize.y * scale.y);
  if (fb_width <= 0 || fb_height <= 0) return;  // minimised

  const SavedState saved = save(r);
  reset_state(r, *bd);
  for (const DrawCall& call : plan_draw_calls(*draw_data, scale, fb_width, fb_height)) {
    const ImDrawCmd* cmd = call.cmd;
    if (cmd->UserCallback) {
      if (cmd->UserCallback == ImDrawCallback_ResetRenderState)
        reset_state(r, *bd);
      else
        cmd->UserCallback(call.list, cmd);
      continue;
    }
    SDL_RenderSetClipRect(r, &call.clip);
    const auto page = std::find(bd->font_textures.begin(), bd->font_textures.end(), cmd->GetTexID());
    if (!bd->software || page == bd->font_textures.end()) {
      draw_triangles(r, call, 0, cmd->ElemCount);
      continue;
    }
    const ImVec2 white = bd->white_uvs[static_cast<size_t>(page - bd->font_textures.begin())];
    auto* texture = static_cast<SDL_Texture*>(cmd->GetTexID());
    for (const DrawPiece& piece :
         split_rects(call.list->VtxBuffer.Data + cmd->VtxOffset, call.list->IdxBuffer.Data + cmd->IdxOffset,
                     cmd->ElemCount, white)) {
      if (piece.kind == DrawPiece::Kind::solid)
        fill_rect(r, piece);
      else if (piece.kind == DrawPiece::Kind::copy)
        copy_rect(r, texture, piece);
      else
        draw_triangles(r, call, piece.first, piece.count);
    }
    // SDL's software geometry takes the texture's modulation too: triangles after a copy stay as drawn.
    SDL_SetTextureColorMod(texture, 255, 255, 255);
    SDL_SetTextureAlphaMod(texture, 255);
  }
  restore(r, saved);
}

}  // namespace kiosk::render
