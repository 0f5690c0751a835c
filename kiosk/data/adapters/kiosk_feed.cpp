// The kiosk feed: the project's own small JSON format for a city that can only publish a static file
// (and the bundled demo data). Documented in README.md ("The kiosk feed"):
//   { "kiosk_feed": 1,
//     "stations": [ {"id", "name_zh", "name_en", "lat", "lon"} ],
//     "readings": [ {"station", "metric", "value", "unit", "observed_at"} ] }
// observed_at is ISO 8601 with an offset; metric is a canonical key; unit is converted like any other.
#include "kiosk/data/adapters/mapped.hpp"

namespace kiosk::data {

void fetch_kiosk_feed(Session& s) {
  std::string* body = s.get(s.url(), true);
  if (!body) return;
  Normaliser& norm = s.norm();

  PathSet station_paths;
  const int id = station_paths.add("id"), zh = station_paths.add("name_zh"),
            en = station_paths.add("name_en"), lat = station_paths.add("lat"), lon = station_paths.add("lon");
  PathSet reading_paths;
  const int st = reading_paths.add("station"), metric = reading_paths.add("metric"),
            value = reading_paths.add("value"), unit = reading_paths.add("unit"),
            time = reading_paths.add("observed_at");
  PathSet env;
  const int marker = env.add("kiosk_feed");
  std::vector<JValue> env_slots(env.slots());
  std::vector<JValue> slots;

  std::vector<RecordsTarget> targets(2);
  targets[0].path = {"stations"};
  targets[0].on_record = [&](od::value record, std::size_t index) {
    norm.at("stations", index);
    slots.assign(station_paths.slots(), JValue{});
    capture(record, station_paths, 0, slots);
    std::string raw = id_text(slots[static_cast<std::size_t>(id)]);
    if (raw.empty()) {
      norm.reject(norm.where("id") + ": station without an id");
      return;
    }
    norm.station(norm.station_id(raw), slots[static_cast<std::size_t>(zh)],
                 slots[static_cast<std::size_t>(en)], slots[static_cast<std::size_t>(lat)],
                 slots[static_cast<std::size_t>(lon)]);
  };
  targets[1].path = {"readings"};
  targets[1].on_count = [&](std::size_t n) { s.batch().readings.reserve(n); };
  targets[1].on_record = [&](od::value record, std::size_t index) {
    norm.at("readings", index);
    slots.assign(reading_paths.slots(), JValue{});
    capture(record, reading_paths, 0, slots);
    std::string raw = id_text(slots[static_cast<std::size_t>(st)]);
    std::string name = id_text(slots[static_cast<std::size_t>(metric)]);
    std::string m = norm.metric(name);
    if (m.empty()) {
      if (name.empty())
        norm.reject(norm.where("metric") + ": no metric");
      else
        ++s.batch().ignored_count;
      return;
    }
    const JValue& u = slots[static_cast<std::size_t>(unit)];
    norm.reading(raw.empty() ? std::string() : norm.station_id(raw), m,
                 slots[static_cast<std::size_t>(value)], u.kind == JKind::string ? u.str : std::string_view{},
                 slots[static_cast<std::size_t>(time)], "value", "observed_at");
  };
  s.parse([&] {
    od::document doc = thread_parser().iterate(pad(*body));
    walk_document(doc, env, env_slots, targets);
  });
  const JValue& version = env_slots[static_cast<std::size_t>(marker)];
  if (!version.present())
    throw SourceError("GET " + s.redact(s.current_url()) + ": no \"kiosk_feed\": 1 marker: not a kiosk feed");
  if (version.kind != JKind::number || version.num != 1)
    throw SourceError("GET " + s.redact(s.current_url()) + ": kiosk_feed version " + id_text(version) +
                      " is not supported (this kiosk reads version 1)");
  if (!targets[1].found)
    throw SourceError("GET " + s.redact(s.current_url()) + ": the kiosk feed has no \"readings\" array");
}

}  // namespace kiosk::data
