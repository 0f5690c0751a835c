// The waste search: finds items by Chinese name (any part of it), full pinyin ("kuangquanshuiping",
// or the start of it), pinyin initials ("kqsp"), English names and aliases (any word's start, any
// case), and forgives typos (one edit from 4 letters, two from 8; swapping two letters is one edit;
// the first letter must be right, which keeps the typo search small).
// Built once when content loads; find() is fast enough to run on every keystroke over 10 000 items.
//
// How: every searchable form of every name and alias is a key in one sorted array (the name, each
// part of it that starts at a word or character, its pinyin in every reading, its initials). A
// prefix search is a binary search; the typo search walks the same array as a trie with one row of
// an edit-distance table per letter, pruned as soon as the row exceeds the allowed edits.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/search/pinyin_dictionary.hpp"

namespace kiosk::search {

// How an item matched, best first: the order results are ranked in.
enum class Match : std::uint8_t {
  name_exact,   // the whole name (Chinese, English or its pinyin)
  name_prefix,  // the start of the name or its pinyin
  name_part,    // a word of the English name, part of the Chinese name, pinyin from a later character
  initials,     // the name's pinyin initials ("kqsp"), or their start
  alias,        // an alias, its pinyin or their start
  alias_part,   // part of an alias, or an alias's initials
  fuzzy_name,   // the name with a typo
  fuzzy_alias,  // an alias with a typo
};

struct Hit {
  std::uint32_t item = 0;  // index into the items the index was built from
  Match match = Match::name_exact;
  int alias = -1;  // the alias that matched, or -1 for the name
};

struct Results {
  std::vector<Hit> hits;  // best first, at most the limit asked for
  size_t total = 0;       // all matching items
};

class SearchIndex {
 public:
  SearchIndex() = default;
  // `dictionary` may be null or empty: Chinese and English names still match, pinyin does not.
  SearchIndex(const std::vector<WasteItem>& items, const PinyinDictionary* dictionary);

  Results find(std::string_view query, size_t limit = 60) const;

  bool has_pinyin() const { return has_pinyin_; }
  size_t item_count() const { return items_; }
  size_t key_count() const { return keys_.size(); }
  // Changes whenever an index is built, so callers can cache results per index.
  std::uint64_t id() const { return id_; }

 private:
  struct Key {
    std::uint32_t offset = 0;  // into text_
    std::uint16_t length = 0;
    std::uint8_t kind = 0;     // Kind below
    std::uint8_t variant = 0;  // 0: the preferred reading; higher: other readings of heteronyms
    std::uint32_t item = 0;
    std::int16_t alias = -1;
  };
  enum Kind : std::uint8_t {
    name_whole,
    name_part_key,
    name_initials,
    alias_whole,
    alias_part_key,
    alias_initials
  };

  std::string_view text(const Key& k) const { return std::string_view(text_).substr(k.offset, k.length); }
  void add(std::uint32_t item, int alias, std::string_view source, const PinyinDictionary* dictionary);
  void add_key(std::string_view s, Kind kind, std::uint32_t item, int alias, int variant);
  struct Scratch;
  void scan_prefix(std::string_view q, Scratch& s) const;
  void scan_fuzzy(std::string_view q, int max_edits, Scratch& s) const;

  std::vector<Key> keys_;  // sorted by text
  std::string text_;
  size_t items_ = 0;
  bool has_pinyin_ = false;
  std::uint64_t id_ = 0;
};

// Every name and alias of the items, for reading just their characters from the dictionary.
std::string searchable_text(const std::vector<WasteItem>& items);

// The index the kiosk uses: reads the dictionary at `dictionary_path` for the items' characters;
// when it is missing, logs one line and builds an index without pinyin.
SearchIndex build_waste_search(const std::vector<WasteItem>& items, const std::string& dictionary_path);
// How many build_waste_search calls ran on the calling thread: reading the dictionary and indexing a
// long list takes long enough to freeze a frame, so a test can check the UI thread never does it.
std::uint64_t waste_searches_built_on_this_thread();

}  // namespace kiosk::search
