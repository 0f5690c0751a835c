// URLs through libcurl's URL API (CURLU) and escaping: the same parser that fetches the URL decides
// its origin, resolves its relative links and decodes its file paths, so the kiosk never disagrees
// with libcurl about which host a request (and its secrets) goes to.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::data {

// Percent-encoding of one query name, value or path segment (curl_easy_escape: all but A-Z a-z 0-9 - . _ ~).
std::string url_escape(std::string_view text);

// `url` with `params` appended to its query, each name and value escaped (a fragment stays last).
std::string url_with_params(const std::string& url,
                            const std::vector<std::pair<std::string, std::string>>& params);

// "scheme://host:port" of an http(s) URL, lower-cased, default port filled in, user info dropped;
// empty for anything else. Two URLs with the same origin may share a source's secrets.
std::string url_origin(const std::string& url);

// True for 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine.
bool loopback_host(const std::string& url);

// A link found in a response, resolved against the URL it came from ("../x", "/x", "x?y" or absolute);
// "." and ".." are folded. A link libcurl cannot parse is returned as it is (its GET then fails).
std::string resolve_url(const std::string& base, const std::string& link);

// file:// URL of an absolute path, and back (percent-decoded; a malformed escape such as %zz stays as it is).
std::string file_url(const std::filesystem::path& path);
std::optional<std::filesystem::path> file_url_path(const std::string& url);

}  // namespace kiosk::data
