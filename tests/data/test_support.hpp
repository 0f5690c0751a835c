// Helpers shared by the data-layer tests: fixture files, a transport that serves canned bodies by URL,
// and a source config builder.
#pragma once
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/core/source_config.hpp"
#include "kiosk/core/time_parse.hpp"
#include "kiosk/data/http.hpp"

namespace kiosk::test {

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string fixture(const std::string& relative) {
  return read_text(std::filesystem::path(KIOSK_TEST_DATA) / "fixtures" / "api" / relative);
}

// Serves a response for the first rule whose URL fragment occurs in the requested URL.
class CannedTransport : public data::Transport {
 public:
  struct Rule {
    std::string url_contains;
    data::HttpResponse response;
  };
  CannedTransport& on(std::string url_contains, std::string body, long status = 200) {
    data::HttpResponse r;
    r.transport_ok = true;
    r.status = status;
    r.body = std::move(body);
    rules_.push_back({std::move(url_contains), std::move(r)});
    return *this;
  }
  CannedTransport& on(std::string url_contains, data::HttpResponse r) {
    rules_.push_back({std::move(url_contains), std::move(r)});
    return *this;
  }
  data::HttpResponse get(const data::HttpRequest& request) override {
    std::lock_guard lock(mu_);
    requests.push_back(request.url);
    headers.push_back(request.headers);
    for (const auto& rule : rules_)
      if (request.url.find(rule.url_contains) != std::string::npos) return rule.response;
    data::HttpResponse r;
    r.transport_ok = true;
    r.status = 404;
    r.body = "{\"message\":\"no canned response\"}";
    return r;
  }
  std::vector<std::string> requests;
  std::vector<std::vector<std::string>> headers;

 private:
  std::mutex mu_;
  std::vector<Rule> rules_;
};

inline SourceConfig source(const std::string& id, const std::string& platform, const std::string& url) {
  SourceConfig s;
  s.id = id;
  s.platform = platform;
  s.url = url;
  return s;
}

inline UnixTime at(const char* iso) {
  return *parse_timestamp(iso, 0);
}

}  // namespace kiosk::test
