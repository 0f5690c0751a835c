// URLs through libcurl's URL API (see url.hpp).
#include "kiosk/data/url.hpp"

#include <curl/curl.h>

#include <cctype>
#include <memory>

namespace kiosk::data {
namespace {

struct UrlFree {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using Url = std::unique_ptr<CURLU, UrlFree>;

Url parse(const std::string& text) {
  Url u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) return nullptr;
  return u;
}

std::optional<std::string> part(const Url& u, CURLUPart which, unsigned flags = 0) {
  char* text = nullptr;
  if (curl_url_get(u.get(), which, &text, flags) != CURLUE_OK || !text) return std::nullopt;
  std::string out = text;
  curl_free(text);
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string url_escape(std::string_view text) {
  if (text.empty()) return {};
  // The handle argument is unused since libcurl 7.82.
  char* escaped = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
  if (!escaped) return {};
  std::string out = escaped;
  curl_free(escaped);
  return out;
}

std::string url_with_params(const std::string& url,
                            const std::vector<std::pair<std::string, std::string>>& params) {
  // Appended as text rather than with CURLU_APPENDQUERY: curl_url_set lower-cases the hex of every
  // escape it is given, and a secret's value must stay in the form Session redacts ("%2F", not "%2f").
  const std::size_t hash = url.find('#');
  std::string out = url.substr(0, hash);
  for (const auto& [name, value] : params)
    out += (out.find('?') == std::string::npos ? "?" : "&") + url_escape(name) + "=" + url_escape(value);
  if (hash != std::string::npos) out += url.substr(hash);
  return out;
}

std::string url_origin(const std::string& url) {
  Url u = parse(url);
  if (!u) return {};
  const std::string scheme = lower(part(u, CURLUPART_SCHEME).value_or(""));
  if (scheme != "http" && scheme != "https") return {};
  auto host = part(u, CURLUPART_HOST);
  auto port = part(u, CURLUPART_PORT, CURLU_DEFAULT_PORT);
  if (!host || host->empty() || !port) return {};
  return scheme + "://" + lower(*host) + ":" + *port;
}

bool loopback_host(const std::string& url) {
  std::string origin = url_origin(url);
  if (origin.empty()) return false;
  std::string host = origin.substr(origin.find("://") + 3);
  host = host.substr(0, host.rfind(':'));
  return host == "localhost" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

std::string resolve_url(const std::string& base, const std::string& link) {
  Url u = parse(base);
  if (!u || curl_url_set(u.get(), CURLUPART_URL, link.c_str(), 0) != CURLUE_OK) return link;
  return part(u, CURLUPART_URL).value_or(link);
}

std::string file_url(const std::filesystem::path& path) {
  Url u(curl_url());
  if (u && curl_url_set(u.get(), CURLUPART_SCHEME, "file", 0) == CURLUE_OK &&
      curl_url_set(u.get(), CURLUPART_PATH, path.c_str(), CURLU_URLENCODE) == CURLUE_OK)
    if (auto url = part(u, CURLUPART_URL)) return *url;
  return "file://" + path.string();
}

std::optional<std::filesystem::path> file_url_path(const std::string& url) {
  Url u = parse(url);
  if (!u || lower(part(u, CURLUPart::CURLUPART_SCHEME).value_or("")) != "file") return std::nullopt;
  auto path = part(u, CURLUPART_PATH, CURLU_URLDECODE);
  if (!path) return std::nullopt;
  return std::filesystem::path(*path);
}

}  // namespace kiosk::data
