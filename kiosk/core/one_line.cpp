#include "kiosk/core/one_line.hpp"

#include <cstdio>

#include "kiosk/core/search/search_text.hpp"

namespace kiosk {

std::string one_line(std::string_view text, std::size_t max_code_points) {
  std::string out;
  out.reserve(text.size());
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (count == max_code_points) {
      out += "…";
      break;
    }
    char32_t c = search::next_code_point(text, i);
    if ((c >= 0xd800 && c < 0xe000) || c > 0x10ffff) c = 0xfffd;  // decodes, but is not UTF-8
    ++count;
    if (c == U'\n')
      out += "\\n";
    else if (c == U'\r')
      out += "\\r";
    else if (c == U'\t')
      out += "\\t";
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029) {
      char escape[16];
      std::snprintf(escape, sizeof escape, c < 0x100 ? "\\x%02x" : "\\u%04x", static_cast<unsigned>(c));
      out += escape;
    } else {
      search::append_utf8(out, c);
    }
  }
  return out;
}

}  // namespace kiosk
