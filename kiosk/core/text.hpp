// Bilingual text: every user-visible string exists in Chinese and English.
#pragma once
#include <string>

namespace kiosk {

enum class Lang { zh, en };

inline const char* lang_code(Lang lang) {
  return lang == Lang::zh ? "zh" : "en";
}

struct Text {
  std::string zh;
  std::string en;

  // Falls back to the other language so a missing translation never shows a blank.
  const std::string& in(Lang lang) const {
    const std::string& want = lang == Lang::zh ? zh : en;
    return want.empty() ? (lang == Lang::zh ? en : zh) : want;
  }
  bool empty() const { return zh.empty() && en.empty(); }
};

}  // namespace kiosk
