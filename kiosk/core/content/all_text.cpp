#include "kiosk/core/content/all_text.hpp"

namespace kiosk {
namespace {

void add(std::string& out, const Text& t) {
  out += t.zh;
  out += t.en;
}

}  // namespace

std::string all_text(const ContentPack& pack) {
  std::string out;
  add(out, pack.settings.city);
  for (const auto& [key, text] : pack.strings.by_key) add(out, text);
  for (const auto& s : pack.stations) add(out, s.name);
  for (const auto& s : pack.sources) add(out, s.name);
  for (const auto& c : pack.waste_categories) {
    add(out, c.name);
    add(out, c.short_name);
    add(out, c.description);
  }
  for (const auto& i : pack.waste_items) {
    add(out, i.name);
    add(out, i.tip);
    for (const auto& a : i.aliases) out += a;
  }
  for (const auto& t : pack.tips) {
    add(out, t.title);
    add(out, t.body);
    add(out, t.source);
  }
  for (const auto& a : pack.actions) add(out, a.title);
  for (const auto& t : pack.targets) {
    add(out, t.title);
    add(out, t.unit);
    add(out, t.current_source);
  }
  for (const auto& b : pack.bays) {
    add(out, b.name);
    add(out, b.summary);
    add(out, b.body);
    for (const auto& h : b.hotspots) {
      add(out, h.label);
      add(out, h.body);
    }
  }
  for (const auto& l : pack.levels.aqi) {
    add(out, l.name);
    add(out, l.category);
    add(out, l.health);
    add(out, l.advice);
    add(out, l.beyond);
  }
  for (const auto& g : pack.levels.sensitive) add(out, g.groups);
  for (const auto& w : pack.levels.water) {
    add(out, w.name);
    add(out, w.quality);
  }
  for (const auto& q : pack.quiz) {
    add(out, q.question);
    for (const auto& c : q.choices) add(out, c);
    add(out, q.explanation);
  }
  for (const auto& a : pack.alerts) {
    add(out, a.title);
    add(out, a.body);
    add(out, a.source);
  }
  return out;
}

std::string display_text(const ContentPack& pack) {
  std::string out;
  for (const auto& a : pack.alerts) add(out, a.title);
  return out;
}

}  // namespace kiosk
