// HTTP(S) and file:// GET through libcurl, with the kiosk's rules built in: TLS verification always on,
// connect/total timeouts, a low-speed cut-off, a body cap enforced while receiving (after gzip
// decoding, so a small compressed bomb cannot blow up), at most 5 redirects, conditional requests,
// and the caching headers the scheduler needs. Blocking: call it only from the fetch worker.
//
// Redirects are followed here, hop by hop, not by libcurl: libcurl keeps custom headers (X-API-Key,
// X-App-Token) on a redirect to another host and strips only Authorization and Cookie. Here the
// request's headers go only to the origin (scheme, host, port) of the URL asked for, an https request
// never follows a redirect to http, and a hop off the origin whose URL carries a secret is refused.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/data/url.hpp"

namespace kiosk::data {

// How the kiosk talks to the network: the operator's settings, passed as one struct from the worker
// through each fetch down to each request.
struct NetworkSettings {
  std::string ca_file;                       // extra CA bundle; verification stays on either way
  std::uint64_t max_body_bytes = 16u << 20;  // per response, enforced while receiving
  double connect_timeout_seconds = 10;
  double total_timeout_seconds = 60;  // per request
  long low_speed_bytes = 64;          // a transfer slower than this …
  double low_speed_seconds = 20;      // … for this long is cut off (a server dripping a byte a second)
  std::string doh_url;                // resolve names over DNS-over-HTTPS (empty: the system resolver)
};

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value", sent only to url's origin; may be secrets, never logged
  std::vector<std::string> secret_values;  // a redirect off url's origin whose URL holds one is refused
  std::string if_none_match;               // ETag from the last 200
  std::string if_modified_since;           // Last-Modified from the last 200
  // This request's limits: the fetch's settings with the source's own CA and cap and what is left of
  // the fetch's time and byte budget.
  NetworkSettings network;
  bool allow_file = false;                    // file:// is allowed only for content-folder URLs
  const std::atomic<bool>* cancel = nullptr;  // set to abort (worker shutdown)
  std::function<void()> on_progress;          // called while data flows (the worker's heartbeat)
};

struct HttpResponse {
  bool transport_ok = false;  // false: no HTTP answer (DNS, refused, TLS, timeout, cap, cancelled)
  long status = 0;            // HTTP status; 0 for file://
  std::string error;          // one line when !transport_ok
  std::string body;
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::optional<double> max_age;      // Cache-Control max-age
  std::optional<double> retry_after;  // seconds, from Retry-After (seconds or an HTTP date)
  std::string effective_url;          // after redirects
  std::uint64_t wire_bytes = 0;       // body bytes as received (before decompression)
  bool too_large = false;
};

// The network seam: tests and the benchmark can serve bodies without sockets.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual HttpResponse get(const HttpRequest& request) = 0;
};

// libcurl, one easy handle reused between requests (keeps connections and TLS sessions warm).
class CurlTransport final : public Transport {
 public:
  CurlTransport();
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;
  HttpResponse get(const HttpRequest& request) override;

 private:
  void* curl_ = nullptr;
};

}  // namespace kiosk::data
