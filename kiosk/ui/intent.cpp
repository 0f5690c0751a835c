// Intents' one-line descriptions (see intent.hpp).
#include "kiosk/ui/intent.hpp"

namespace kiosk::ui {
namespace {

constexpr const char* kMoves[] = {"start_game", "sort", "next_item", "start_quiz", "answer", "next_question"};

std::string payload(const Intent& intent) {
  return std::visit(
      Overloaded{
          [](const GoTo& i) { return std::string(screen_name(i.screen)); },
          [](const SelectStation& i) { return i.station; },
          [](const SetAirView& i) {
            std::string out = i.view.list ? "list" : "map";
            out += i.view.week ? " 7d" : " 24h";
            if (!i.view.metric.empty()) out += " metric=" + i.view.metric;
            return out;
          },
          [](const SetWaterView& i) { return std::string(i.list ? "list" : "map"); },
          [](const SelectBay& i) { return i.page; },
          [](const ToggleHotspot& i) { return std::to_string(i.hotspot); },
          [](const SelectCategory& i) { return i.category; },
          [](const Search& i) { return "\"" + i.text + "\""; }, [](const OpenItem& i) { return i.item; },
          [](const SearchMissed& i) { return i.term; },
          [](const Play& i) {
            std::string out = kMoves[static_cast<int>(i.move.kind)];
            if (!i.move.bin.empty()) out += " " + i.move.bin;
            if (i.move.choice >= 0) out += " " + std::to_string(i.move.choice);
            return out;
          },
          [](const AdminKey& i) {
            switch (i.kind) {
              case AdminKey::Kind::digit:
                return std::to_string(i.digit);
              case AdminKey::Kind::erase:
                return std::string("erase");
              case AdminKey::Kind::enter:
                break;
            }
            return std::string("enter");
          },
          [](const AdminAction& i) {
            switch (i.kind) {
              case AdminAction::Kind::close:
                return std::string("close");
              case AdminAction::Kind::reload:
                return std::string("reload");
              case AdminAction::Kind::schedule:
                return std::string("schedule");
              case AdminAction::Kind::quit:
                break;
            }
            return std::string("quit");
          },
          [](const auto&) { return std::string(); },  // no payload
      },
      intent);
}

}  // namespace

std::string describe(const Intent& intent) {
  std::string out(intent_name(intent));
  if (std::string p = payload(intent); !p.empty()) out += " " + p;
  return out;
}

std::optional<Intent> select_on(ScreenId screen, std::string id) {
  switch (screen) {
    case ScreenId::air:
    case ScreenId::water:
      return SelectStation{std::move(id)};
    case ScreenId::bay:
      return SelectBay{std::move(id)};
    case ScreenId::waste:
      return SelectCategory{std::move(id)};
    default:
      return std::nullopt;
  }
}

}  // namespace kiosk::ui
