// OpenAQ v3: the source URL is a `locations` query (…/v3/locations?coordinates=…&radius=… or
// …/v3/locations/{id}); each location lists its sensors with their parameter and units. Then
// …/v3/locations/{id}/latest gives the newest value per sensor, joined back by sensorsId.
// Paging is page/limit; meta.found may be a string like ">1000", so a short page ends the list.
// The API key goes in a header: headers = { "X-API-Key" = { env = "OPENAQ_API_KEY" } }.
#include <map>

#include "kiosk/data/adapters/mapped.hpp"

namespace kiosk::data {

namespace {

struct Sensor {
  std::string metric;  // canonical ("" when the kiosk does not show it)
  std::string units;
  std::string parameter;
};

struct Location {
  std::string raw_id;
  std::map<std::string, Sensor> sensors;  // by sensor id
};

std::string api_base(const std::string& url) {
  std::string path = url.substr(0, url.find('?'));
  auto at = path.rfind("/locations");
  return at == std::string::npos ? path : path.substr(0, at);
}

}  // namespace

void fetch_openaq(Session& s) {
  const SourceConfig& cfg = s.cfg();
  Normaliser& norm = s.norm();
  std::vector<Location> locations;

  PathSet loc_paths;
  const int id = loc_paths.add("id"), name = loc_paths.add("name"),
            lat = loc_paths.add("coordinates/latitude"), lon = loc_paths.add("coordinates/longitude");
  PathSet sensor_paths;
  const int sid = sensor_paths.add("id"), pname = sensor_paths.add("parameter/name"),
            punits = sensor_paths.add("parameter/units");
  PathSet env;
  const int found = env.add("meta/found");
  const int detail = env.add("detail");
  std::vector<JValue> env_slots, slots, sensor_slots;

  const int limit = cfg.page_size > 0 ? std::min(cfg.page_size, 1000) : 100;
  const bool single = api_base(cfg.url) + "/locations" != cfg.url.substr(0, cfg.url.find('?'));
  std::size_t seen = 0;
  for (int page = 1; page <= cfg.max_pages; ++page) {
    std::vector<std::pair<std::string, std::string>> params;
    if (!single) {
      params.emplace_back("limit", std::to_string(limit));
      params.emplace_back("page", std::to_string(page));
    }
    std::string* body = s.get(s.url(params));
    std::vector<RecordsTarget> targets(1);
    targets[0].path = {"results"};
    targets[0].on_record = [&](od::value record, std::size_t index) {
      norm.at("results", index);
      slots.assign(loc_paths.slots(), JValue{});
      Location loc;
      for (od::field field : record.get_object()) {
        std::string_view key = field_key(field);
        if (key == "sensors") {
          for (od::value sensor : field.value().get_array()) {
            sensor_slots.assign(sensor_paths.slots(), JValue{});
            capture(sensor, sensor_paths, 0, sensor_slots);
            Sensor sn;
            sn.parameter = id_text(sensor_slots[static_cast<std::size_t>(pname)]);
            sn.metric = norm.metric(sn.parameter);
            sn.units = id_text(sensor_slots[static_cast<std::size_t>(punits)]);
            loc.sensors[id_text(sensor_slots[static_cast<std::size_t>(sid)])] = sn;
          }
        } else if (int c = loc_paths.child(0, key); c >= 0) {
          capture(field.value(), loc_paths, c, slots);
        }
      }
      loc.raw_id = id_text(slots[static_cast<std::size_t>(id)]);
      if (loc.raw_id.empty()) {
        norm.reject(norm.where("id") + ": location without an id");
        return;
      }
      JValue none;
      norm.station(norm.station_id(loc.raw_id), none, slots[static_cast<std::size_t>(name)],
                   slots[static_cast<std::size_t>(lat)], slots[static_cast<std::size_t>(lon)]);
      locations.push_back(std::move(loc));
    };
    env_slots.assign(env.slots(), JValue{});
    s.parse([&] {
      od::document doc = thread_parser().iterate(pad(*body));
      walk_document(doc, env, env_slots, targets);
    });
    if (!targets[0].found) {
      const JValue& d = env_slots[static_cast<std::size_t>(detail)];
      throw SourceError("GET " + s.redact(s.current_url()) +
                        (d.present() ? ": OpenAQ error: " + error_summary(d)
                                     : ": no 'results' array: not an OpenAQ v3 response"));
    }
    seen += targets[0].count;
    std::optional<double> all = env_number(env_slots[static_cast<std::size_t>(found)]);
    if (single || targets[0].count < static_cast<std::size_t>(limit) ||
        (all && static_cast<double>(seen) >= *all))
      break;
  }

  PathSet latest_paths;
  const int sensor = latest_paths.add("sensorsId"), value = latest_paths.add("value"),
            utc = latest_paths.add("datetime/utc");
  for (const Location& loc : locations) {
    std::string* body =
        s.get(api_base(cfg.url) + "/locations/" + url_escape(loc.raw_id) + "/latest?limit=1000");
    std::string station = norm.station_id(loc.raw_id);
    std::vector<RecordsTarget> targets(1);
    targets[0].path = {"results"};
    targets[0].on_count = [&](std::size_t n) { s.batch().readings.reserve(s.batch().readings.size() + n); };
    targets[0].on_record = [&](od::value record, std::size_t index) {
      norm.at("results", index);
      slots.assign(latest_paths.slots(), JValue{});
      capture(record, latest_paths, 0, slots);
      std::string sensor_id = id_text(slots[static_cast<std::size_t>(sensor)]);
      auto it = loc.sensors.find(sensor_id);
      if (it == loc.sensors.end()) {
        norm.reject(norm.where("sensorsId") + ": sensor " + sensor_id + " is not listed for location " +
                    loc.raw_id);
        return;
      }
      if (it->second.metric.empty()) {
        ++s.batch().ignored_count;
        return;
      }
      norm.reading(station, it->second.metric, slots[static_cast<std::size_t>(value)], it->second.units,
                   slots[static_cast<std::size_t>(utc)], "value", "datetime.utc");
    };
    env_slots.assign(env.slots(), JValue{});
    s.parse([&] {
      od::document doc = thread_parser().iterate(pad(*body));
      walk_document(doc, env, env_slots, targets);
    });
    if (!targets[0].found)
      throw SourceError("GET " + s.redact(s.current_url()) +
                        ": no 'results' array: not an OpenAQ latest response");
  }
}

}  // namespace kiosk::data
