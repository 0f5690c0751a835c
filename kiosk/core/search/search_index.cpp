#include "kiosk/core/search/search_index.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <set>

#include "kiosk/core/log.hpp"
#include "kiosk/core/search/search_text.hpp"

namespace kiosk::search {
namespace {

// A name with several heteronyms has a reading for every combination; past this many, only the
// preferred reading and each single change from it are kept (every reading still appears).
constexpr size_t kMaxVariants = 16;
constexpr size_t kMaxFuzzyQuery = 40;

std::vector<std::vector<std::string>> variants(const std::vector<std::vector<std::string>>& syllables) {
  size_t product = 1;
  for (const auto& alts : syllables) {
    product *= std::max<size_t>(alts.size(), 1);
    if (product > kMaxVariants) break;
  }
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> preferred;
  for (const auto& alts : syllables) preferred.push_back(alts.front());
  if (product <= kMaxVariants) {
    // Every combination, fewest non-preferred readings first.
    std::vector<std::pair<size_t, std::vector<size_t>>> combos;
    std::vector<size_t> index(syllables.size(), 0);
    for (size_t n = 0; n < product; ++n) {
      size_t rest = n, sum = 0;
      for (size_t k = 0; k < syllables.size(); ++k) {
        index[k] = rest % syllables[k].size();
        rest /= syllables[k].size();
        sum += index[k] != 0;
      }
      combos.emplace_back(sum, index);
    }
    std::stable_sort(combos.begin(), combos.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [sum, idx] : combos) {
      std::vector<std::string> v;
      for (size_t k = 0; k < syllables.size(); ++k) v.push_back(syllables[k][idx[k]]);
      out.push_back(std::move(v));
    }
    return out;
  }
  out.push_back(preferred);
  for (size_t k = 0; k < syllables.size(); ++k)
    for (size_t r = 1; r < syllables[k].size(); ++r) {
      std::vector<std::string> v = preferred;
      v[k] = syllables[k][r];
      out.push_back(std::move(v));
    }
  return out;
}

bool has_han(std::string_view s) {
  size_t i = 0;
  while (i < s.size())
    if (is_han(next_code_point(s, i))) return true;
  return false;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

// Rank of a match, smaller is better, packed so one integer compare orders results: how it
// matched, whether it was the whole key, the typo count, the reading, how much of the key was left
// untyped, and finally the content order.
std::uint64_t rank(Match m, bool whole, int edits, int variant, size_t left_over, std::uint32_t item) {
  return (static_cast<std::uint64_t>(m) << 56) | (static_cast<std::uint64_t>(whole ? 0 : 1) << 55) |
         (static_cast<std::uint64_t>(std::min(edits, 7)) << 52) |
         (static_cast<std::uint64_t>(std::min(variant, 255)) << 44) |
         (static_cast<std::uint64_t>(std::min<size_t>(left_over, 255)) << 36) | item;
}

std::atomic<std::uint64_t> next_id{1};
thread_local std::uint64_t waste_searches_built_here = 0;

}  // namespace

struct SearchIndex::Scratch {
  std::vector<std::uint64_t> best;
  std::vector<std::int16_t> alias;
  std::vector<std::uint32_t> touched;
  explicit Scratch(size_t items) : best(items, std::numeric_limits<std::uint64_t>::max()), alias(items, -1) {}
  void offer(std::uint32_t item, std::uint64_t r, std::int16_t which) {
    std::uint64_t& b = best[item];
    if (b == std::numeric_limits<std::uint64_t>::max()) touched.push_back(item);
    if (r < b) {
      b = r;
      alias[item] = which;
    }
  }
};

SearchIndex::SearchIndex(const std::vector<WasteItem>& items, const PinyinDictionary* dictionary)
    : items_(items.size()), id_(next_id++) {
  if (dictionary && dictionary->empty()) dictionary = nullptr;
  for (size_t i = 0; i < items.size(); ++i) {
    const WasteItem& item = items[i];
    const auto n = static_cast<std::uint32_t>(i);
    add(n, -1, item.name.zh, dictionary);
    add(n, -1, item.name.en, dictionary);
    for (size_t a = 0; a < item.aliases.size() && a < 32000; ++a)
      add(n, static_cast<int>(a), item.aliases[a], dictionary);
  }
  std::sort(keys_.begin(), keys_.end(), [&](const Key& a, const Key& b) {
    const int c = text(a).compare(text(b));
    if (c != 0) return c < 0;
    if (a.item != b.item) return a.item < b.item;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.variant < b.variant;
  });
  // The same text for the same item and kind only needs its best reading.
  keys_.erase(std::unique(keys_.begin(), keys_.end(),
                          [&](const Key& a, const Key& b) {
                            return a.item == b.item && a.kind == b.kind && text(a) == text(b);
                          }),
              keys_.end());
  keys_.shrink_to_fit();
  // Lay the text out in key order: the searches read neighbouring keys' letters.
  std::string sorted;
  sorted.reserve(text_.size());
  for (Key& k : keys_) {
    const std::string_view t = text(k);
    k.offset = static_cast<std::uint32_t>(sorted.size());
    sorted.append(t);
  }
  text_ = std::move(sorted);
}

void SearchIndex::add_key(std::string_view s, Kind kind, std::uint32_t item, int alias, int variant) {
  if (s.empty()) return;
  Key k;
  k.offset = static_cast<std::uint32_t>(text_.size());
  k.length = static_cast<std::uint16_t>(std::min<size_t>(s.size(), 0xFFFF));
  k.kind = kind;
  k.variant = static_cast<std::uint8_t>(std::min(variant, 255));
  k.item = item;
  k.alias = static_cast<std::int16_t>(alias);
  text_.append(s.substr(0, k.length));
  keys_.push_back(k);
}

void SearchIndex::add(std::uint32_t item, int alias, std::string_view source,
                      const PinyinDictionary* dictionary) {
  const std::string n = normalise(source);
  if (n.empty()) return;
  const bool is_alias = alias >= 0;
  const Kind whole = is_alias ? alias_whole : name_whole;
  const Kind part = is_alias ? alias_part_key : name_part_key;
  const Kind initials = is_alias ? alias_initials : name_initials;

  add_key(n, whole, item, alias, 0);
  if (n.find(' ') != std::string::npos)
    add_key(without_spaces(n), whole, item, alias, 0);  // "xray" for "X-ray"
  // Every word start, and every character of Chinese text ("利乐包" in "牛奶盒（利乐包）").
  char32_t prev = 0;
  for (size_t i = 0; i < n.size();) {
    const size_t at = i;
    const char32_t c = next_code_point(n, i);
    if (at > 0 && c != ' ' && (prev == ' ' || is_han(prev) || is_han(c)))
      add_key(n.substr(at), part, item, alias, 0);
    prev = c;
  }

  if (!dictionary || !has_han(n)) return;
  const auto syllables = dictionary->spell(n);
  if (!syllables || syllables->empty()) return;
  has_pinyin_ = true;
  std::set<std::string> seen_initials;
  const auto all = variants(*syllables);
  for (size_t v = 0; v < all.size(); ++v) {
    const auto& spelled = all[v];
    std::string full, first;
    for (const std::string& s : spelled) {
      full += s;
      first += s.front();
    }
    add_key(full, whole, item, alias, static_cast<int>(v));
    if (spelled.size() >= 2 && seen_initials.insert(first).second)
      add_key(first, initials, item, alias, static_cast<int>(v));
    if (v == 0) {
      // Pinyin from a later character: "quanshuiping" finds 矿泉水瓶.
      std::string tail = full;
      for (size_t k = 0; k + 1 < spelled.size(); ++k) {
        tail.erase(0, spelled[k].size());
        add_key(tail, part, item, alias, 0);
      }
    }
  }
}

namespace {

Match match_of(std::uint8_t kind, bool exact, bool fuzzy) {
  const bool alias = kind >= 3;
  const int form = kind % 3;  // 0 whole, 1 part, 2 initials
  if (fuzzy) return alias ? Match::fuzzy_alias : Match::fuzzy_name;
  if (!alias)
    return form == 0   ? (exact ? Match::name_exact : Match::name_prefix)
           : form == 1 ? Match::name_part
                       : Match::initials;
  return form == 0 ? Match::alias : Match::alias_part;
}

}  // namespace

void SearchIndex::scan_prefix(std::string_view q, Scratch& s) const {
  const auto lo = std::lower_bound(keys_.begin(), keys_.end(), q,
                                   [&](const Key& k, std::string_view v) { return text(k) < v; });
  // Keys that start with q follow each other; find the end by bisection so the loop below reads
  // only the compact key records, never their text.
  const auto hi =
      std::partition_point(lo, keys_.end(), [&](const Key& k) { return text(k).substr(0, q.size()) == q; });
  for (auto it = lo; it != hi; ++it) {
    const bool exact = it->length == q.size();
    s.offer(it->item,
            rank(match_of(it->kind, exact, false), exact, 0, it->variant, it->length - q.size(), it->item),
            it->alias);
  }
}

void SearchIndex::scan_fuzzy(std::string_view q, int max_edits, Scratch& s) const {
  const size_t m = q.size();
  if (m == 0 || m > kMaxFuzzyQuery) return;
  const size_t max_depth = m + static_cast<size_t>(max_edits);
  // rows[d * (m + 1) + j]: edits between the first d letters of the key and the first j of the query
  // (optimal string alignment: a swap of two neighbours is one edit).
  std::vector<std::uint8_t> rows((max_depth + 1) * (m + 1));
  for (size_t j = 0; j <= m; ++j) rows[j] = static_cast<std::uint8_t>(j);
  const auto ch = [&](size_t key, size_t depth) {
    return static_cast<unsigned char>(text_[keys_[key].offset + depth]);
  };
  const auto qc = [&](size_t j) { return static_cast<unsigned char>(q[j]); };

  const auto collect = [&](size_t lo, size_t hi, int edits) {
    for (size_t k = lo; k < hi; ++k) {
      const Key& key = keys_[k];
      if (key.kind % 3 == 2) continue;  // initials with a typo are noise
      s.offer(key.item,
              rank(match_of(key.kind, false, true), false, edits, key.variant, key.length, key.item),
              key.alias);
    }
  };

  // Depth-first over the sorted keys as a trie: [lo, hi) share their first `depth` letters. A key
  // matches when the query is within reach of some prefix of it: `best` is the fewest edits of a
  // prefix on the way down.
  auto walk = [&](auto& self, size_t lo, size_t hi, size_t depth, int best) -> void {
    size_t i = lo;
    while (i < hi && keys_[i].length == depth) ++i;  // keys that end here sort first
    const std::uint8_t* up = &rows[depth * (m + 1)];
    std::uint8_t* row = &rows[(depth + 1) * (m + 1)];
    while (i < hi) {
      const unsigned char c = ch(i, depth);
      if (c >= 0x80) break;  // Chinese text: typos are for letters
      size_t lo2 = i, hi2 = hi;
      while (lo2 < hi2) {  // the first key whose letter at `depth` is past c
        const size_t mid = (lo2 + hi2) / 2;
        if (ch(mid, depth) <= c)
          lo2 = mid + 1;
        else
          hi2 = mid;
      }
      const size_t end = lo2;
      // Residents rarely mistype the first letter; keeping it fixed makes the walk 26 times smaller.
      if (depth == 0 && c != qc(0)) {
        i = end;
        continue;
      }
      row[0] = static_cast<std::uint8_t>(depth + 1);
      int lowest = row[0];
      for (size_t j = 1; j <= m; ++j) {
        int v = std::min({up[j] + 1, row[j - 1] + 1, up[j - 1] + (c == qc(j - 1) ? 0 : 1)});
        if (depth >= 1 && j >= 2 && c == qc(j - 2) && ch(i, depth - 1) == qc(j - 1))
          v = std::min(v, rows[(depth - 1) * (m + 1) + j - 2] + 1);
        row[j] = static_cast<std::uint8_t>(std::min(v, 255));
        lowest = std::min(lowest, v);
      }
      const int here = std::min(best, static_cast<int>(row[m]));
      if (lowest <= max_edits && lowest < here && depth + 1 < max_depth) {
        // Deeper letters may still do better: keys ending here take what is known, the rest go on.
        size_t ends = i;
        while (ends < end && keys_[ends].length == depth + 1) ++ends;
        if (here <= max_edits) collect(i, ends, here);
        self(self, i, end, depth + 1, here);
      } else if (here <= max_edits) {
        collect(i, end, here);
      }
      i = end;
    }
  };
  walk(walk, 0, keys_.size(), 0, static_cast<int>(m));
}

Results SearchIndex::find(std::string_view query, size_t limit) const {
  Results out;
  const std::string q = normalise(query);
  if (q.empty() || keys_.empty()) return out;
  Scratch s(items_);
  scan_prefix(q, s);
  const std::string compact = without_spaces(q);
  if (compact != q) scan_prefix(compact, s);
  if (is_ascii(q)) {
    const size_t letters = compact.size();
    const int edits = letters >= 8 ? 2 : letters >= 4 ? 1 : 0;
    if (edits > 0) {
      scan_fuzzy(q, edits, s);
      if (compact != q) scan_fuzzy(compact, edits, s);
    }
  }
  out.total = s.touched.size();
  const size_t n = std::min(limit, s.touched.size());
  std::partial_sort(s.touched.begin(), s.touched.begin() + static_cast<std::ptrdiff_t>(n), s.touched.end(),
                    [&](std::uint32_t a, std::uint32_t b) { return s.best[a] < s.best[b]; });
  out.hits.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::uint32_t item = s.touched[i];
    out.hits.push_back({item, static_cast<Match>(s.best[item] >> 56), s.alias[item]});
  }
  return out;
}

std::string searchable_text(const std::vector<WasteItem>& items) {
  std::string out;
  for (const WasteItem& item : items) {
    out += item.name.zh;
    for (const std::string& a : item.aliases) out += a;
  }
  return out;
}

SearchIndex build_waste_search(const std::vector<WasteItem>& items, const std::string& dictionary_path) {
  ++waste_searches_built_here;
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  std::optional<PinyinDictionary> dictionary =
      PinyinDictionary::load(dictionary_path, searchable_text(items), error);
  if (!dictionary)
    log::warning(error + "; searching by pinyin is off (Chinese and English names still match)");
  SearchIndex index(items, dictionary ? &*dictionary : nullptr);
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  log::debug("waste search: " + std::to_string(items.size()) + " items, " +
             std::to_string(index.key_count()) + " keys, " + std::to_string(static_cast<int>(ms)) + " ms");
  return index;
}

std::uint64_t waste_searches_built_on_this_thread() {
  return waste_searches_built_here;
}

}  // namespace kiosk::search
