// travel.toml: green-travel tips, each with where its figure comes from.
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {

void read_travel(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "travel.toml");
  each_table(file, "tip", "[[tip]]", [&](TableReader& r) {
    TravelTip tip;
    tip.pos = r.pos("id");
    tip.id = r.string("id", Need::required);
    tip.title = r.text("title", Need::required);
    tip.body = r.text("body", Need::required);
    tip.source = r.text("source");
    tip.url = r.string("url");
    pack.tips.push_back(std::move(tip));
  });
}

}  // namespace kiosk::content
