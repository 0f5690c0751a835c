// Searches that found nothing, counted per normalised term so editors can add the items residents
// look for. Only the term and a count are kept: no time, no order, nothing about the person.
//
// The screen reports each frame that shows "nothing found"; a term counts once the resident has
// had it on screen for a few seconds, pressed Enter, or gave up (cleared it or left the screen).
// Typing on past it (the next letter, a backspace) does not count the half-typed word.
//
// The file is plain text, one "COUNT<TAB>TERM" a line, most searched first, written atomically at
// most every few minutes on a background thread, and once more when the kiosk stops.
#pragma once
#include <filesystem>
#include <future>
#include <map>
#include <string>
#include <string_view>

namespace kiosk::search {

struct MissedSearchSettings {
  double settle_seconds = 3;        // "nothing found" on screen this long: the term counts
  double save_every_seconds = 300;  // at most one write to the file this often
  size_t max_terms = 500;           // the least searched terms are dropped beyond this
  size_t max_term_length = 40;      // code points; longer input is not a word anyone searched for
};

class MissedSearches {
 public:
  explicit MissedSearches(MissedSearchSettings settings = {}) : settings_(settings) {}
  ~MissedSearches();
  MissedSearches(const MissedSearches&) = delete;
  MissedSearches& operator=(const MissedSearches&) = delete;

  // Keep the counts in `file` (the kiosk's cache/state folder): earlier counts are read back, a
  // broken line is skipped with one log line. Without a file the counts live in memory only.
  void keep_in(const std::filesystem::path& file);

  void shown(const std::string& term, double now);  // "nothing found" is on screen for this term
  void changed(bool cleared);                       // the search text changed; cleared: emptied or left
  void commit();                                    // Enter: count the term on screen now
  void tick(double now);                            // count a settled term, save when due

  const std::map<std::string, long>& counts() const { return counts_; }
  // Waits for a write in flight and writes what is unsaved.
  void flush();
  // Waits for a write in flight, if any.
  void wait_idle();

  static std::string format(const std::map<std::string, long>& counts);
  // Lines that do not read as "COUNT<TAB>TERM" are skipped; `bad_line` is the first such (1-based), or 0.
  static std::map<std::string, long> parse(std::string_view text, int& bad_line);

 private:
  void count_pending();
  void save(bool wait);

  MissedSearchSettings settings_;
  std::filesystem::path file_;
  std::map<std::string, long> counts_;
  std::string pending_;
  double pending_since_ = 0;
  bool pending_counted_ = false;
  bool dirty_ = false;
  double last_save_ = -1e18;
  std::future<void> writing_;
};

}  // namespace kiosk::search
