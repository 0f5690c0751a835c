#include "kiosk/core/replay_script.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "kiosk/core/one_line.hpp"
#include "kiosk/core/parse_util.hpp"

namespace kiosk {
namespace {

struct Tokens {
  std::vector<std::string> words;
  std::vector<bool> quoted;
  std::string error;
};

// Splits a line into words; "double quotes" group words and allow \" and \\ inside; # starts a comment.
Tokens tokenize(std::string_view line) {
  Tokens t;
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '#') break;
    std::string word;
    if (c == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        char d = line[i++];
        if (d == '\\' && i < line.size() && (line[i] == '"' || line[i] == '\\')) {
          word += line[i++];
        } else if (d == '"') {
          closed = true;
          break;
        } else {
          word += d;
        }
      }
      if (!closed) {
        t.error = "a quoted text is not closed with \"";
        return t;
      }
      t.words.push_back(word);
      t.quoted.push_back(true);
      continue;
    }
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') word += line[i++];
    t.words.push_back(word);
    t.quoted.push_back(false);
  }
  return t;
}

std::optional<float> number(const std::string& s) {
  float v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool safe_name(const std::string& s) {
  if (s.empty() || s.size() > 100 || s[0] == '.') return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

}  // namespace

ReplayScript parse_replay(std::string_view source) {
  ReplayScript script;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= source.size()) {
    size_t end = source.find('\n', pos);
    if (end == std::string_view::npos) end = source.size();
    std::string_view line = source.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    Tokens tok = tokenize(line);
    auto fail = [&](const std::string& message) {
      script.error = std::to_string(line_no) + ": " + one_line(message);
      return script;
    };
    if (!tok.error.empty()) return fail(tok.error);
    if (tok.words.empty()) {
      if (end == source.size()) break;
      continue;
    }
    const auto& w = tok.words;
    const std::string& cmd = w[0];
    ReplayStep step;
    step.line = line_no;
    const size_t args = w.size() - 1;
    if (cmd == "tap") {
      if (args == 1 && tok.quoted[1]) {
        step.kind = ReplayStep::Kind::tap_label;
        step.text = w[1];
      } else if (args == 2 && number(w[1]) && number(w[2])) {
        step.kind = ReplayStep::Kind::tap_at;
        step.x1 = *number(w[1]);
        step.y1 = *number(w[2]);
      } else {
        return fail("tap needs X Y or a quoted \"LABEL\"");
      }
    } else if (cmd == "swipe") {
      if (args != 1 || (w[1] != "left" && w[1] != "right" && w[1] != "up" && w[1] != "down"))
        return fail("swipe needs left, right, up or down");
      step.kind = ReplayStep::Kind::swipe;
      step.text = w[1];
    } else if (cmd == "drag") {
      if (args != 5) return fail("drag needs X1 Y1 X2 Y2 MS");
      auto x1 = number(w[1]), y1 = number(w[2]), x2 = number(w[3]), y2 = number(w[4]), ms = number(w[5]);
      if (!x1 || !y1 || !x2 || !y2 || !ms || *ms < 0) return fail("drag needs X1 Y1 X2 Y2 MS as numbers");
      step.kind = ReplayStep::Kind::drag;
      step.x1 = *x1;
      step.y1 = *y1;
      step.x2 = *x2;
      step.y2 = *y2;
      step.seconds = *ms / 1000.0;
    } else if (cmd == "type") {
      if (args == 0) return fail("type needs the text to type");
      step.kind = ReplayStep::Kind::type;
      for (size_t i = 1; i < w.size(); ++i) step.text += (i > 1 ? " " : "") + w[i];
    } else if (cmd == "key") {
      if (args != 1) return fail("key needs one key name");
      // Besides the named keys, one letter or digit as a physical keyboard types it (classroom keys).
      bool known = w[1].size() == 1 && std::isalnum(static_cast<unsigned char>(w[1][0]));
      for (const char* k : kReplayKeys) known = known || w[1] == k;
      if (!known)
        return fail("unknown key '" + w[1] +
                    "' (known: escape, left, right, backspace, enter, a letter or a digit)");
      step.kind = ReplayStep::Kind::key;
      step.text = w[1];
    } else if (cmd == "wait") {
      auto d = args == 1 ? parse_duration(w[1]) : std::nullopt;
      if (!d) return fail("wait needs a duration such as 2.5s, 300ms or 1m");
      step.kind = ReplayStep::Kind::wait;
      step.seconds = *d;
    } else if (cmd == "shot") {
      if (args != 1 || !safe_name(w[1]))
        return fail("shot needs a file name made of letters, digits, '-', '_' and '.'");
      step.kind = ReplayStep::Kind::shot;
      step.text = w[1];
    } else if (cmd == "expect") {
      if (args == 2 && w[1] == "screen") {
        step.kind = ReplayStep::Kind::expect_screen;
        step.text = w[2];
      } else if (args == 2 && w[1] == "text" && tok.quoted[2]) {
        step.kind = ReplayStep::Kind::expect_text;
        step.text = w[2];
      } else if (args == 2 && w[1] == "intent") {
        // The names are the UI's (kiosk/ui/intent.hpp): the runner checks them.
        step.kind = ReplayStep::Kind::expect_intent;
        step.text = w[2];
      } else {
        return fail("expect needs 'screen NAME', 'text \"TEXT\"' or 'intent NAME'");
      }
    } else {
      return fail("unknown action '" + cmd + "' (tap, swipe, drag, type, key, wait, shot, expect)");
    }
    script.steps.push_back(std::move(step));
    if (end == source.size()) break;
  }
  return script;
}

}  // namespace kiosk
