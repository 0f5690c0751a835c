#include "kiosk/core/search/pinyin_dictionary.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "kiosk/core/search/search_text.hpp"

namespace kiosk::search {
namespace {

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  size_t i = 0;
  while (i < s.size()) out.push_back(next_code_point(s, i));
  return out;
}

bool is_syllables(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || c == ' ')) return false;
  return true;
}

// "95%", "0.5" or nothing. A missing weight ranks in the middle: Rime leaves it out for a reading
// that is neither rare nor preferred.
double parse_weight(std::string_view s) {
  if (s.empty()) return 50;
  std::string v(s);
  if (!v.empty() && v.back() == '%') v.pop_back();
  char* end = nullptr;
  const double w = std::strtod(v.c_str(), &end);
  return end == v.c_str() ? 50 : w;
}

std::vector<std::string> split_spaces(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

PinyinDictionary PinyinDictionary::parse(std::string_view text, std::string_view wanted) {
  std::unordered_set<char32_t> want;
  for (char32_t c : code_points(wanted))
    if (is_han(c)) want.insert(c);

  struct Weighted {
    std::string syllable;
    double weight;
  };
  std::unordered_map<char32_t, std::vector<Weighted>> weighted;
  PinyinDictionary dict;

  // Entries start after the YAML document's end marker; a file without one is all entries.
  size_t pos = 0;
  if (size_t marker = text.find("\n...\n"); marker != std::string_view::npos) pos = marker + 5;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab1 = line.find('\t');
    if (tab1 == std::string_view::npos || tab1 == 0) continue;
    const size_t tab2 = line.find('\t', tab1 + 1);
    const std::string_view word = line.substr(0, tab1);
    const std::string_view code =
        line.substr(tab1 + 1, tab2 == std::string_view::npos ? std::string_view::npos : tab2 - tab1 - 1);
    if (!is_syllables(code)) continue;
    const std::vector<char32_t> chars = code_points(word);
    if (!std::all_of(chars.begin(), chars.end(), [&](char32_t c) { return want.count(c) > 0; })) continue;
    std::vector<std::string> syllables = split_spaces(code);
    if (syllables.size() != chars.size()) continue;
    if (chars.size() == 1) {
      auto& list = weighted[chars[0]];
      const double w =
          parse_weight(tab2 == std::string_view::npos ? std::string_view() : line.substr(tab2 + 1));
      auto same = std::find_if(list.begin(), list.end(),
                               [&](const Weighted& r) { return r.syllable == syllables[0]; });
      if (same == list.end())
        list.push_back({syllables[0], w});
      else
        same->weight = std::max(same->weight, w);
    } else {
      dict.words_.emplace(std::string(word), std::move(syllables));  // the first entry of a word wins
      dict.longest_word_ = std::max(dict.longest_word_, chars.size());
    }
  }
  for (auto& [c, list] : weighted) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Weighted& a, const Weighted& b) { return a.weight > b.weight; });
    auto& out = dict.chars_[c];
    for (auto& r : list) out.push_back(std::move(r.syllable));
  }
  return dict;
}

std::optional<PinyinDictionary> PinyinDictionary::load(const std::string& path, std::string_view wanted,
                                                       std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot be read";
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = path + ": read error";
    return std::nullopt;
  }
  PinyinDictionary dict = parse(buffer.str(), wanted);
  size_t i = 0;
  bool any_han = false;
  while (i < wanted.size() && !any_han) any_han = is_han(next_code_point(wanted, i));
  if (dict.empty() && any_han) {
    error = path + ": no pinyin entries for the item names (not a Rime dictionary?)";
    return std::nullopt;
  }
  return dict;
}

const std::vector<std::string>* PinyinDictionary::readings(char32_t c) const {
  auto it = chars_.find(c);
  return it == chars_.end() ? nullptr : &it->second;
}

std::optional<std::vector<std::vector<std::string>>> PinyinDictionary::spell(std::string_view text) const {
  const std::vector<char32_t> chars = code_points(text);
  // The reading each character has inside the longest dictionary word that covers it.
  std::vector<const std::string*> in_word(chars.size(), nullptr);
  for (size_t i = 0; i < chars.size();) {
    size_t taken = 1;
    for (size_t len = std::min(longest_word_, chars.size() - i); len >= 2; --len) {
      std::string word;
      for (size_t k = i; k < i + len; ++k) append_utf8(word, chars[k]);
      auto it = words_.find(word);
      if (it == words_.end()) continue;
      for (size_t k = 0; k < len; ++k) in_word[i + k] = &it->second[k];
      taken = len;
      break;
    }
    i += taken;
  }

  std::vector<std::vector<std::string>> out;
  for (size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i];
    if (c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
      std::string run;
      while (i < chars.size() && chars[i] < 0x80 &&
             ((chars[i] >= 'a' && chars[i] <= 'z') || (chars[i] >= '0' && chars[i] <= '9') ||
              (chars[i] >= 'A' && chars[i] <= 'Z'))) {
        char ch = static_cast<char>(chars[i]);
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        run += ch;
        ++i;
      }
      --i;
      out.push_back({std::move(run)});
      continue;
    }
    if (!is_han(c)) continue;
    const std::vector<std::string>* all = readings(c);
    if (!all) return std::nullopt;
    std::vector<std::string> alternatives;
    if (in_word[i]) alternatives.push_back(*in_word[i]);
    for (const std::string& r : *all)
      if (!in_word[i] || r != *in_word[i]) alternatives.push_back(r);
    out.push_back(std::move(alternatives));
  }
  return out;
}

}  // namespace kiosk::search
