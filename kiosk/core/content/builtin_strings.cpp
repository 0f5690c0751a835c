#include "kiosk/core/content/builtin_strings.hpp"

#include "kiosk/core/content/files.hpp"

namespace kiosk::content {
namespace {

constexpr std::string_view kBuiltinToml =
#include "builtin_strings.inc"
    ;

Strings parse_builtin() {
  Strings out;
  Diagnostics ignored;
  FileCtx ctx{"strings.toml (built in)", {}, ignored, {}};
  ContentPack pack;
  try {
    read_strings(toml::parse(kBuiltinToml), ctx, pack);
  } catch (const toml::parse_error&) {
    // The bundled file is checked by the tests; a broken one leaves only the keys.
  }
  return std::move(pack.strings);
}

}  // namespace

const Strings& builtin_strings() {
  static const Strings strings = parse_builtin();
  return strings;
}

int fill_missing_strings(Strings& strings) {
  int added = 0;
  for (const auto& [key, text] : builtin_strings().by_key)
    if (strings.by_key.emplace(key, text).second) ++added;
  return added;
}

}  // namespace kiosk::content
