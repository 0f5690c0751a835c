// The offline cache and history: one SQLite file (WAL, synchronous=FULL) in the cache folder holding
// every source's last good readings and stations, its health and conditional-request validators, and
// hourly history per station and metric (pruned to history_days). The kiosk starts from it with the
// network cut. Plain columns only (INTEGER, REAL, TEXT): the file moves between architectures.
//
// Why FULL and not NORMAL: in WAL mode NORMAL survives a process crash but may lose the last commits on
// power loss; writes here are a few per minute, so an fsync per commit costs nothing noticeable and a
// kiosk whose power is cut keeps exactly what it had shown.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/snapshot.hpp"
#include "kiosk/data/source_fetch.hpp"

struct sqlite3;

namespace kiosk::data {

struct CachedSource {
  SourceStatus status;
  Validators validators;
  std::string url;  // redacted URL the data came from; a changed URL invalidates validators
  std::vector<Reading> latest;
  std::vector<StationInfo> stations;
};

struct CacheContents {
  std::map<std::string, CachedSource> sources;              // by source id
  std::map<SeriesKey, std::map<UnixTime, double>> history;  // hour → value
};

class Cache {
 public:
  // Opens (creating when needed) <dir>/kiosk-cache.sqlite; nullptr and `error` set when it cannot.
  // A file that is not a readable database is moved aside (…sqlite.broken) and a new one started, so a
  // damaged cache never keeps the kiosk from starting.
  static std::unique_ptr<Cache> open(const std::filesystem::path& dir, std::string& error);
  // Read-only, to load what a cache holds when it cannot be opened for writing (a full or read-only
  // disk); nullptr when there is none or it cannot be read either.
  static std::unique_ptr<Cache> open_to_read(const std::filesystem::path& dir);
  ~Cache();
  Cache(const Cache&) = delete;
  Cache& operator=(const Cache&) = delete;

  // One transaction: replaces the source's latest readings and stations, adds history, prunes. A failed
  // commit (a full or read-only disk, a failing fsync) is rolled back, so the next save starts clean.
  bool save_success(const std::string& source, const std::string& url, const std::vector<Reading>& latest,
                    const std::vector<StationInfo>& stations, const std::vector<Reading>& history,
                    const SourceStatus& status, const Validators& validators, UnixTime now);
  // Records a failure (status only; the last good readings stay).
  bool save_status(const SourceStatus& status);

  CacheContents load(UnixTime now);

  double history_days = 7;
  std::size_t max_history_rows =
      100000;  // past it the oldest hours are deleted (FetchOptions::max_history_rows)
  const std::string& last_error() const { return error_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  Cache() = default;
  bool exec(const char* sql);
  bool add_missing_columns();
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  std::string error_;
};

}  // namespace kiosk::data
