#include "kiosk/app/kiosk_fonts.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/core/content/all_text.hpp"

namespace kiosk {
namespace {

// A Pi 3's GPU limit, kept everywhere (the software renderer reports none) so every machine draws
// what a Pi draws.
constexpr int kMaxFontPageSide = 2048;

bool covers(const ImFont& font, const std::string& text) {
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    unsigned c = 0;
    p += std::max(1, ImTextCharFromUtf8(&c, p, end));
    if (c >= 0x20 && !const_cast<ImFont&>(font).FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
  }
  return true;
}

}  // namespace

void KioskFonts::set_font(render::FontFile font) {
  font_ = std::move(font);
  scale_ = 0;
}

void KioskFonts::need(const std::string& text) {
  const ImFont* body = fonts().body;
  if (body && covers(*body, text)) return;
  if (data_text_.find(text) != std::string::npos) return;
  data_text_ += text;
  if (body) scale_ = 0;
}

bool KioskFonts::ensure(const ContentPack& content, float scale, int max_texture_side, std::string& error) {
  if (scale != scale_) {
    // Every character the pack and the data may show, rasterised on a worker; frames go on meanwhile.
    atlas_.want(*font_, all_text(content) + data_text_, display_text(content), scale,
                std::min(max_texture_side, kMaxFontPageSide));
    scale_ = scale;
  }
  return atlas_.update(error);
}

}  // namespace kiosk
