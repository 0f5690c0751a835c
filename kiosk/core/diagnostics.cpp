#include "kiosk/core/diagnostics.hpp"

#include <algorithm>

#include "kiosk/core/one_line.hpp"

namespace kiosk {

std::string Diagnostic::format(Lang lang) const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  if (lang == Lang::zh && !message_zh.empty())
    return out + (severity == Severity::error ? ": 错误：" : ": 警告：") + message_zh;
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += message;
  return out;
}

void Diagnostics::error(std::string file, int line, int column, std::string message) {
  add({std::move(file), line, column, Severity::error, std::move(message)});
}

void Diagnostics::warning(std::string file, int line, int column, std::string message) {
  add({std::move(file), line, column, Severity::warning, std::move(message)});
}

void Diagnostics::error(std::string file, int line, int column, std::string message, std::string message_zh) {
  add({std::move(file), line, column, Severity::error, std::move(message), std::move(message_zh)});
}

void Diagnostics::warning(std::string file, int line, int column, std::string message,
                          std::string message_zh) {
  add({std::move(file), line, column, Severity::warning, std::move(message), std::move(message_zh)});
}

void Diagnostics::add(Diagnostic d) {
  // Messages quote the editor's text (a parser's "saw 'tru\n'"): each must stay one line.
  d.message = one_line(d.message);
  d.message_zh = one_line(d.message_zh);
  items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

int Diagnostics::warning_count() const {
  return static_cast<int>(items_.size()) - error_count();
}

}  // namespace kiosk
