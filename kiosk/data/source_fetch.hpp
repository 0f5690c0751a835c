// Fetches one source once: builds its URL (content files become file:// URLs, secrets are read now and
// kept out of every message), runs the platform's adapter over as many requests as it needs, and
// returns normalised readings or one clear error line. Used by the worker, `kiosk fetch` and tests.
#pragma once
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/source_config.hpp"
#include "kiosk/data/http.hpp"
#include "kiosk/data/normalise.hpp"

namespace kiosk::data {

struct FetchSettings {
  std::filesystem::path content_dir;  // where scheme-less URLs live
  NetworkSettings network;            // a source's own ca_file and max_body_bytes win over these
  double max_fetch_seconds = 300;     // every request of one fetch together (at most kMaxFetchSecondsCeiling)
  // `{ file = … }` secrets must lie under this folder (the operator's setting, never the pack's).
  std::filesystem::path secret_dir = "/etc/kiosk";
  const std::atomic<bool>* cancel = nullptr;
  std::function<void()> on_progress;
};

// Conditional-request validators of a source's single-request response.
struct Validators {
  std::string etag;
  std::string last_modified;
};

// Feed files a platform keeps from one fetch of a source to the next, each until its own lifetime runs
// out (GBFS: gbfs.json and station_information, whose ttl is often a day, while station_status's is 0);
// then asked for again with its validators, so an unchanged file costs a 304. The worker holds one per
// source and drops it when the source changes; `kiosk fetch` starts empty.
struct KeptFeeds {
  struct Feed {
    std::string body;
    UnixTime expires_at = 0;
    Validators validators;
  };
  std::map<std::string, Feed> by_url;
};

struct SourceResult {
  bool ok = false;
  bool not_modified = false;  // 304: the last good readings are still current
  Batch batch;
  std::string error;  // one line, "source 'id' (platform): GET <url without secrets>: HTTP 503 …"
  // The portal refused the key or token (HTTP 401/403, ArcGIS 498/499, CKAN "Authorization Error"): the
  // worker waits its long delay rather than retrying as for an outage.
  bool auth_failed = false;
  long http_status = 0;
  std::optional<double> retry_after;  // from a 429/503
  std::optional<double> max_age;      // Cache-Control max-age or the feed's ttl
  Validators validators;              // to send next time (single-request sources only)
  int requests = 0;
};

SourceResult fetch_source(const SourceConfig& cfg, Transport& transport, const FetchSettings& settings,
                          const Validators& previous, UnixTime now, KeptFeeds* kept = nullptr);

// An error an adapter raises: the message, without the "source 'id' (platform): " prefix.
class SourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The portal refused the source's credentials (see SourceResult::auth_failed).
class AuthError : public SourceError {
 public:
  using SourceError::SourceError;
};

// What an adapter sees of the fetch: requests, the mapping rules and the output.
class Session {
 public:
  Session(const SourceConfig& cfg, Transport& transport, const FetchSettings& settings, Normaliser& norm,
          Batch& batch, SourceResult& result, const Validators& previous, KeptFeeds* kept = nullptr);

  const SourceConfig& cfg() const { return cfg_; }
  Normaliser& norm() { return norm_; }
  Batch& batch() { return batch_; }

  // The source URL with its configured query (secrets resolved) and `extra` parameters appended.
  // Parameters already in the URL or the configured query are not added twice.
  std::string url(const std::vector<std::pair<std::string, std::string>>& extra = {}) const;
  // Adds parameters to any URL (for next links and follow-up requests).
  static std::string with_params(std::string url,
                                 const std::vector<std::pair<std::string, std::string>>& params);
  bool has_param(const std::string& name) const;  // in the URL or the configured query

  // GETs `url`; throws SourceError for transport failures and HTTP errors, and for bodies that are not
  // JSON. With `conditional`, sends the previous fetch's validators (if any) and returns nullptr on 304.
  std::string* get(const std::string& url, bool conditional = false);
  // GETs `url` conditional on `validators`; nullptr on 304 (the fetch itself is not "not modified").
  std::string* get_if_changed(const std::string& url, const Validators& validators);

  // A feed file that may be reused: the body an earlier fetch kept while it is still fresh (`reused` is
  // set, nothing is requested), else get(url), conditional on the kept copy's validators (a 304 gives
  // the kept body back, not reused, so keep() starts its lifetime again). keep() holds the current body
  // for the next fetches.
  std::string* get_kept(const std::string& url, bool& reused);
  // Keeps `body` (the one get_kept returned) until `seconds` from the fetch time. Without a store (one-off
  // fetches) nothing is kept.
  void keep(const std::string& url, const std::string& body, double seconds);

  // Runs `parse` and turns JSON errors into a SourceError naming the URL and the JSON path/record.
  template <typename Fn>
  void parse(Fn&& fn) {
    try {
      fn();
    } catch (const simdjson::simdjson_error& e) {
      throw SourceError("GET " + redact(current_url_) + ": JSON error at " + norm_.where() + ": " + e.what());
    }
  }

  // Resolves a link found in a response (relative, absolute, or file:// for content files).
  std::string resolve(const std::string& base, const std::string& link) const;

  std::string redact(const std::string& url) const;  // secrets → "***"
  // Any text (an error line, a quoted upstream body): every secret value → "***".
  std::string redact_text(std::string text) const;
  const std::string& current_url() const { return current_url_; }

 private:
  const SourceConfig& cfg_;
  Transport& transport_;
  const FetchSettings& settings_;
  Normaliser& norm_;
  Batch& batch_;
  SourceResult& result_;
  std::string base_url_;              // with the configured query
  std::vector<std::string> headers_;  // "Name: value"
  std::vector<std::string> secrets_;  // values to redact (raw and URL-escaped)
  std::string origin_;                // scheme://host:port the headers and secrets belong to
  std::uint64_t fetched_bytes_ = 0;   // every response body of this fetch, for kMaxFetchBytesCeiling
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  const Validators& previous_;
  KeptFeeds* kept_;
  std::string current_url_;
  std::string body_;
  Validators body_validators_;                   // of the last response body
  const Validators* feed_validators_ = nullptr;  // get_if_changed's, for the request under way
  bool local_ = false;
};

// Platform adapters (kiosk/data/adapters/*.cpp) are declared and listed in kiosk/data/platforms.cpp.

// A secret's value from its environment variable or root-only file under `secret_dir`; throws
// SourceError naming the variable or file (never the value).
std::string read_secret(const SecretValue& v, const std::string& what,
                        const std::filesystem::path& secret_dir = "/etc/kiosk");

// A URL as it may be logged or stored: user info and parameters named like secrets (token, api_key, …)
// become "***". Values read from secrets are Session::redact's job.
std::string redact_url(const std::string& url);

}  // namespace kiosk::data
