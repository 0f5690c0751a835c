// Every string of a content pack in one buffer: the font atlas is built from exactly these glyphs.
#pragma once
#include <string>

#include "kiosk/core/content/content_pack.hpp"

namespace kiosk {

std::string all_text(const ContentPack& pack);
// The text drawn at display size (a severe alert's title), beside the digits and Latin letters.
std::string display_text(const ContentPack& pack);

}  // namespace kiosk
