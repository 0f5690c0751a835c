// OpenAQ v3. The source URL is one of:
// - a `locations` query (…/v3/locations?coordinates=…&radius=…) or one location (…/v3/locations/{id});
//   each location lists its sensors with their parameter and units, then …/v3/locations/{id}/latest
//   gives the newest value per sensor, joined back by sensorsId;
// - …/v3/locations/{id}/latest: the same, for that one location;
// - …/v3/parameters/{id}/latest: the newest value of one parameter at every location (station =
//   locationsId); the parameter's name and units come from …/v3/parameters/{id};
// - …/v3/sensors/{id}/measurements: one sensor's series (station = the sensor id, parameter in each
//   record, time = datetime.utc or else the end of its period).
// Paging is page/limit and goes on while a page is full, whatever meta.found says (it may be a string
// like ">1000"). datetime.utc is the time read. Null coordinates give no position, never 0,0.
// The API key goes in a header: headers = { "X-API-Key" = { env = "OPENAQ_API_KEY" } }.
#include <functional>
#include <initializer_list>
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
  for (const char* part : {"/locations", "/parameters", "/sensors"})
    if (auto at = path.rfind(part); at != std::string::npos) return path.substr(0, at);
  return path;
}

// The URL's path after the API base, split at "/": {"locations"}, {"parameters", "2", "latest"}, ….
std::vector<std::string> endpoint_of(const std::string& url) {
  std::string path = url.substr(0, url.find('?'));
  std::string rest = path.substr(api_base(url).size());
  while (!rest.empty() && rest.front() == '/') rest.erase(0, 1);
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  return split_path(rest);
}

// Walks one answer's `results` array into `targets`; an answer without one is an error that quotes
// OpenAQ's own `detail` where it gives one. `what` names the response kind for that message.
void walk_results(Session& s, std::string& body, std::vector<RecordsTarget>& targets, std::string_view what) {
  PathSet env;
  const int detail = env.add("detail");
  std::vector<JValue> env_slots(env.slots());
  s.parse([&] {
    od::document doc = thread_parser().iterate(pad(body));
    walk_document(doc, env, env_slots, targets);
  });
  if (targets[0].found) return;
  const JValue& d = env_slots[static_cast<std::size_t>(detail)];
  throw SourceError("GET " + s.redact(s.current_url()) +
                    (d.present()
                         ? ": OpenAQ error: " + error_summary(d)
                         : ": no 'results' array: not an OpenAQ v3 " + std::string(what) + "response"));
}

// Pages through `results` with page/limit while a page is full. `url_for(params)` builds each page's URL.
void each_result(
    Session& s,
    const std::function<std::string(const std::vector<std::pair<std::string, std::string>>&)>& url_for,
    const std::function<void(od::value, std::size_t)>& on_record, const char* what) {
  const SourceConfig& cfg = s.cfg();
  const int limit = cfg.page_size > 0 ? std::min(cfg.page_size, 1000) : 100;
  for (int page = 1; page <= cfg.max_pages; ++page) {
    std::string* body = s.get(url_for({{"limit", std::to_string(limit)}, {"page", std::to_string(page)}}));
    if (!body) return;
    std::vector<RecordsTarget> targets(1);
    targets[0].path = {"results"};
    targets[0].on_record = [&](od::value record, std::size_t index) {
      s.norm().at("results", index);
      on_record(record, index);
    };
    walk_results(s, *body, targets, std::string(what) + " ");
    if (targets[0].count < static_cast<std::size_t>(limit)) return;
  }
  s.batch().notes.push_back("stopped after max_pages = " + std::to_string(cfg.max_pages) + " pages");
}

// …/v3/parameters/{id}/latest and …/v3/sensors/{id}/measurements: records that carry their own
// location or sensor, coordinates and time.
void fetch_series(Session& s, const std::vector<std::string>& endpoint) {
  const SourceConfig& cfg = s.cfg();
  Normaliser& norm = s.norm();
  const bool by_parameter = endpoint[0] == "parameters";
  Sensor fixed;  // the parameter of a parameters/{id}/latest source
  if (by_parameter) {
    PathSet p;
    const int pname = p.add("name"), punits = p.add("units");
    std::vector<JValue> slots;
    const std::string url = api_base(cfg.url) + "/parameters/" + url_escape(endpoint[1]);
    std::string* body = s.get(url);
    if (!body) return;
    std::vector<RecordsTarget> targets(1);
    targets[0].path = {"results"};
    targets[0].on_record = [&](od::value record, std::size_t) {
      if (!fixed.parameter.empty()) return;
      slots.assign(p.slots(), JValue{});
      capture(record, p, 0, slots);
      fixed.parameter = id_text(slots[static_cast<std::size_t>(pname)]);
      fixed.units = id_text(slots[static_cast<std::size_t>(punits)]);
    };
    PathSet none;
    std::vector<JValue> none_slots;
    s.parse([&] {
      od::document doc = thread_parser().iterate(pad(*body));
      walk_document(doc, none, none_slots, targets);
    });
    if (fixed.parameter.empty())
      throw SourceError("GET " + s.redact(s.current_url()) + ": parameter " + endpoint[1] +
                        " has no name: not an OpenAQ v3 parameters response");
    fixed.metric = norm.metric(fixed.parameter);
    if (fixed.metric.empty())
      throw SourceError("OpenAQ parameter '" + fixed.parameter +
                        "' is not a kiosk metric; map it in [source.metrics]");
  }
  PathSet paths;
  const int location = paths.add("locationsId"), value = paths.add("value"), utc = paths.add("datetime/utc"),
            period_end = paths.add("period/datetimeTo/utc"), lat = paths.add("coordinates/latitude"),
            lon = paths.add("coordinates/longitude"), pname = paths.add("parameter/name"),
            punits = paths.add("parameter/units");
  std::vector<JValue> slots;
  const std::string sensor_station = by_parameter ? "" : norm.station_id(endpoint[1]);
  JValue none;
  each_result(
      s, [&](const auto& params) { return s.url(params); },
      [&](od::value record, std::size_t) {
        slots.assign(paths.slots(), JValue{});
        capture(record, paths, 0, slots);
        auto at = [&](int i) -> const JValue& { return slots[static_cast<std::size_t>(i)]; };
        std::string station = sensor_station;
        if (by_parameter) {
          std::string raw = id_text(at(location));
          if (raw.empty()) {
            norm.reject(norm.where("locationsId") + ": latest value without a location id");
            return;
          }
          station = norm.station_id(raw);
        }
        norm.station(station, none, none, at(lat), at(lon));
        Sensor sn = fixed;
        if (!by_parameter) {
          sn.parameter = id_text(at(pname));
          sn.units = id_text(at(punits));
          sn.metric = norm.metric(sn.parameter);
        }
        if (sn.metric.empty()) {
          ++s.batch().ignored_count;
          return;
        }
        const bool has_utc = at(utc).present();
        norm.reading(station, sn.metric, at(value), sn.units, has_utc ? at(utc) : at(period_end), "value",
                     has_utc ? "datetime.utc" : "period.datetimeTo.utc");
      },
      by_parameter ? "latest" : "measurements");
}

}  // namespace

void fetch_openaq(Session& s) {
  const SourceConfig& cfg = s.cfg();
  Normaliser& norm = s.norm();
  const std::vector<std::string> endpoint = endpoint_of(cfg.url);
  const auto is = [&](std::initializer_list<const char*> shape) {
    if (endpoint.size() != shape.size()) return false;
    std::size_t i = 0;
    for (const char* part : shape) {
      if (*part && endpoint[i] != part) return false;
      ++i;
    }
    return true;
  };
  if (is({"parameters", "", "latest"}) || is({"sensors", "", "measurements"})) {
    fetch_series(s, endpoint);
    return;
  }
  const bool location_latest = is({"locations", "", "latest"});
  if (!is({"locations"}) && !is({"locations", ""}) && !location_latest)
    throw SourceError("not an OpenAQ v3 endpoint this kiosk reads: " + s.redact(cfg.url) +
                      " (use …/v3/locations, …/v3/locations/{id}, …/v3/locations/{id}/latest, "
                      "…/v3/parameters/{id}/latest or …/v3/sensors/{id}/measurements)");
  std::vector<Location> locations;

  PathSet loc_paths;
  const int id = loc_paths.add("id"), name = loc_paths.add("name"),
            lat = loc_paths.add("coordinates/latitude"), lon = loc_paths.add("coordinates/longitude");
  PathSet sensor_paths;
  const int sid = sensor_paths.add("id"), pname = sensor_paths.add("parameter/name"),
            punits = sensor_paths.add("parameter/units");
  std::vector<JValue> slots, sensor_slots;

  const int limit = cfg.page_size > 0 ? std::min(cfg.page_size, 1000) : 100;
  const bool single = endpoint.size() > 1;
  for (int page = 1; page <= cfg.max_pages; ++page) {
    std::vector<std::pair<std::string, std::string>> params;
    if (!single) {
      params.emplace_back("limit", std::to_string(limit));
      params.emplace_back("page", std::to_string(page));
    }
    // …/locations/{id}/latest: its location first, for the sensors' parameters.
    std::string* body =
        s.get(location_latest ? api_base(cfg.url) + "/locations/" + url_escape(endpoint[1]) : s.url(params));
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
    walk_results(s, *body, targets, "");
    // A full page asks for the next, whatever meta.found says (">4", or a number that undercounts).
    if (single || targets[0].count < static_cast<std::size_t>(limit)) break;
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
    walk_results(s, *body, targets, "latest ");
  }
}

}  // namespace kiosk::data
