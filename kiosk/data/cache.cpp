// SQLite cache and history (see cache.hpp).
#include "kiosk/data/cache.hpp"

#include <sqlite3.h>

#include <chrono>
#include <optional>
#include <thread>
#include <type_traits>

#include <algorithm>

#include "kiosk/core/metrics.hpp"

namespace kiosk::data {
namespace fs = std::filesystem;

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS source_state (
  id TEXT PRIMARY KEY, url TEXT NOT NULL DEFAULT '', state INTEGER NOT NULL, last_success INTEGER NOT NULL,
  last_attempt INTEGER NOT NULL, last_error TEXT NOT NULL, failures INTEGER NOT NULL,
  etag TEXT NOT NULL DEFAULT '', last_modified TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS latest (
  source TEXT NOT NULL, station TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL,
  observed_at INTEGER NOT NULL, fetched_at INTEGER NOT NULL, flag INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source, station, metric));
CREATE TABLE IF NOT EXISTS station (
  source TEXT NOT NULL, id TEXT NOT NULL, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, lat REAL NOT NULL,
  lon REAL NOT NULL, has_position INTEGER NOT NULL, service INTEGER NOT NULL DEFAULT 0,
  is_virtual INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (source, id));
CREATE TABLE IF NOT EXISTS history (
  station TEXT NOT NULL, metric TEXT NOT NULL, hour INTEGER NOT NULL, value REAL NOT NULL,
  PRIMARY KEY (station, metric, hour)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS history_by_hour ON history (hour);
INSERT OR IGNORE INTO meta VALUES ('schema', '1');
)sql";

// Columns added after the first release, for caches created before them (the defaults read as before).
constexpr struct {
  const char* table;
  const char* column;
  const char* declaration;
} kAddedColumns[] = {
    {"latest", "flag", "INTEGER NOT NULL DEFAULT 0"},
    {"station", "service", "INTEGER NOT NULL DEFAULT 0"},
    {"station", "is_virtual", "INTEGER NOT NULL DEFAULT 0"},
};

struct Statement {
  sqlite3_stmt* s = nullptr;
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
  ~Statement() { sqlite3_finalize(s); }
  explicit operator bool() const { return s != nullptr; }
  void text(int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void integer(int i, long long v) { sqlite3_bind_int64(s, i, v); }
  void real(int i, double v) { sqlite3_bind_double(s, i, v); }
  // Binds `values` to ?1, ?2, … in order and runs the statement once.
  template <typename... Values>
  bool run_with(const Values&... values) {
    int i = 0;
    (bind(++i, values), ...);
    return run();
  }
  template <typename Value>
  void bind(int i, const Value& v) {
    if constexpr (std::is_floating_point_v<Value>)
      real(i, v);
    else if constexpr (std::is_integral_v<Value> || std::is_enum_v<Value>)
      integer(i, static_cast<long long>(v));
    else
      text(i, v);
  }
  bool run() {
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
  }
  bool row() { return sqlite3_step(s) == SQLITE_ROW; }
  std::string col_text(int i) {
    const unsigned char* t = sqlite3_column_text(s, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  long long col_int(int i) { return sqlite3_column_int64(s, i); }
  // An enum stored as its number (0 … `last`); nothing for a number this build does not know (a newer
  // build wrote it, or the row is damaged).
  template <typename Enum>
  std::optional<Enum> col_enum(int i, Enum last) {
    const long long n = col_int(i);
    if (n < 0 || n > static_cast<long long>(last)) return std::nullopt;
    return static_cast<Enum>(n);
  }
  double col_real(int i) { return sqlite3_column_double(s, i); }
  // Reads the current row's columns 0, 1, … into `fields` in order.
  template <typename... Fields>
  void columns(Fields&... fields) {
    int i = 0;
    (column(i++, fields), ...);
  }
  template <typename Field>
  void column(int i, Field& f) {
    if constexpr (std::is_same_v<Field, bool>)
      f = col_int(i) != 0;
    else if constexpr (std::is_floating_point_v<Field>)
      f = col_real(i);
    else if constexpr (std::is_integral_v<Field>)
      f = static_cast<Field>(col_int(i));
    else
      f = col_text(i);
  }
};

sqlite3* open_db(const fs::path& path, std::string& error, int& code) {
  sqlite3* db = nullptr;
  code = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                         nullptr);
  if (code != SQLITE_OK) {
    error = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 2000);
  return db;
}

// SQLITE_OK, SQLITE_CORRUPT when the check finds damage, or the error that stopped it.
int quick_check(sqlite3* db) {
  Statement q(db, "PRAGMA quick_check");
  if (!q) return sqlite3_errcode(db) & 0xff;
  if (!q.row()) return sqlite3_errcode(db) & 0xff;
  return q.col_text(0) == "ok" ? SQLITE_OK : SQLITE_CORRUPT;
}

}  // namespace

bool Cache::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    error_ = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    return false;
  }
  return true;
}

bool Cache::add_missing_columns() {
  for (const auto& c : kAddedColumns) {
    Statement q(db_, "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2");
    q.text(1, c.table);
    q.text(2, c.column);
    if (!q || !q.row()) return false;
    if (q.col_int(0) > 0) continue;
    const std::string sql =
        std::string("ALTER TABLE ") + c.table + " ADD COLUMN " + c.column + " " + c.declaration;
    if (!exec(sql.c_str())) return false;
  }
  return true;
}

std::unique_ptr<Cache> Cache::open(const fs::path& dir, std::string& error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::unique_ptr<Cache> cache(new Cache());
  cache->path_ = dir / "kiosk-cache.sqlite";
  bool set_aside = false;
  for (int attempt = 0; attempt < 3; ++attempt) {
    int code = SQLITE_OK;
    cache->db_ = open_db(cache->path_, error, code);
    if (cache->db_) {
      cache->error_.clear();
      if (!cache->exec("PRAGMA journal_mode=WAL") || !cache->exec("PRAGMA synchronous=FULL"))
        code = sqlite3_errcode(cache->db_) & 0xff;
      else if ((code = quick_check(cache->db_)) != SQLITE_OK)
        cache->error_ =
            code == SQLITE_CORRUPT ? "the cache failed its integrity check" : sqlite3_errmsg(cache->db_);
      else if (!cache->exec(kSchema) || !cache->add_missing_columns())
        code = sqlite3_errcode(cache->db_) & 0xff;
      else
        return cache;
      error = cache->error_.empty() ? sqlite3_errmsg(cache->db_) : cache->error_;
      sqlite3_close(cache->db_);
      cache->db_ = nullptr;
    }
    if ((code == SQLITE_CORRUPT || code == SQLITE_NOTADB) && !set_aside) {
      // Damaged: keep the file for a post-mortem and start empty (the cache only saves re-fetching).
      // Only damage does this: a busy, full or read-only disk leaves a good cache where it is.
      set_aside = true;
      for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::path p = cache->path_.string() + suffix;
        if (fs::exists(p, ec)) fs::rename(p, p.string() + ".broken", ec);
      }
    } else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
      break;
    } else if (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_FULL || code == SQLITE_IOERR) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));  // may clear: try again, keep the file
    } else {
      break;  // read-only, no permission, …: keep the file, run without a cache
    }
  }
  return nullptr;
}

std::unique_ptr<Cache> Cache::open_to_read(const fs::path& dir) {
  std::unique_ptr<Cache> cache(new Cache());
  cache->path_ = dir / "kiosk-cache.sqlite";
  std::error_code ec;
  if (!fs::exists(cache->path_, ec)) return nullptr;
  // Exclusive locking set before the first read keeps the WAL index in memory: the -shm file it would
  // otherwise create or grow needs the very disk space that is missing. Nothing is written (the WAL's
  // last commits are read, not checkpointed). A read-only disk cannot be opened so: SQLite reads the WAL
  // through a read-only -shm when there is one, else the database as of its last checkpoint is what
  // there is.
  const std::string uri_ro = "file:" + cache->path_.string() + "?immutable=1";
  const struct {
    const char* name;
    int flags;
    bool exclusive;
  } ways[] = {{cache->path_.c_str(), SQLITE_OPEN_READWRITE, true},
              {cache->path_.c_str(), SQLITE_OPEN_READONLY, false},
              {uri_ro.c_str(), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, false}};
  for (const auto& way : ways) {
    if (sqlite3_open_v2(way.name, &cache->db_, way.flags | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK &&
        (!way.exclusive || cache->exec("PRAGMA locking_mode=EXCLUSIVE")) &&
        quick_check(cache->db_) == SQLITE_OK)
      return cache;
    sqlite3_close(cache->db_);
    cache->db_ = nullptr;
  }
  return nullptr;
}

Cache::~Cache() {
  if (db_) sqlite3_close(db_);
}

bool Cache::save_success(const std::string& source, const std::string& url,
                         const std::vector<Reading>& latest, const std::vector<StationInfo>& stations,
                         const std::vector<Reading>& history, const SourceStatus& status,
                         const Validators& validators, UnixTime now) {
  if (!exec("BEGIN IMMEDIATE")) return false;
  bool ok = true;
  {
    // A source's rows are replaced whole, so a station or metric its portal dropped does not linger.
    const auto replace_rows = [&](const char* delete_sql, const char* insert_sql, const auto& rows,
                                  const auto& insert_row) {
      ok = ok && Statement(db_, delete_sql).run_with(source);
      Statement ins(db_, insert_sql);
      for (const auto& row : rows) ok = ok && insert_row(ins, row);
    };
    replace_rows("DELETE FROM latest WHERE source = ?1",
                 "INSERT OR REPLACE INTO latest (source, station, metric, value, unit, observed_at, "
                 "fetched_at, flag) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                 latest, [&](Statement& ins, const Reading& r) {
                   return ins.run_with(source, r.station, r.metric, r.value, r.unit, r.observed_at,
                                       r.fetched_at, static_cast<int>(r.flag));
                 });
    replace_rows("DELETE FROM station WHERE source = ?1",
                 "INSERT OR REPLACE INTO station (source, id, name_zh, name_en, lat, lon, has_position, "
                 "service, is_virtual) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                 stations, [&](Statement& ins, const StationInfo& s) {
                   return ins.run_with(source, s.id, s.name_zh, s.name_en, s.lat, s.lon,
                                       s.has_position ? 1 : 0, static_cast<int>(s.service),
                                       s.is_virtual ? 1 : 0);
                 });
    const UnixTime oldest = now - static_cast<UnixTime>(history_days * 86400);
    Statement h(db_, "INSERT OR REPLACE INTO history VALUES (?1, ?2, ?3, ?4)");
    for (const auto& r : history) {
      if (r.observed_at < oldest || !r.measured()) continue;
      const UnixTime hour = r.observed_at - ((r.observed_at % 3600) + 3600) % 3600;
      ok = ok && h.run_with(r.station, r.metric, hour, r.value);
    }
    ok = ok && Statement(db_, "DELETE FROM history WHERE hour < ?1").run_with(oldest);
    // Past the row ceiling, whole hours go, oldest first: every hour at or before the newest row that
    // does not fit (no such row, NULL: nothing is deleted).
    ok = ok && Statement(db_,
                         "DELETE FROM history WHERE hour <= "
                         "(SELECT hour FROM history ORDER BY hour DESC LIMIT 1 OFFSET ?1)")
                   .run_with(static_cast<long long>(max_history_rows));
    ok = ok &&
         Statement(db_, "INSERT OR REPLACE INTO source_state VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
             .run_with(status.id, url, status.state, status.last_success, status.last_attempt,
                       status.last_error, status.consecutive_failures, validators.etag,
                       validators.last_modified);
  }
  if (!ok) {
    error_ = sqlite3_errmsg(db_);
    exec("ROLLBACK");
    return false;
  }
  if (exec("COMMIT")) return true;
  // SQLite may keep the transaction open after a failed COMMIT; left so, every later BEGIN would fail
  // ("cannot start a transaction within a transaction") long after the disk came back.
  const std::string failure = error_;
  if (!sqlite3_get_autocommit(db_)) exec("ROLLBACK");
  error_ = failure;
  return false;
}

bool Cache::save_status(const SourceStatus& status) {
  Statement up(db_,
               "INSERT INTO source_state (id, state, last_success, last_attempt, last_error, failures) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET state = ?2, last_success = ?3, "
               "last_attempt = ?4, last_error = ?5, failures = ?6");
  if (!up.run_with(status.id, status.state, status.last_success, status.last_attempt, status.last_error,
                   status.consecutive_failures)) {
    error_ = sqlite3_errmsg(db_);
    return false;
  }
  return true;
}

namespace {
// A cache written before the plausibility rule (metrics.hpp) must not bring back a value the normaliser
// now rejects (1e308, a bike count of 1e10). Metrics the table does not know are kept as they are.
bool plausible(const std::string& metric, double value) {
  const Metric* m = find_metric(metric);
  return !m || is_plausible(*m, value);
}
}  // namespace

CacheContents Cache::load(UnixTime now) {
  CacheContents out;
  // One read transaction so the picture is consistent even if another process writes.
  exec("BEGIN");
  {
    Statement st(
        db_,
        "SELECT id, url, state, last_success, last_attempt, last_error, failures, etag, last_modified "
        "FROM source_state");
    while (st.row()) {
      CachedSource& c = out.sources[st.col_text(0)];
      c.status.id = st.col_text(0);
      c.url = st.col_text(1);
      c.status.state = st.col_enum(2, SourceState::failing).value_or(SourceState::never_fetched);
      c.status.last_success = st.col_int(3);
      c.status.last_attempt = st.col_int(4);
      c.status.last_error = st.col_text(5);
      c.status.consecutive_failures = static_cast<int>(st.col_int(6));
      c.validators = {st.col_text(7), st.col_text(8)};
    }
    Statement lt(db_,
                 "SELECT source, station, metric, value, unit, observed_at, fetched_at, flag FROM latest "
                 "ORDER BY source, station, metric");
    while (lt.row()) {
      Reading r;
      lt.columns(r.source, r.station, r.metric, r.value, r.unit, r.observed_at, r.fetched_at);
      // A flag this build does not know is not a measurement either: dropped, never shown as a number.
      const std::optional<ReadingFlag> flag = lt.col_enum(7, ReadingFlag::below_detection);
      if (!flag) continue;
      r.flag = *flag;
      if (!plausible(r.metric, r.value)) continue;
      out.sources[r.source].latest.push_back(std::move(r));
    }
    Statement sn(
        db_,
        "SELECT source, id, name_zh, name_en, lat, lon, has_position, service, is_virtual FROM station "
        "ORDER BY source, id");
    while (sn.row()) {
      StationInfo s;
      sn.columns(s.source, s.id, s.name_zh, s.name_en, s.lat, s.lon, s.has_position);
      s.service = sn.col_enum(7, StationService::no_returns).value_or(StationService::closed);
      s.is_virtual = sn.col_int(8) != 0;
      out.sources[s.source].stations.push_back(std::move(s));
    }
    Statement h(db_, "SELECT station, metric, hour, value FROM history WHERE hour >= ?1");
    h.integer(1, now - static_cast<UnixTime>(history_days * 86400));
    while (h.row())
      if (plausible(h.col_text(1), h.col_real(3)))
        out.history[{h.col_text(0), h.col_text(1)}][h.col_int(2)] = h.col_real(3);
  }
  exec("COMMIT");
  for (auto& [id, c] : out.sources)
    if (c.status.id.empty()) c.status.id = id;
  return out;
}

}  // namespace kiosk::data
