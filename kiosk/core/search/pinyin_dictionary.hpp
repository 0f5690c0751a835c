// Pinyin for the names editors write, derived at load time from a Debian pinyin dictionary so
// nobody types pinyin by hand. The format is Rime's (rime-data-luna-pinyin ships
// /usr/share/rime-data/luna_pinyin.dict.yaml): a YAML header ending with "...", then one entry a
// line, "TEXT<TAB>syllables separated by spaces[<TAB>weight]", where TEXT is a character or a word.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::search {

inline constexpr const char* kDefaultPinyinDictionary = "/usr/share/rime-data/luna_pinyin.dict.yaml";

class PinyinDictionary {
 public:
  // Keeps only the entries made of characters that occur in `wanted` (the item names), so a
  // 70 000-line dictionary costs a few kilobytes.
  static PinyinDictionary parse(std::string_view text, std::string_view wanted);
  // nullopt and a one-line `error` naming the file when it cannot be read.
  static std::optional<PinyinDictionary> load(const std::string& path, std::string_view wanted,
                                              std::string& error);

  bool empty() const { return chars_.empty(); }
  size_t character_count() const { return chars_.size(); }
  size_t word_count() const { return words_.size(); }

  // Every reading of a character, the most used first; null when the dictionary lacks it.
  const std::vector<std::string>* readings(char32_t c) const;

  // One list of alternatives per syllable of `text`: a Han character gives all its readings, the
  // reading it has inside a dictionary word first (the word knows the reading in context); a run of
  // ASCII letters or digits stands for itself; anything else is skipped. nullopt when a Han
  // character has no reading.
  std::optional<std::vector<std::vector<std::string>>> spell(std::string_view text) const;

 private:
  std::unordered_map<char32_t, std::vector<std::string>> chars_;
  std::unordered_map<std::string, std::vector<std::string>> words_;  // word -> one syllable a character
  size_t longest_word_ = 0;                                          // in characters
};

}  // namespace kiosk::search
