#include "kiosk/ui/text_layout.hpp"

#include <algorithm>
#include <cfloat>

#include <imgui_internal.h>

namespace kiosk::ui {
namespace {

struct Glyph {
  unsigned code = 0;
  size_t begin = 0, end = 0;  // bytes
};

bool is_cjk(unsigned c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x3000 && c <= 0x303F);
}

// Characters that must not begin a line.
bool no_break_before(unsigned c) {
  switch (c) {
    case 0xFF0C:
    case 0x3002:
    case 0x3001:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF09:
    case 0x300B:
    case 0x3009:
    case 0x201D:
    case 0x2019:
    case 0x2026:
    case 0x3011:
    case ',':
    case '.':
    case ';':
    case ':':
    case '!':
    case '?':
    case ')':
    case '%':
    case 0xFF05:
      return true;
    default:
      return false;
  }
}

// Characters that must not end a line.
bool no_break_after(unsigned c) {
  switch (c) {
    case 0xFF08:
    case 0x300A:
    case 0x3008:
    case 0x201C:
    case 0x2018:
    case 0x3010:
    case '(':
      return true;
    default:
      return false;
  }
}

float advance(const ImFont& font, float size, unsigned c) {
  return font.GetCharAdvance(static_cast<ImWchar>(c)) * (size / font.FontSize);
}

std::vector<Glyph> decode(std::string_view text) {
  std::vector<Glyph> out;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    unsigned c = 0;
    int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) n = 1;
    out.push_back({c, static_cast<size_t>(p - text.data()), static_cast<size_t>(p - text.data()) + n});
    p += n;
  }
  return out;
}

}  // namespace

std::vector<Line> break_lines(const ImFont& font, float size, std::string_view text, float width) {
  std::vector<Line> lines;
  const std::vector<Glyph> glyphs = decode(text);
  size_t start = 0;  // glyph index where the current line starts
  while (start < glyphs.size()) {
    float x = 0;
    size_t last_break = start;  // glyph index after which we may break (exclusive end)
    float width_at_break = 0;
    size_t i = start;
    bool hard = false;
    for (; i < glyphs.size(); ++i) {
      const unsigned c = glyphs[i].code;
      if (c == '\n') {
        hard = true;
        break;
      }
      // A break opportunity before glyph i?
      if (i > start) {
        const unsigned prev = glyphs[i - 1].code;
        bool can =
            (prev == ' ') || ((is_cjk(c) || is_cjk(prev)) && !no_break_before(c) && !no_break_after(prev));
        if (can && !no_break_before(c)) {
          last_break = i;
          width_at_break = x;
        }
      }
      float w = advance(font, size, c);
      if (x + w > width && i > start && c != ' ') {  // a space may hang past the edge
        if (last_break == start) {                   // no opportunity: cut by character
          last_break = i;
          width_at_break = x;
        }
        break;
      }
      x += w;
    }
    size_t end_glyph;
    float line_width;
    if (i >= glyphs.size() || hard) {
      end_glyph = i;
      line_width = x;
    } else {
      end_glyph = last_break;
      line_width = width_at_break;
    }
    // Trailing spaces do not count.
    size_t trim = end_glyph;
    while (trim > start && glyphs[trim - 1].code == ' ') {
      line_width -= advance(font, size, ' ');
      --trim;
    }
    size_t b = glyphs[start].begin;
    size_t e = trim > start ? glyphs[trim - 1].end : b;
    lines.push_back({text.substr(b, e - b), line_width});
    start = end_glyph;
    if (hard) ++start;  // skip the newline
    while (start < glyphs.size() && glyphs[start].code == ' ' && !hard) ++start;
  }
  return lines;
}

std::string_view fit_prefix(const ImFont& font, float size, std::string_view text, float width, bool& cut) {
  cut = false;
  float x = 0;
  const float ellipsis = advance(font, size, 0x2026);
  const std::vector<Glyph> glyphs = decode(text);
  float total = 0;
  for (const auto& g : glyphs) total += advance(font, size, g.code);
  if (total <= width) return text;
  cut = true;
  size_t end = 0;
  for (const auto& g : glyphs) {
    float w = advance(font, size, g.code);
    if (x + w + ellipsis > width) break;
    x += w;
    end = g.end;
  }
  return text.substr(0, end);
}

bool fits_two_lines(const ImFont& font, std::string_view text, float width) {
  if (break_lines(font, font.FontSize, text, width).size() > 2) return false;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    const bool latin = std::all_of(word.begin(), word.end(), [](char c) { return (c & 0x80) == 0; });
    if (latin &&
        font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, word.data(), word.data() + word.size()).x > width)
      return false;
    start = end + 1;
  }
  return true;
}

}  // namespace kiosk::ui
