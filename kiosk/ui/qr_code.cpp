#include "kiosk/ui/qr_code.hpp"

#include <cmath>
#include <map>
#include <optional>

#include "kiosk/core/log.hpp"
#include "kiosk/core/qr.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

// The code itself (without its quiet zone) at this many virtual pixels is 3.0 cm or more on the
// official 7-inch 800x480 display (5.2 px/mm at scale 0.6) and on 10.1-inch 1280x800 panels
// (5.9 px/mm at scale 0.67); larger screens draw it larger still.
constexpr float kCodeSide = 270;

// Codes by link. Content holds a few dozen links, encoded once each; screens draw every frame.
const QrCode* code_for(const std::string& url) {
  static std::map<std::string, std::optional<QrCode>> cache;
  if (url.empty()) return nullptr;
  auto it = cache.find(url);
  if (it == cache.end()) {
    if (cache.size() > 256) cache.clear();  // content reloaded many times: start again
    std::string error;
    it = cache.emplace(url, encode_qr(url, &error)).first;
    if (!it->second) log::warning(error + ": " + url.substr(0, 80));
  }
  return it->second ? &*it->second : nullptr;
}

int module_px(const UiContext& ctx, const QrCode& code) {
  return static_cast<int>(std::ceil(ctx.layout.px(kCodeSide) / static_cast<float>(code.size)));
}

std::string host_of(const std::string& url) {
  std::string rest = url;
  if (auto scheme = rest.find("://"); scheme != std::string::npos) rest = rest.substr(scheme + 3);
  return rest.substr(0, rest.find('/'));
}

}  // namespace

float qr_side(const UiContext& ctx, const std::string& url) {
  const QrCode* code = code_for(url);
  if (!code) return 0;
  return static_cast<float>(module_px(ctx, *code) * (code->size + 2 * kQrQuietZone));
}

ImVec2 qr_code(UiContext& ctx, const std::string& url, ImVec2 pos, float caption_width) {
  const QrCode* code = code_for(url);
  if (!code) return ImVec2(0, 0);
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImDrawList* dl = canvas();
  const int m = module_px(ctx, *code);
  const float side = static_cast<float>(m * (code->size + 2 * kQrQuietZone));
  // Whole pixels, so every module has sharp edges.
  const ImVec2 a(std::floor(pos.x), std::floor(pos.y));
  dl->AddRectFilled(a, ImVec2(a.x + side, a.y + side), IM_COL32_WHITE);
  dl->AddRect(a, ImVec2(a.x + side, a.y + side), t.border, 0, 0, l.px(1.5f));
  const float x0 = a.x + static_cast<float>(m * kQrQuietZone),
              y0 = a.y + static_cast<float>(m * kQrQuietZone);
  const ImU32 ink = IM_COL32(0, 0, 0, 255);
  for (int y = 0; y < code->size; ++y) {
    for (int x = 0; x < code->size;) {  // one rectangle per run of dark modules
      if (!code->dark(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < code->size && code->dark(end, y)) ++end;
      dl->AddRectFilled(ImVec2(x0 + static_cast<float>(x * m), y0 + static_cast<float>(y * m)),
                        ImVec2(x0 + static_cast<float>(end * m), y0 + static_cast<float>((y + 1) * m)), ink);
      x = end;
    }
  }

  const std::string& caption = ctx.str("qr.caption");
  const std::string host = host_of(url);
  const bool beside = caption_width >= l.px(220);
  const float cw = beside ? caption_width : side;
  const ImVec2 cpos =
      beside ? ImVec2(a.x + side + l.px(20), a.y + l.px(12)) : ImVec2(a.x, a.y + side + l.px(10));
  float ch = paragraph(ctx, ctx.fonts.body, cpos, cw, t.text, caption, 2);
  ch += l.px(4);
  text_fit(ctx, ctx.fonts.small, ImVec2(cpos.x, cpos.y + ch), cw, t.text_muted, host);
  ch += ctx.fonts.small->FontSize * 1.3f;
  if (beside) return ImVec2(side + l.px(20) + cw, std::max(side, ch + l.px(12)));
  return ImVec2(side, side + l.px(10) + ch);
}

}  // namespace kiosk::ui
