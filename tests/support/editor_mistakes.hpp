// The mistakes of issue 19 that a content editor makes, each as a change to the bundled pack with
// where the message must point and what it must say in both languages. One table, run through
// check-content and render (tests/app) and through hot reload on a running kiosk (tests/reload).
#pragma once
#include <stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "support/run_command.hpp"

namespace kiosk::test {

enum class Change {
  replace,         // `from` in `file` becomes `to`
  whole_file,      // `file` holds just `to`
  remove,          // `file` is deleted
  cut_short_jpeg,  // as replace, and the JPEG `to` names was copied only half-way
};

struct EditorMistake {
  const char* name;
  const char* file;
  Change change;
  const char* from;
  const char* to;  // '^' marks the character the message must point at; none: the whole file
  const char* en;  // after "FILE:LINE:COL: error: "
  const char* zh;  // after "FILE:LINE:COL: 错误："
};

// Test names and failure messages name the mistake, not its bytes.
inline void PrintTo(const EditorMistake& m, std::ostream* os) {
  *os << m.name;
}

inline constexpr const char* kCutShortJpeg = "pictures/new-photo.jpg";

// clang-format off
inline const EditorMistake kEditorMistakes[] = {
    // What a Chinese keyboard types instead of TOML's ASCII punctuation.
    {"ChineseQuotes", "waste.toml", Change::replace, "name = { zh = \"可回收物\"", "name = { zh = ^“可回收物”",
     "Chinese quotes “ ” are not TOML quotes; change them to \"", "把中文引号 “ ” 改成英文引号 \""},
    {"FullWidthEquals", "waste.toml", Change::replace, "id = \"recyclable\"", "id ^＝ \"recyclable\"",
     "the full-width equals sign ＝ must be the ASCII =", "把全角等号 ＝ 改成英文等号 ="},
    {"ChineseColon", "waste.toml", Change::replace, "id = \"recyclable\"", "id^：\"recyclable\"",
     "the Chinese colon ： must be an ASCII = between key and value", "键和值之间要用英文等号 =，不能用中文冒号 ："},
    {"ChineseComma", "waste.toml", Change::replace, "zh = \"可回收物\", en", "zh = \"可回收物\"^， en",
     "the Chinese comma ， must be the ASCII ,", "把中文逗号 ， 改成英文逗号 ,"},
    // What the parser said in its own words before.
    {"MissingClosingQuote", "waste.toml", Change::replace, "id = \"recyclable\"", "id = ^\"recyclable",
     "a text is missing its closing quote \"; add \" at the end of the text", "文字缺少结尾的英文引号 \"：请在文字末尾补上 \""},
    {"DuplicatedKey", "waste.toml", Change::replace, "id = \"recyclable\"", "id = \"recyclable\"\n^id = \"recyclable\"",
     "this key or table is given twice; keep one ('id' is given again here)",
     "同一个键或表写了两次：请删掉一个（'id' 在这里又写了一次）"},
    {"WasteSavedAsGbk", "waste.toml", Change::replace, "name = { zh = \"可回收物\"",
     "name = { zh = \"^\xbf\xc9\xbb\xd8\xca\xd5\xce\xef\"",
     "the file is not saved as UTF-8 (perhaps GBK, as Windows Notepad saves Chinese); save it as UTF-8",
     "文件不是 UTF-8 编码（可能是记事本保存的 GBK）：请把文件另存为 UTF-8"},
    {"WindowsPathEscape", "kiosk.toml", Change::replace, "picture = \"pictures/map.png\"", "picture = \"pictures^\\map.png\"",
     "a backslash \\ starts an escape in TOML; use / in paths: \"pictures/map.png\"",
     "TOML 里反斜杠 \\ 有特殊含义：路径里请用 /，写成 \"pictures/map.png\""},
    {"WindowsPathBackspace", "bays.toml", Change::replace, "photos = [\"pictures/bay-taozi-photo.png\"]",
     "photos = [^\"pictures\\bay-taozi-photo.png\"]",
     "'photos': a backslash \\ in a path starts an escape in TOML; use / in paths: \"pictures/bay-taozi-photo.png\"",
     "'photos'：路径里请用 / 而不是 \\，写成 \"pictures/bay-taozi-photo.png\""},
    // Wrong values: the message points at the value and lists what is valid.
    {"WrongCategory", "waste.toml", Change::replace, "category = \"recyclable\"", "category = ^\"recycle\"",
     "waste item 'old-newspaper' has category 'recycle', which waste.toml does not define; did you mean 'recyclable'? The categories are: "
     "recyclable, hazardous, kitchen, other",
     "物品 'old-newspaper' 的类别 'recycle' 在 waste.toml 里没有定义；是不是 'recyclable'？可用的类别：recyclable, hazardous, kitchen, other"},
    {"WrongColour", "waste.toml", Change::replace, "color = \"#1565C0\"", "color = ^\"blue\"",
     "'color' must look like \"#1F6FB5\", not 'blue'", "'color' 必须写成 \"#1F6FB5\" 这样"},
    {"WrongAnswer", "quiz.toml", Change::replace, "answer = 4", "answer = ^9",
     "'answer' must be the number of one of the choices (1 to 4)", "'answer' 必须是其中一个选项的序号（1 到 4）"},
    {"WrongSource", "stations.toml", Change::replace, "source = \"demo-air\"", "source = ^\"demo-ari\"",
     "station 'air-harbour' names source 'demo-ari', which sources.toml does not define; did you mean 'demo-air'? The sources are: ",
     "站点 'air-harbour' 的来源 'demo-ari' 在 sources.toml 里没有定义；是不是 'demo-air'？可用的来源："},
    {"WrongBayTarget", "bays.toml", Change::replace, "targets = [\"bay-national-beautiful\"",
     "targets = [^\"bay-national-beautifull\"",
     "bay 'taozi-bay' shows target 'bay-national-beautifull', which targets.toml does not define; did you mean "
     "'bay-national-beautiful'? The targets are: ",
     "海湾页 'taozi-bay' 的目标 'bay-national-beautifull' 在 targets.toml 里没有定义；是不是 'bay-national-beautiful'？可用的目标："},
    // Files emptied, deleted or copied half-way.
    {"EmptyWaste", "waste.toml", Change::whole_file, "", "",
     "file is empty, so the waste guide (categories and items) would be empty",
     "文件是空的，垃圾分类指南（类别和物品）将为空"},
    {"DeletedWaste", "waste.toml", Change::remove, "", "",
     "file is missing, so the waste guide (categories and items) would be empty",
     "文件不存在，垃圾分类指南（类别和物品）将为空"},
    {"HalfSavedWaste", "waste.toml", Change::whole_file, "",
     "[[category]]\nid = \"recyclable\"\nname = { zh = \"可回收物\", en = \"R\" }\ncolor = \"#1565C0\"\n",
     "no entries: the waste guide (categories and items) would be empty", "没有任何条目：垃圾分类指南（类别和物品）将为空"},
    {"CutShortJpeg", "bays.toml", Change::cut_short_jpeg, "photos = [\"pictures/bay-taozi-photo.png\"]",
     "photos = [^\"pictures/new-photo.jpg\"]",
     "picture 'pictures/new-photo.jpg': the picture file is cut short or damaged (perhaps not fully copied); copy it again",
     "图片 'pictures/new-photo.jpg'：图片文件不完整（可能没有复制完），请重新复制"},
    {"MissingLevels", "levels.toml", Change::remove, "", "",
     "file is missing, so the AQI levels' names and advice would be empty", "文件不存在，空气质量等级的名称和建议将为空"},
    {"EmptyLevels", "levels.toml", Change::whole_file, "", "",
     "file is empty, so the AQI levels' names and advice would be empty", "文件是空的，空气质量等级的名称和建议将为空"},
    {"MissingStrings", "strings.toml", Change::remove, "", "", "file is missing", "文件不存在"},
    {"EmptyStrings", "strings.toml", Change::whole_file, "", "", "file is empty", "文件是空的"},
    {"StringsSavedAsGbk", "strings.toml", Change::whole_file, "",
     "[home]\ntitle = { zh = \"^\xca\xd7\xd2\xb3\", en = \"Home\" }\n",
     "the file is not saved as UTF-8", "文件不是 UTF-8 编码（可能是记事本保存的 GBK）：请把文件另存为 UTF-8"},
};
// clang-format on

// "FILE:LINE:COL" of byte `at` of `text` (columns count characters, as the kiosk does).
inline std::string position_in(const std::string& file, const std::string& text, size_t at) {
  int line = 1, column = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // ASCII or the first byte of a UTF-8 character
    }
  }
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// A small JPEG with only its first half copied, as a file manager leaves it when the copy stops.
inline void write_cut_short_jpeg(const std::string& path) {
  std::vector<unsigned char> rgb(64 * 48 * 3);
  for (size_t i = 0; i < rgb.size(); ++i) rgb[i] = static_cast<unsigned char>(i * 7);
  std::string jpeg;
  stbi_write_jpg_to_func(
      [](void* to, void* data, int size) {
        static_cast<std::string*>(to)->append(static_cast<char*>(data), size);
      },
      &jpeg, 64, 48, 3, rgb.data(), 90);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << jpeg.substr(0, jpeg.size() / 2);
}

// Makes the mistake in the pack at `dir`; returns where the message must point.
inline std::string make_mistake(const std::filesystem::path& dir, const EditorMistake& m) {
  const std::filesystem::path path = dir / m.file;
  if (m.change == Change::remove) {
    std::filesystem::remove(path);
    return m.file;
  }
  std::string text = m.change == Change::whole_file ? "" : slurp(path);
  const size_t at = m.change == Change::whole_file ? 0 : text.find(m.from);
  if (at == std::string::npos) return "(not in the bundled " + std::string(m.file) + ": " + m.from + ")";
  std::string to = m.to;
  const size_t mark = to.find('^');
  if (mark != std::string::npos) to.erase(mark, 1);
  text.replace(at, std::string(m.from).size(), to);
  if (m.change == Change::cut_short_jpeg)
    write_cut_short_jpeg(dir / kCutShortJpeg);  // copied before it is named
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return mark == std::string::npos ? std::string(m.file) : position_in(m.file, text, at + mark);
}

}  // namespace kiosk::test
