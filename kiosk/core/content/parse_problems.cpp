#include "kiosk/core/content/parse_problems.hpp"

namespace kiosk::content {
namespace {

std::string_view line_of(std::string_view text, int line) {
  size_t start = 0;
  for (int i = 1; i < line && start != std::string_view::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > text.size()) return {};
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// 1-based column, counted in characters, of byte offset `at` of `line`.
int column_of(std::string_view line, size_t at) {
  int column = 1;
  for (size_t i = 0; i < at && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column;
}

struct Fullwidth {
  const char* text;
  const char* en;
  const char* zh;
};

// What a Chinese keyboard types in place of TOML's ASCII punctuation.
constexpr Fullwidth kFullwidth[] = {
    {"“", "Chinese quotes “ ” are not TOML quotes; change them to \"", "把中文引号 “ ” 改成英文引号 \""},
    {"”", "Chinese quotes “ ” are not TOML quotes; change them to \"", "把中文引号 “ ” 改成英文引号 \""},
    {"‘", "Chinese quotes ‘ ’ are not TOML quotes; change them to \"", "把中文引号 ‘ ’ 改成英文引号 \""},
    {"’", "Chinese quotes ‘ ’ are not TOML quotes; change them to \"", "把中文引号 ‘ ’ 改成英文引号 \""},
    {"＝", "the full-width equals sign ＝ must be the ASCII =", "把全角等号 ＝ 改成英文等号 ="},
    {"：", "the Chinese colon ： must be an ASCII = between key and value",
     "键和值之间要用英文等号 =，不能用中文冒号 ："},
    {"，", "the Chinese comma ， must be the ASCII ,", "把中文逗号 ， 改成英文逗号 ,"},
    {"［", "the full-width bracket ［ must be the ASCII [", "把全角括号 ［ 改成英文括号 ["},
    {"］", "the full-width bracket ］ must be the ASCII ]", "把全角括号 ］ 改成英文括号 ]"},
    {"｛", "the full-width brace ｛ must be the ASCII {", "把全角括号 ｛ 改成英文括号 {"},
    {"｝", "the full-width brace ｝ must be the ASCII }", "把全角括号 ｝ 改成英文括号 }"},
};

// Byte offset of the first full-width mark outside a "…" string on the line, npos when none.
size_t first_fullwidth(std::string_view line, const Fullwidth*& which) {
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && in_string) {
      ++i;
      continue;
    }
    if (line[i] == '"') in_string = !in_string;
    if (line[i] == '#' && !in_string) return std::string_view::npos;
    if (in_string) continue;
    for (const Fullwidth& f : kFullwidth)
      if (line.substr(i).starts_with(f.text)) {
        which = &f;
        return i;
      }
  }
  return std::string_view::npos;
}

bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

}  // namespace

std::optional<TextPos> find_invalid_utf8(std::string_view text) {
  TextPos pos;
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = n > 0 && i + n <= text.size() && !(c == 0xC0 || c == 0xC1 || c > 0xF4);
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!ok) return pos;
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
    i += n;
  }
  return std::nullopt;
}

ParseProblem explain_parse_error(std::string_view text, int line, int column, std::string_view description) {
  ParseProblem p{line, column, std::string(description), {}};
  // Look at the reported line and the one before it: a missing quote is often noticed a line late.
  for (int l : {line, line - 1}) {
    if (l < 1) continue;
    std::string_view here = line_of(text, l);
    const Fullwidth* which = nullptr;
    if (size_t at = first_fullwidth(here, which); at != std::string_view::npos) {
      return {l, column_of(here, at), which->en, which->zh};
    }
  }
  std::string_view here = line_of(text, line);
  if (contains(description, "escape") && contains(here, "\\")) {
    size_t at = here.find('\\');
    // The text around the backslash, with / for every \\: what the editor meant to write.
    const size_t open = here.rfind('"', at), close = here.find('"', at);
    std::string meant =
        open == std::string_view::npos
            ? std::string("pictures/bottle.png")
            : std::string(here.substr(
                  open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1));
    for (char& c : meant) c = c == '\\' ? '/' : c;
    return {line, column_of(here, at),
            "a backslash \\ starts an escape in TOML; use / in paths: \"" + meant + "\"",
            "TOML 里反斜杠 \\ 有特殊含义：路径里请用 /，写成 \"" + meant + "\""};
  }
  if (contains(description, "control character") || contains(description, "end of input") ||
      contains(description, "encountered end-of-line") || contains(description, "unterminated")) {
    size_t quote = here.find('"');
    return {line, quote == std::string_view::npos ? column : column_of(here, quote),
            "a text is missing its closing quote \"; add \" at the end of the text",
            "文字缺少结尾的英文引号 \"：请在文字末尾补上 \""};
  }
  // An odd number of quotes on the line: one was left out, and the parser tripped over the rest.
  int quotes = 0;
  for (size_t i = 0; i < here.size(); ++i) {
    if (here[i] == '\\')
      ++i;
    else if (here[i] == '"')
      ++quotes;
    else if (here[i] == '#' && quotes % 2 == 0)
      break;
  }
  if (quotes % 2 == 1) {
    size_t quote = here.find('"');
    return {line, column_of(here, quote),
            "a text is missing its closing quote \"; add \" at the end of the text",
            "文字缺少结尾的英文引号 \"：请在文字末尾补上 \""};
  }
  if (contains(description, "redefin") || contains(description, "already")) {
    const size_t key = here.find_first_not_of(" \t");  // the key or [table] given the second time
    // The parser names it last, in quotes: "cannot redefine existing table 'tip'".
    const size_t close = description.rfind('\''), open = close ? description.rfind('\'', close - 1) : close;
    const std::string name = open == std::string_view::npos || close == std::string_view::npos
                                 ? std::string("this key or table")
                                 : "'" + std::string(description.substr(open + 1, close - open - 1)) + "'";
    const int at = key == std::string_view::npos ? column : column_of(here, key);
    if (name.front() != '\'')
      return {line, at, "this key or table is given twice; keep one", "同一个键或表写了两次：请删掉一个"};
    return {line, at, "this key or table is given twice; keep one (" + name + " is given again here)",
            "同一个键或表写了两次：请删掉一个（" + name + " 在这里又写了一次）"};
  }
  if (contains(description, "expected digit") || contains(description, "parsing decimal") ||
      contains(description, "floating-point"))
    return {line, column,
            "a number has letters after it; numbers have no units (60, not 60s), and a text needs quotes",
            "数字后面不能有单位或文字（写 60，不写 60s）；文字要加英文引号 \"…\""};
  if (contains(description, "could not determine value type"))
    return {line, column,
            "this value is not TOML: a text needs straight quotes \"…\"; or write a number, true/false, [a "
            "list] or "
            "{ a table }",
            "这个值的写法不对：文字要加英文引号 \"…\"；或者写数字、true/false、[列表] 或 { 表 }"};
  p.zh = "TOML 格式错误：" + std::string(description);
  return p;
}

}  // namespace kiosk::content
