// Problems found in outside input (content, network, command line), each with where it happened.
#pragma once
#include <string>
#include <vector>

namespace kiosk {

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;  // path as the editor knows it (relative to the content folder), or a source id
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;
  Severity severity = Severity::error;
  std::string message;

  // "FILE:LINE:COL: error: message" (line and column left out when unknown).
  std::string format() const;
};

class Diagnostics {
 public:
  void error(std::string file, int line, int column, std::string message);
  void warning(std::string file, int line, int column, std::string message);
  void add(Diagnostic d);

  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const;
  int error_count() const;
  int warning_count() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace kiosk
