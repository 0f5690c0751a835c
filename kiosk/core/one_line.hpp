// Text from outside (a server's answer, an editor's file) quoted in an error line: the line must stay one
// line, readable in the journal and on the admin screen, whatever bytes it quotes.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// Line breaks and other control characters written as escapes (\n, \t, \x1b), malformed UTF-8 as U+FFFD,
// and text past `max_code_points` cut with "…".
std::string one_line(std::string_view text, std::size_t max_code_points = 400);

}  // namespace kiosk
