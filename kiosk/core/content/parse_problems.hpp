// Turns what the TOML parser says into what the editor did and how to fix it, in both languages:
// Chinese-keyboard punctuation (“ ” ： ＝ ，), a missing closing quote, a key given twice, a
// backslash in a path, a file not saved as UTF-8.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::content {

struct TextPos {
  int line = 1;
  int column = 1;
};

// Where the first byte that is not UTF-8 is (a GBK file), or nullopt when the text is UTF-8.
std::optional<TextPos> find_invalid_utf8(std::string_view text);

struct ParseProblem {
  int line = 0;
  int column = 0;
  std::string en;
  std::string zh;
};

// `line`/`column`/`description`: the parser's error; the result points at the character to fix.
ParseProblem explain_parse_error(std::string_view text, int line, int column, std::string_view description);

}  // namespace kiosk::content
