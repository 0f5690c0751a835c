// Reads one TOML table of a content file the way an editor needs: every problem becomes a
// diagnostic with file, line and column; nothing throws; unknown keys are reported with a
// suggestion ("titel" -> "title"), so typos never pass silently.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/diagnostics.hpp"

namespace kiosk::content {

// The file being read: its name for messages and the pack's root for path checks.
struct FileCtx {
  std::string file;            // relative to the content folder, e.g. "waste.toml"
  std::filesystem::path root;  // the content folder
  Diagnostics& diags;
  std::map<std::string, SourcePos> pictures;  // every picture named, with where; checked by the loader

  // Every problem in a content file has both texts: the editor reads the pack's language.
  void error(const toml::source_region& at, const std::string& message, const std::string& message_zh);
  void warning(const toml::source_region& at, const std::string& message, const std::string& message_zh);
};

enum class Need { optional, required };

class TableReader {
 public:
  TableReader(const toml::table& table, FileCtx& ctx, std::string what);
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;
  // Reports keys that were never asked for.
  ~TableReader();

  std::string string(std::string_view key, Need need = Need::optional, std::string fallback = {});
  std::optional<double> number(std::string_view key, Need need = Need::optional);
  std::optional<long long> integer(std::string_view key, Need need = Need::optional);
  bool boolean(std::string_view key, bool fallback);
  // A point in time with its offset: a TOML date-time (2026-12-01T08:00:00+08:00) or the same quoted.
  std::optional<UnixTime> instant(std::string_view key, Need need = Need::optional);
  // {zh = "…", en = "…"}; a missing language is a warning, both missing (when required) an error.
  Text text(std::string_view key, Need need = Need::optional);
  std::vector<std::string> strings(std::string_view key);
  // A file inside the content folder; "..", absolute paths and links leaving the folder are errors.
  std::string picture(std::string_view key, Need need = Need::optional);
  const toml::table* table(std::string_view key, Need need = Need::optional);
  const toml::array* array(std::string_view key, Need need = Need::optional);
  // A key whose value is checked by the caller (e.g. one of a fixed set of words).
  void one_of(std::string_view key, const std::string& value,
              std::initializer_list<std::string_view> allowed);
  void one_of(std::string_view key, const std::string& value, const std::vector<std::string>& allowed);

  SourcePos pos() const;
  SourcePos pos(std::string_view key) const;
  const toml::source_region& region() const { return table_.source(); }
  // Where `key`'s value is (the table's heading when the key is absent): the place to fix.
  const toml::source_region& region(std::string_view key) const {
    const toml::node* node = table_.get(key);
    return node ? node->source() : table_.source();
  }
  const toml::table& raw() const { return table_; }  // every key as written, for cross-key checks
  FileCtx& ctx() { return ctx_; }

 private:
  const toml::node* get(std::string_view key, Need need);
  void wrong_type(const toml::node& node, std::string_view key, std::string_view expected);
  // `key`'s value as a T (toml::table, toml::array); nullptr when absent or of another type.
  template <typename T>
  const T* node_as(std::string_view key, Need need, std::string_view expected);

  const toml::table& table_;
  FileCtx& ctx_;
  std::string what_;
  std::set<std::string, std::less<>> used_;
};

// What is wrong with a content-relative path, in both languages; empty when it is safe.
struct PathProblem {
  std::string en;
  std::string zh;
  bool missing = false;  // the path is safe but names no file: worth a "did you mean"
  explicit operator bool() const { return !en.empty(); }
};
PathProblem check_content_path(const std::filesystem::path& root, const std::string& relative);

// Reports what is wrong with a picture path given at `node` (a Windows backslash, a path leaving the
// folder, a missing file with the closest existing one); true when the path is usable.
bool check_picture_path(FileCtx& ctx, const toml::node& node, std::string_view key, const std::string& rel);

// The existing file under `root` whose path is closest to `relative` (a case mismatch first), or
// empty when none is close; for "did you mean" on a wrong picture path.
std::string closest_file(const std::filesystem::path& root, const std::string& relative);

// The id in `valid` closest to a wrong one (a typo or two), or empty when none is close.
std::string closest_id(std::string_view wrong, const std::vector<std::string>& valid);

// "a, b, c": the valid ids, listed in a message about a wrong one.
std::string list_ids(const std::vector<std::string>& ids);

// What follows a message about a wrong id: "; did you mean 'x'? The categories are: a, b" and
// "；是不是 'x'？可用的类别：a, b" (noun_en "categories", noun_zh "类别").
struct ValidIds {
  std::string en;
  std::string zh;
};
ValidIds valid_ids(std::string_view wrong, const std::vector<std::string>& valid, const std::string& noun_en,
                   const std::string& noun_zh);

// Levenshtein distance, for "did you mean" suggestions.
int edit_distance(std::string_view a, std::string_view b);

}  // namespace kiosk::content
