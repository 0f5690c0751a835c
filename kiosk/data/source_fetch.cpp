// One fetch of one source (see source_fetch.hpp).
#include "kiosk/data/source_fetch.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "kiosk/core/one_line.hpp"
#include "kiosk/data/platforms.hpp"
#include "kiosk/data/portal_error.hpp"

namespace kiosk::data {
namespace fs = std::filesystem;

std::string read_secret(const SecretValue& v, const std::string& what, const fs::path& secret_dir) {
  if (!v.secret()) return v.literal;
  if (!v.env.empty()) {
    const char* value = std::getenv(v.env.c_str());
    if (!value || !*value) throw SourceError(what + ": environment variable " + v.env + " is not set");
    return value;
  }
  // Under the operator's folder only: a pack may not point a header at /home/kiosk/.ssh/id_ed25519
  // and have its contents sent to a portal. Checked after resolving links and "..".
  std::error_code ec;
  fs::path root = fs::weakly_canonical(secret_dir, ec);
  fs::path full = fs::weakly_canonical(fs::path(v.file), ec);
  auto [r, f] = std::mismatch(root.begin(), root.end(), full.begin(), full.end());
  if (ec || root.empty() || r != root.end() || full == root)
    throw SourceError(what + ": secret file " + v.file + " is not under " + secret_dir.string() +
                      " (secret files live in the operator's folder)");
  struct stat st {};
  if (::stat(full.c_str(), &st) != 0) throw SourceError(what + ": secret file " + v.file + " cannot be read");
  // Root-only: a secret readable by other users (or owned by someone else) is refused, so a misplaced
  // copy is noticed rather than silently used.
  if ((st.st_uid != 0 && st.st_uid != ::geteuid()) || (st.st_mode & 077) != 0)
    throw SourceError(what + ": secret file " + v.file +
                      " must be owned by root (or the kiosk user) with no group/other access (chmod 600)");
  std::ifstream in(full, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  if (text.empty()) throw SourceError(what + ": secret file " + v.file + " is empty");
  return text;
}

namespace {

bool has_scheme(const std::string& url) {
  return url.find("://") != std::string::npos;
}

// The query parameter names whose values are secrets even when written literally into a URL.
bool secret_param(std::string_view name) {
  std::string k;
  for (char c : name) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k == "token" || k == "api_key" || k == "apikey" || k == "key" || k == "access_token" ||
         k == "$$app_token" || k == "app_token" || k == "signature" || k == "sig" || k == "password" ||
         k == "appkey" || k == "secret";
}

}  // namespace

Session::Session(const SourceConfig& cfg, Transport& transport, const FetchSettings& settings,
                 Normaliser& norm, Batch& batch, SourceResult& result, const Validators& previous,
                 KeptFeeds* kept)
    : cfg_(cfg),
      transport_(transport),
      settings_(settings),
      norm_(norm),
      batch_(batch),
      result_(result),
      previous_(previous),
      kept_(kept) {
  if (!has_scheme(cfg.url)) {
    // A file inside the content folder, fetched through libcurl like live data.
    fs::path rel(cfg.url);
    if (rel.is_absolute() || std::any_of(rel.begin(), rel.end(), [](const fs::path& p) { return p == ".."; }))
      throw SourceError("url '" + cfg.url + "' must stay inside the content folder");
    std::error_code ec;
    fs::path root = fs::weakly_canonical(settings.content_dir, ec);
    fs::path full = fs::weakly_canonical(settings.content_dir / rel, ec);
    auto [r, f] = std::mismatch(root.begin(), root.end(), full.begin(), full.end());
    if (r != root.end()) throw SourceError("url '" + cfg.url + "' leaves the content folder");
    base_url_ = file_url(full);
    local_ = true;
  } else {
    base_url_ = cfg.url;
    if (cfg.url.rfind("http://", 0) != 0 && cfg.url.rfind("https://", 0) != 0)
      throw SourceError("url '" + redact(cfg.url) + "': only http:// and https:// are fetched");
    origin_ = url_origin(cfg.url);
    std::vector<std::pair<std::string, std::string>> params;
    for (const auto& q : cfg.query) {
      std::string value = read_secret(q.value, "query parameter '" + q.name + "'", settings.secret_dir);
      if (q.value.secret()) {
        secrets_.push_back(value);
        secrets_.push_back(url_escape(value));
      }
      params.emplace_back(q.name, value);
    }
    base_url_ = with_params(base_url_, params);
  }
  bool has_secret = !secrets_.empty();
  for (const auto& h : cfg.headers) {
    std::string value = read_secret(h.value, "header '" + h.name + "'", settings.secret_dir);
    if (h.value.secret()) {
      secrets_.push_back(value);
      has_secret = true;
    }
    headers_.push_back(h.name + ": " + value);
  }
  // Values written literally into the URL under a secret's name (token=…) are redacted in any text too.
  if (auto qm = cfg.url.find('?'); qm != std::string::npos) {
    std::stringstream parts(cfg.url.substr(qm + 1));
    std::string part;
    while (std::getline(parts, part, '&'))
      if (auto eq = part.find('='); eq != std::string::npos && secret_param(part.substr(0, eq)))
        secrets_.push_back(part.substr(eq + 1));
  }
  // Over plain http anyone on the path reads the key. Loopback never leaves the machine (a local proxy).
  if (has_secret && !local_ && origin_.rfind("http://", 0) == 0 && !loopback_host(cfg.url))
    throw SourceError(
        "url '" + redact(cfg.url) +
        "': a source with secrets must use https:// (the key would cross the network in clear)");
  current_url_ = base_url_;
}

std::string Session::with_params(std::string url,
                                 const std::vector<std::pair<std::string, std::string>>& params) {
  return url_with_params(url, params);
}

bool Session::has_param(const std::string& name) const {
  for (const auto& q : cfg_.query)
    if (q.name == name) return true;
  auto qm = cfg_.url.find('?');
  if (qm == std::string::npos) return false;
  std::string query = "&" + cfg_.url.substr(qm + 1);
  return query.find("&" + name + "=") != std::string::npos ||
         query.find("&" + url_escape(name) + "=") != std::string::npos;
}

std::string Session::url(const std::vector<std::pair<std::string, std::string>>& extra) const {
  if (local_) return base_url_;
  std::vector<std::pair<std::string, std::string>> add;
  for (const auto& p : extra)
    if (!has_param(p.first)) add.push_back(p);
  return with_params(base_url_, add);
}

std::string redact_url(const std::string& url) {
  std::string out = url;
  // user:password@host
  if (auto scheme = out.find("://"); scheme != std::string::npos) {
    auto host_end = out.find_first_of("/?#", scheme + 3);
    auto at = out.find('@', scheme + 3);
    if (at != std::string::npos && (host_end == std::string::npos || at < host_end))
      out = out.substr(0, scheme + 3) + "***@" + out.substr(at + 1);
  }
  // Parameters named like secrets, even when written into the URL itself.
  if (auto qm = out.find('?'); qm != std::string::npos) {
    std::string head = out.substr(0, qm + 1), query = out.substr(qm + 1), rebuilt;
    std::stringstream parts(query);
    std::string part;
    while (std::getline(parts, part, '&')) {
      auto eq = part.find('=');
      std::string name = part.substr(0, eq);
      std::string decoded = name;
      if (auto pct = decoded.find("%24%24"); pct == 0) decoded = "$$" + decoded.substr(6);
      if (eq != std::string::npos && secret_param(decoded)) part = name + "=***";
      rebuilt += (rebuilt.empty() ? "" : "&") + part;
    }
    out = head + rebuilt;
  }
  return out;
}

std::string Session::redact_text(std::string text) const {
  for (const auto& s : secrets_) {
    if (s.size() < 3) continue;  // too short to replace without mangling the text
    for (std::size_t at = text.find(s); at != std::string::npos; at = text.find(s, at + 3))
      text.replace(at, s.size(), "***");
  }
  return text;
}

std::string Session::redact(const std::string& url) const {
  return redact_url(redact_text(url));
}

std::string Session::resolve(const std::string& base, const std::string& link) const {
  return resolve_url(base, link);
}

std::string* Session::get(const std::string& url, bool conditional) {
  HttpRequest rq;
  rq.url = url;
  bool is_file = url.rfind("file://", 0) == 0;
  if (is_file) {
    // Only content-folder sources may read files, and only inside the folder (GBFS links too).
    if (!local_) throw SourceError("GET " + redact(url) + ": a remote source may not link to a local file");
    std::error_code ec;
    fs::path root = fs::weakly_canonical(settings_.content_dir, ec);
    const auto path = file_url_path(url);
    if (!path) throw SourceError("GET " + url + ": not a file URL the kiosk can read");
    fs::path full = fs::weakly_canonical(*path, ec);
    auto [r, f] = std::mismatch(root.begin(), root.end(), full.begin(), full.end());
    if (r != root.end()) throw SourceError("GET " + url + ": the file is outside the content folder");
    rq.allow_file = true;
  }
  if (!local_ && url_origin(url) != origin_) {
    // A next link or feed URL on another host (or port, or scheme) gets none of the source's headers;
    // one that would carry a secret in its query is refused rather than sent.
    for (const auto& secret : secrets_)
      if (secret.size() >= 3 && url.find(secret) != std::string::npos)
        throw SourceError("GET " + redact(url) + ": the link leaves " + origin_ +
                          " and would carry the source's secret to another host; refused");
    if (origin_.rfind("https://", 0) == 0 && url.rfind("http://", 0) == 0)
      throw SourceError("GET " + redact(url) + ": a link from an https source to plain http is refused");
  } else {
    rq.headers = headers_;
  }
  rq.secret_values = secrets_;
  NetworkSettings& net = rq.network;
  net = settings_.network;
  if (!cfg_.ca_file.empty()) net.ca_file = cfg_.ca_file;
  if (cfg_.max_body_bytes) net.max_body_bytes = cfg_.max_body_bytes;
  rq.cancel = settings_.cancel;
  rq.on_progress = settings_.on_progress;
  if (conditional) {
    const Validators& v = feed_validators_ ? *feed_validators_ : previous_;
    rq.if_none_match = v.etag;
    rq.if_modified_since = v.last_modified;
  }
  // The ceilings of one fetch (source_config.hpp): checked before each further request.
  auto limit = [&](const std::string& what) {
    throw SourceError("GET " + redact(url) + ": limit reached: " + what + "; the fetch stops here");
  };
  if (fetched_bytes_ >= kMaxFetchBytesCeiling)
    limit("over " + std::to_string(kMaxFetchBytesCeiling >> 20) + " MiB fetched (ceiling " +
          std::to_string(kMaxFetchBytesCeiling >> 20) + " MiB per fetch)");
  if (batch_.records > kMaxRecordsPerFetch)
    limit(std::to_string(batch_.records) + " records (ceiling " + std::to_string(kMaxRecordsPerFetch) + ")");
  if (batch_.stations.size() > kMaxStationsPerFetch)
    limit(std::to_string(batch_.stations.size()) + " stations (ceiling " +
          std::to_string(kMaxStationsPerFetch) + ")");
  // One slow portal must not hold the worker (and every other source) for max_pages × the request timeout.
  const double max_seconds = std::min(settings_.max_fetch_seconds, kMaxFetchSecondsCeiling);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  if (elapsed >= max_seconds)
    limit(std::to_string(static_cast<int>(elapsed)) + " s spent (ceiling " +
          std::to_string(static_cast<int>(max_seconds)) + " s per fetch)");
  net.total_timeout_seconds = std::max(1.0, std::min(net.total_timeout_seconds, max_seconds - elapsed));
  const std::uint64_t budget_left = kMaxFetchBytesCeiling - fetched_bytes_;
  const std::uint64_t own_cap = std::min<std::uint64_t>(net.max_body_bytes, kMaxBodyBytesCeiling);
  net.max_body_bytes = std::min(own_cap, budget_left);
  current_url_ = url;
  ++result_.requests;
  HttpResponse r = transport_.get(rq);
  fetched_bytes_ += r.body.size();
  if (r.too_large && budget_left < own_cap)
    limit("over " + std::to_string(kMaxFetchBytesCeiling >> 20) + " MiB fetched (ceiling " +
          std::to_string(kMaxFetchBytesCeiling >> 20) + " MiB per fetch)");
  if (!r.transport_ok) throw SourceError("GET " + redact(url) + ": " + r.error);
  result_.http_status = r.status;
  if (r.status == 304) {
    if (conditional && (!rq.if_none_match.empty() || !rq.if_modified_since.empty())) {
      if (feed_validators_) return nullptr;  // one kept feed file is unchanged, not the whole fetch
      result_.not_modified = true;
      if (r.max_age) result_.max_age = r.max_age;
      return nullptr;
    }
    throw SourceError("GET " + redact(url) + ": HTTP 304 to a request that was not conditional");
  }
  if (r.status >= 300) {
    if (r.status == 429 || r.status == 503) result_.retry_after = r.retry_after;
    PortalError said = explain_error_body(r.body, cfg_.platform);
    std::string line = "GET " + redact(url) + ": HTTP " + std::to_string(r.status);
    if (!said.text.empty()) line += ": " + said.text;
    if (r.status == 401 || r.status == 403 || said.auth) throw AuthError(line);
    throw SourceError(line);
  }
  if (r.max_age) result_.max_age = result_.max_age ? std::min(*result_.max_age, *r.max_age) : *r.max_age;
  if (result_.requests == 1) result_.validators = {r.etag, r.last_modified};
  body_validators_ = {r.etag, r.last_modified};
  std::string problem = sniff_payload(r.body);
  if (!problem.empty()) {
    // A login or maintenance page sent with 200: its title usually says which.
    if (std::string title = html_title(r.body); !title.empty()) problem += ", titled \"" + title + "\"";
    throw SourceError("GET " + redact(url) + ": HTTP " + std::to_string(r.status) + " but " + problem +
                      (r.content_type.empty() ? "" : " (content type " + r.content_type + ")"));
  }
  body_ = std::move(r.body);
  return &body_;
}

std::string* Session::get_kept(const std::string& url, bool& reused) {
  reused = false;
  if (kept_) {
    auto it = kept_->by_url.find(url);
    // Past its time, or kept for longer than a day from now (the clock went back): fetched again.
    const UnixTime now = norm_.fetched_at();
    if (it != kept_->by_url.end() && it->second.expires_at > now && it->second.expires_at - now <= 86400) {
      reused = true;
      current_url_ = url;
      return &it->second.body;
    }
    if (it != kept_->by_url.end()) {
      if (std::string* body = get_if_changed(url, it->second.validators)) return body;
      return &it->second.body;  // 304: unchanged
    }
  }
  return get(url);
}

std::string* Session::get_if_changed(const std::string& url, const Validators& validators) {
  feed_validators_ = &validators;
  try {
    std::string* body = get(url, true);
    feed_validators_ = nullptr;
    return body;
  } catch (...) {
    feed_validators_ = nullptr;
    throw;
  }
}

void Session::keep(const std::string& url, const std::string& body, double seconds) {
  if (!kept_) return;
  // A file no longer listed (its URL changed) goes a day after it ran out; the others are asked for again.
  std::erase_if(kept_->by_url, [&](const auto& f) {
    return f.first != url && f.second.expires_at + 86400 <= norm_.fetched_at();
  });
  auto& feed = kept_->by_url[url];
  if (&feed.body != &body) {
    feed.body = body;
    feed.validators = body_validators_;
  }
  feed.expires_at = norm_.fetched_at() + static_cast<UnixTime>(seconds);
}

namespace {

// "source 'city-air' (ckan): ", the platform left out when it is the error (an unknown one).
std::string source_named(const SourceConfig& cfg) {
  return "source '" + cfg.id + "'" + (find_fetch(cfg.platform) ? " (" + cfg.platform + ")" : "") + ": ";
}

std::string explain_empty(const Batch& b) {
  if (b.records == 0) return "the response has no records (an empty result)";
  std::string out = "no usable readings in " + std::to_string(b.records) + " records";
  if (b.rejected_count)
    out += "; " + std::to_string(b.rejected_count) + " rejected, first: " + b.rejected.front();
  if (b.missing_count)
    out += "; " + std::to_string(b.missing_count) + " values missing (null or no-value marker)";
  if (b.filtered_count) out += "; " + std::to_string(b.filtered_count) + " left out by [source.filter]";
  if (b.ignored_count)
    out += "; " + std::to_string(b.ignored_count) + " values of metrics the kiosk does not show";
  return out;
}

}  // namespace

SourceResult fetch_source(const SourceConfig& cfg, Transport& transport, const FetchSettings& settings,
                          const Validators& previous, UnixTime now, KeptFeeds* kept) {
  SourceResult result;
  Normaliser norm(cfg, now, result.batch);
  std::optional<Session> session;  // outside the try: its secrets redact the error line
  try {
    if (!cfg.off.empty()) throw SourceError("off: " + cfg.off);  // a mistake in sources.toml
    Session& s = session.emplace(cfg, transport, settings, norm, result.batch, result, previous, kept);
    FetchFn fetch = find_fetch(cfg.platform);
    if (!fetch) throw SourceError("unknown platform '" + cfg.platform + "'");
    fetch(s);
    if (!result.not_modified) {
      if (result.batch.readings.empty())
        throw SourceError(s.redact(s.current_url()) + ": " + explain_empty(result.batch));
      if (cfg.demo) apply_demo_rule(result.batch, now);
      // The feed's own ttl replaces what HTTP said; 0 means "every cycle", so it stretches nothing.
      if (result.batch.ttl_seconds)
        result.max_age = *result.batch.ttl_seconds > 0 ? result.batch.ttl_seconds : std::nullopt;
    }
    if (result.requests != 1) result.validators = {};
    result.ok = true;
  } catch (const SourceError& e) {
    result.ok = false;
    result.auth_failed = dynamic_cast<const AuthError*>(&e) != nullptr;
    result.error = source_named(cfg) + e.what();
  } catch (const std::exception& e) {
    result.ok = false;
    result.error = source_named(cfg) + "unexpected error: " + e.what();
  }
  // Every error line, quoted upstream bodies included, goes through redaction before it is cut short
  // (a cut could split a secret so it no longer matches).
  if (!result.ok) result.error = one_line(session ? session->redact_text(result.error) : result.error, 600);
  return result;
}

}  // namespace kiosk::data
