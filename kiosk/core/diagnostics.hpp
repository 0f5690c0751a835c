// Problems found in outside input (content, network, command line), each with where it happened.
#pragma once
#include <string>
#include <vector>

#include "kiosk/core/text.hpp"

namespace kiosk {

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;  // path as the editor knows it (relative to the content folder), or a source id
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;
  Severity severity = Severity::error;
  std::string message;     // English
  std::string message_zh;  // Chinese, for editors reading the pack's default language; empty: English only

  // "FILE:LINE:COL: error: message" (line and column left out when unknown); in Chinese
  // "FILE:LINE:COL: 错误：…" when asked for and there is a Chinese text.
  std::string format(Lang lang = Lang::en) const;
};

class Diagnostics {
 public:
  void error(std::string file, int line, int column, std::string message);
  void warning(std::string file, int line, int column, std::string message);
  // The same, with the Chinese text beside the English.
  void error(std::string file, int line, int column, std::string message, std::string message_zh);
  void warning(std::string file, int line, int column, std::string message, std::string message_zh);
  void add(Diagnostic d);

  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const;
  int error_count() const;
  int warning_count() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace kiosk
