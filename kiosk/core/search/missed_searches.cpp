#include "kiosk/core/search/missed_searches.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <vector>

#include "kiosk/core/atomic_file.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/search/search_text.hpp"

namespace kiosk::search {

MissedSearches::~MissedSearches() {
  flush();
}

void MissedSearches::keep_in(const std::filesystem::path& file) {
  file_ = file;
  std::ifstream in(file, std::ios::binary);
  if (!in) return;  // the first run: nothing counted yet
  std::stringstream buffer;
  buffer << in.rdbuf();
  int bad_line = 0;
  for (auto& [term, n] : parse(buffer.str(), bad_line)) counts_[term] += n;
  if (bad_line > 0)
    log::warning(file.string() + ":" + std::to_string(bad_line) + ":1: not COUNT<TAB>TERM; skipped");
}

void MissedSearches::shown(const std::string& term, double now) {
  if (term.empty() || code_point_count(term) > settings_.max_term_length) return;
  if (term == pending_) return;
  pending_ = term;
  pending_since_ = now;
  pending_counted_ = false;
}

void MissedSearches::changed(bool cleared) {
  if (cleared) count_pending();
  pending_.clear();
  pending_counted_ = false;
}

void MissedSearches::commit() {
  count_pending();
}

void MissedSearches::count_pending() {
  if (pending_.empty() || pending_counted_) return;
  ++counts_[pending_];
  pending_counted_ = true;
  dirty_ = true;
  if (counts_.size() > settings_.max_terms) {
    // Forget the least searched (the newest of them stays: it may be the start of a trend).
    auto lowest = counts_.end();
    for (auto it = counts_.begin(); it != counts_.end(); ++it)
      if (it->first != pending_ && (lowest == counts_.end() || it->second < lowest->second)) lowest = it;
    if (lowest != counts_.end()) counts_.erase(lowest);
  }
}

void MissedSearches::tick(double now) {
  if (!pending_.empty() && !pending_counted_ && now - pending_since_ >= settings_.settle_seconds)
    count_pending();
  if (dirty_ && !file_.empty() && now - last_save_ >= settings_.save_every_seconds) {
    if (writing_.valid() && writing_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    last_save_ = now;
    save(false);
  }
}

void MissedSearches::wait_idle() {
  if (writing_.valid()) writing_.wait();
}

void MissedSearches::flush() {
  wait_idle();
  if (dirty_ && !file_.empty()) save(true);
}

void MissedSearches::save(bool wait) {
  dirty_ = false;
  // The bytes are made here, on the caller's thread; only the disk work (fsync on an SD card can
  // take a while) runs in the background.
  auto write = [path = file_, bytes = format(counts_)] {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    std::string error;
    // What residents typed: private to the kiosk's user.
    if (!write_file_atomically(path.string(), bytes, error, 0600)) log::warning(error + " (missed searches)");
  };
  if (writing_.valid()) writing_.wait();
  if (wait)
    write();
  else
    writing_ = std::async(std::launch::async, std::move(write));
}

std::string MissedSearches::format(const std::map<std::string, long>& counts) {
  std::vector<std::pair<std::string, long>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out =
      "# Waste searches on this kiosk that found nothing: COUNT<TAB>TERM, most searched first.\n"
      "# Add the missing items (or aliases) to content/waste.toml. Only terms and counts are kept.\n";
  for (const auto& [term, n] : rows) out += std::to_string(n) + "\t" + term + "\n";
  return out;
}

std::map<std::string, long> MissedSearches::parse(std::string_view text, int& bad_line) {
  std::map<std::string, long> out;
  bad_line = 0;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    long n = 0;
    bool ok = tab != std::string_view::npos && tab > 0 && tab + 1 < line.size();
    for (size_t i = 0; ok && i < tab; ++i) {
      ok = line[i] >= '0' && line[i] <= '9' && n < 1'000'000'000;
      n = n * 10 + (line[i] - '0');
    }
    const std::string term = ok ? normalise(line.substr(tab + 1)) : std::string();
    if (!ok || term.empty()) {
      if (bad_line == 0) bad_line = line_no;
      continue;
    }
    out[term] += n;
  }
  return out;
}

}  // namespace kiosk::search
