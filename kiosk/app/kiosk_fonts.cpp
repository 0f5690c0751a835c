#include "kiosk/app/kiosk_fonts.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

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

void KioskFonts::set_needs(GlyphNeeds needs) {
  const bool same = needs_ && needs_->font.path == needs.font.path &&
                    needs_->font.index == needs.font.index && needs_->text == needs.text &&
                    needs_->display == needs.display;
  needs_ = std::move(needs);
  if (!same) scale_ = 0;
}

void KioskFonts::need(const std::string& text) {
  const ImFont* body = fonts().body;
  if (body && covers(*body, text)) return;
  if (data_text_.find(text) != std::string::npos) return;
  data_text_ += text;
  if (body) scale_ = 0;
}

bool KioskFonts::ensure(float scale, int max_texture_side, std::string& error) {
  if (scale != scale_) {
    // Every character the pack and the data may show, rasterised on a worker; frames go on meanwhile.
    atlas_.want(needs_->font, needs_->text + data_text_, needs_->display, scale,
                std::min(max_texture_side, kMaxFontPageSide));
    scale_ = scale;
  }
  return atlas_.update(error);
}

}  // namespace kiosk
