// "Scan to learn more": a content link drawn as a QR code with a short caption. Black modules on
// white with the full quiet zone, whatever the theme, and big enough to scan from about half a
// metre on the smallest screen the kiosk supports.
#pragma once
#include <string>

#include <imgui.h>

#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

// Side of the code with its quiet zone, in pixels; 0 when the link is empty or cannot be encoded.
float qr_side(const UiContext& ctx, const std::string& url);

// The code at `pos` (top left of its quiet zone) with the caption beside it when `caption_width`
// leaves room, else below. Returns the size used; (0, 0) draws nothing (no link, or one that
// cannot be encoded, which is logged once).
ImVec2 qr_code(UiContext& ctx, const std::string& url, ImVec2 pos, float caption_width);

}  // namespace kiosk::ui
