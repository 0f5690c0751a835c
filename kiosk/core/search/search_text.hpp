// Text as the search sees it: UTF-8 code points, Han characters, and the one normal form that both
// indexed names and typed queries are reduced to, so "Li-ion", "li ion" and "ＬＩ－ＩＯＮ" meet.
#pragma once
#include <string>
#include <string_view>

namespace kiosk::search {

// Decodes the code point at `i` and moves `i` past it; a malformed byte decodes as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t c);

// CJK unified ideographs (with extension A) and compatibility ideographs.
bool is_han(char32_t c);

// Lower-case ASCII; full-width forms folded to ASCII; punctuation, symbols and runs of white space
// become one space; trimmed. Han and other letters are kept as they are.
std::string normalise(std::string_view text);

// The text without its last code point: what backspace leaves.
std::string drop_last_code_point(std::string_view text);

// Number of code points.
size_t code_point_count(std::string_view text);

}  // namespace kiosk::search
