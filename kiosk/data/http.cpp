// libcurl GET with the kiosk's limits (see http.hpp).
#include "kiosk/data/http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>

#include "kiosk/core/time_parse.hpp"

namespace kiosk::data {
namespace {

struct Transfer {
  const HttpRequest* request;
  HttpResponse* response;
  bool over_cap = false;
};

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ' || s.back() == '\t'))
    s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

bool iequals_prefix(const std::string& line, const char* name) {
  std::size_t n = std::char_traits<char>::length(name);
  if (line.size() < n) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) !=
        std::tolower(static_cast<unsigned char>(name[i])))
      return false;
  return true;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->response->body.size() + n > t->request->network.max_body_bytes) {
    t->over_cap = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  // Grow with room for simdjson's padding so the parser never has to copy the body.
  std::string& body = t->response->body;
  if (body.capacity() < body.size() + n + 64)
    body.reserve(std::max(body.capacity() * 2, body.size() + n + 64));
  body.append(data, n);
  return n;
}

// An HTTP date, "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110's IMF-fixdate, the form servers send).
// Not curl_getdate: bookworm's armhf libcurl has a 32-bit time_t while the kiosk builds with
// _TIME_BITS=64, so its time_t result would come back with a garbage upper half. Not strptime: %a and
// %b follow the locale.
std::optional<UnixTime> parse_http_date(const std::string& text) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char month[4] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, used = 0;
  if (std::sscanf(text.c_str(), "%*3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d GMT%n", &day, month, &year,
                  &hour, &minute, &second, &used) != 6 ||
      used != static_cast<int>(text.size()))
    return std::nullopt;
  for (unsigned m = 0; m < 12; ++m) {
    if (std::strcmp(month, kMonths[m]) != 0) continue;
    auto date = civil_day(year, static_cast<int>(m) + 1, day);
    if (!date || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    return date->time_since_epoch().count() * 86400LL + hour * 3600 + minute * 60 + second;
  }
  return std::nullopt;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  std::string line(data, n);
  HttpResponse& r = *t->response;
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response (after a redirect or a 100 Continue): forget the previous one's headers.
    r.etag.clear();
    r.last_modified.clear();
    r.content_type.clear();
    r.max_age.reset();
    r.retry_after.reset();
    return n;
  }
  auto colon = line.find(':');
  if (colon == std::string::npos) return n;
  std::string value = trim(line.substr(colon + 1));
  if (iequals_prefix(line, "etag:")) {
    r.etag = value;
  } else if (iequals_prefix(line, "last-modified:")) {
    r.last_modified = value;
  } else if (iequals_prefix(line, "content-type:")) {
    r.content_type = value;
  } else if (iequals_prefix(line, "cache-control:")) {
    std::string lower;
    for (char c : value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto at = lower.find("max-age="); at != std::string::npos) {
      char* end = nullptr;
      double v = std::strtod(lower.c_str() + at + 8, &end);
      if (end != lower.c_str() + at + 8 && v >= 0) r.max_age = v;
    }
    if (lower.find("no-store") != std::string::npos || lower.find("no-cache") != std::string::npos)
      r.max_age = 0;
  } else if (iequals_prefix(line, "retry-after:")) {
    char* end = nullptr;
    double v = std::strtod(value.c_str(), &end);
    if (end != value.c_str() && *end == '\0') {
      r.retry_after = std::max(0.0, v);
    } else {
      if (auto when = parse_http_date(value))
        r.retry_after = std::max(0.0, static_cast<double>(*when - static_cast<UnixTime>(std::time(nullptr))));
    }
  }
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  if (t->request->on_progress) t->request->on_progress();
  return t->request->cancel && t->request->cancel->load() ? 1 : 0;
}

std::once_flag g_curl_init;

// The failures named in words, for an operator to act on; the rest show curl's number and text only.
const char* transport_failure(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return "timed out";
    case CURLE_COULDNT_RESOLVE_HOST:
      return "DNS lookup failed";
    case CURLE_COULDNT_CONNECT:
      return "connection failed";
    case CURLE_TOO_MANY_REDIRECTS:
      return "more than 5 redirects";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
      return "TLS failure";
    default:
      return nullptr;
  }
}

}  // namespace

CurlTransport::CurlTransport() {
  std::call_once(g_curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
}

CurlTransport::~CurlTransport() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

HttpResponse CurlTransport::get(const HttpRequest& request) {
  HttpResponse response;
  CURL* c = static_cast<CURL*>(curl_);
  if (!c) {
    response.error = "libcurl could not start";
    return response;
  }
  const std::string origin = url_origin(request.url);
  const bool from_https = origin.rfind("https://", 0) == 0;
  std::string url = request.url;
  Transfer transfer{&request, &response};
  char errbuf[CURL_ERROR_SIZE] = {0};
  CURLcode code = CURLE_OK;
  std::uint64_t wire_total = 0;
  for (int hop = 0;; ++hop) {
    curl_easy_reset(c);  // keeps the connection cache and TLS sessions
    response.body.clear();
    errbuf[0] = 0;
    transfer.over_cap = false;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, request.allow_file && hop == 0 ? "file" : "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);   // followed below, hop by hop
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes (gzip, deflate, …)
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(request.network.connect_timeout_seconds * 1000));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.network.total_timeout_seconds * 1000));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, request.network.low_speed_bytes);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME,
                     std::max(1L, static_cast<long>(request.network.low_speed_seconds)));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!request.network.ca_file.empty())
      curl_easy_setopt(c, CURLOPT_CAINFO, request.network.ca_file.c_str());
    if (!request.network.doh_url.empty())
      curl_easy_setopt(c, CURLOPT_DOH_URL, request.network.doh_url.c_str());
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.network.max_body_bytes));
    curl_easy_setopt(c, CURLOPT_USERAGENT, "kiosk/" KIOSK_VERSION " (public environment kiosk)");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &transfer);

    curl_slist* headers = nullptr;
    if (url_origin(url) == origin)  // the source's headers (its secrets) stay with its origin
      for (const auto& h : request.headers) headers = curl_slist_append(headers, h.c_str());
    if (!request.if_none_match.empty())
      headers = curl_slist_append(headers, ("If-None-Match: " + request.if_none_match).c_str());
    if (!request.if_modified_since.empty())
      headers = curl_slist_append(headers, ("If-Modified-Since: " + request.if_modified_since).c_str());
    headers = curl_slist_append(headers, "Accept: application/json");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

    code = curl_easy_perform(c);
    curl_slist_free_all(headers);
    // The handle keeps pointers into this frame's slist and errbuf: clear them before going on.
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
    curl_off_t wire = 0;
    curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &wire);
    wire_total += static_cast<std::uint64_t>(wire);
    response.effective_url = url;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    if (code != CURLE_OK) break;
    const long st = response.status;
    if (st != 301 && st != 302 && st != 303 && st != 307 && st != 308) break;
    char* location = nullptr;
    curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &location);
    if (!location || !*location) break;  // a 3xx without Location is the answer
    std::string next = location;
    std::string next_origin = url_origin(next);
    auto refuse = [&](const std::string& why) {
      response.error = why;
      response.transport_ok = false;
      response.body.clear();
      response.wire_bytes = wire_total;
      return response;
    };
    if (hop == 5) return refuse("more than 5 redirects");
    if (next_origin.empty()) return refuse("a redirect to something other than http(s) was refused");
    if (from_https && next_origin.rfind("http://", 0) == 0)
      return refuse("a redirect from https to plain http (" + next_origin + ") was refused");
    if (next_origin != origin)
      for (const auto& secret : request.secret_values)
        if (!secret.empty() && next.find(secret) != std::string::npos)
          return refuse("a redirect to " + next_origin +
                        " would carry the source's secret to another host; refused");
    url = next;
  }
  response.wire_bytes = wire_total;

  if (code == CURLE_OK) {
    response.transport_ok = true;
    return response;
  }
  std::string detail = errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(code));
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == '\r')) detail.pop_back();
  const double cap_mb = static_cast<double>(request.network.max_body_bytes) / (1 << 20);
  char cap_text[64];
  std::snprintf(cap_text, sizeof cap_text, "%.3g MB", cap_mb);
  const bool over_cap = (code == CURLE_WRITE_ERROR && transfer.over_cap) || code == CURLE_FILESIZE_EXCEEDED;
  if (over_cap) {
    response.too_large = true;
    response.error = std::string("response larger than the ") + cap_text + " cap (max_body_bytes)";
  } else if (code == CURLE_ABORTED_BY_CALLBACK) {
    response.error = "cancelled (the kiosk is stopping)";
  } else if (const char* what = transport_failure(code)) {
    response.error = std::string(what) + " (curl error " + std::to_string(code) + ": " + detail + ")";
  } else {
    response.error = "curl error " + std::to_string(code) + ": " + detail;
  }
  response.transport_ok = false;
  return response;
}

}  // namespace kiosk::data
