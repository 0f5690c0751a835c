// Error answers read into one phrase: see portal_error.hpp for the shapes.
#include "kiosk/data/portal_error.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "kiosk/core/one_line.hpp"

namespace kiosk::data {
namespace {

constexpr std::size_t kMaxQuoted = 200;  // code points of upstream text in one line

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The entities a title plausibly holds; anything else is kept as written.
std::string decode_entities(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      std::string digits(name.substr(hex ? 2 : 1));
      if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [&](char c) {
            return hex ? std::isxdigit(static_cast<unsigned char>(c))
                       : std::isdigit(static_cast<unsigned char>(c));
          })) {
        append_utf8(out, std::stoul(digits, nullptr, hex ? 16 : 10));
        done = true;
      }
    } else {
      for (const auto& [n, text] : kNamed)
        if (name == n) {
          out += text;
          done = true;
        }
    }
    if (done)
      i = semi;
    else
      out += s[i];
  }
  return out;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string text_of(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// Every message of a CKAN field: a string, a list of strings, or nested objects for sub-fields.
std::string field_messages(const nlohmann::json& v) {
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      std::string one = field_messages(item);
      if (!one.empty()) out += (out.empty() ? "" : ", ") + one;
    }
    return out;
  }
  if (v.is_object()) {
    std::string out;
    for (const auto& [key, value] : v.items())
      out += (out.empty() ? "" : "; ") + key + ": " + field_messages(value);
    return out;
  }
  return text_of(v);
}

std::string bounded(const std::string& text) {
  return one_line(text, kMaxQuoted);
}

// The shapes other platforms use, as the fetcher has always read them.
std::string generic_message(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (!j.is_object()) return {};
  if (j.contains("error") && j["error"].is_object()) {
    const auto& e = j["error"];
    std::string text = e.contains("message") ? text_of(e["message"]) : e.dump();
    if (e.contains("code")) text = "code " + text_of(e["code"]) + ": " + text;
    return text;
  }
  if (j.contains("message")) {
    std::string text = text_of(j["message"]);
    for (const char* k : {"errorCode", "code", "error_code"})
      if (j.contains(k) && !j[k].is_boolean()) text = text_of(j[k]) + ": " + text;
    return text;
  }
  if (j.contains("detail")) return text_of(j["detail"]);
  if (j.contains("error")) return text_of(j["error"]);
  return {};
}

}  // namespace

std::string html_title(std::string_view page) {
  page = page.substr(0, 65536);  // a title is in the head; a huge page is not searched to its end
  const std::string low = lower(page);
  std::size_t open = low.find("<title");
  while (open != std::string::npos && open + 6 < low.size() && low[open + 6] != '>' &&
         !std::isspace(static_cast<unsigned char>(low[open + 6])))
    open = low.find("<title", open + 6);  // not <titlebar…>
  if (open == std::string::npos) return {};
  std::size_t start = low.find('>', open);
  if (start == std::string::npos) return {};
  std::size_t end = low.find("</title", start);
  std::string_view raw = page.substr(start + 1, end == std::string::npos ? 512 : end - start - 1);
  return one_line(collapse_space(decode_entities(raw)), 120);
}

PortalError ckan_error(std::string_view error_json) {
  nlohmann::json e = nlohmann::json::parse(error_json, nullptr, false);
  if (!e.is_object()) return {bounded("CKAN error: " + std::string(error_json)), false};
  const std::string type = e.contains("__type") ? text_of(e["__type"]) : "error";
  std::string text = "CKAN " + type;
  std::string details;
  if (e.contains("message")) details = text_of(e["message"]);
  for (const auto& [key, value] : e.items()) {
    if (key == "__type" || key == "message") continue;
    details += (details.empty() ? "" : "; ") + key + ": " + field_messages(value);
  }
  if (!details.empty()) text += ": " + details;
  return {bounded(text), type == "Authorization Error"};
}

PortalError arcgis_error(std::string_view error_json, std::string_view with_status) {
  nlohmann::json e = nlohmann::json::parse(error_json, nullptr, false);
  if (!e.is_object()) return {bounded("ArcGIS error: " + std::string(error_json)), false};
  const std::string code = e.contains("code") ? text_of(e["code"]) : "";
  std::string text = "ArcGIS error";
  if (!code.empty()) text += " " + code;
  if (!with_status.empty()) text += " (" + std::string(with_status) + ")";
  text += ": " + (e.contains("message") ? text_of(e["message"]) : std::string("(no message)"));
  if (e.contains("details")) {
    std::string details = field_messages(e["details"]);
    if (!details.empty()) text += " (" + details + ")";
  }
  // 498: invalid or expired token; 499: token required (ArcGIS REST API, "Error handling").
  return {bounded(text), code == "498" || code == "499"};
}

PortalError explain_error_body(std::string_view body, std::string_view platform) {
  std::size_t i = body.find_first_not_of(" \r\n\t");
  if (i == std::string_view::npos) return {};
  if (body[i] == '<') {
    std::string title = html_title(body);
    return {title.empty() ? "an HTML page without a title" : "an HTML page titled \"" + title + "\"", false};
  }
  if (body.size() > 65536) return {};
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) return {};
  if (j.is_object() && j.contains("error") && j["error"].is_object()) {
    const auto& e = j["error"];
    if (e.contains("__type")) return ckan_error(e.dump());
    if (platform == "arcgis") return arcgis_error(e.dump());
  }
  return {bounded(generic_message(j)), false};
}

}  // namespace kiosk::data
