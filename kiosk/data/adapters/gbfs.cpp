// GBFS 2.x and 3.0 bike share: gbfs.json discovery (2.x keyed by language, 3.0 flat), then
// station_information (names: strings in 2.x, localized arrays in 3.0; is_virtual_station) and
// station_status (num_bikes_available in 2.x, num_vehicles_available in 3.0, else the sum of
// vehicle_types_available; docks likewise from num_docks_available or vehicle_docks_available).
// is_installed, is_renting and is_returning give the station's service: a station that does not lend is
// closed or returns-only on screen, never "bikes available". A virtual station has no docks.
// Each file lives as long as its own `ttl` says: the discovery file and station_information are kept
// between fetches until theirs runs out (at most a day), station_status is fetched every time and its
// ttl alone stretches the source's interval (0: every cycle). last_updated and last_reported are POSIX
// seconds (2.x) or RFC 3339 (3.0). Feed URLs may be relative to the discovery file; content-folder
// feeds stay file:// inside the folder.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "kiosk/data/adapters/mapped.hpp"

namespace kiosk::data {

namespace {

constexpr double kLongestKeep = 86400;  // a file is read again at least daily, whatever its ttl says

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Keeps a feed file for as long as its ttl says (0 or none: not kept).
void keep_for_ttl(Session& s, const std::string& url, const std::string& body, bool reused,
                  const std::optional<double>& ttl) {
  if (!reused && ttl && *ttl > 0) s.keep(url, body, std::min(*ttl, kLongestKeep));
}

// A status flag; GBFS 1.x wrote them as 1/0, so numbers count too. Absent or unreadable: unknown.
std::optional<bool> flag_of(const JValue& v) {
  if (v.kind == JKind::boolean) return v.boolean;
  if (v.kind == JKind::number) return v.num != 0;
  return std::nullopt;
}

StationService service_of(const JValue& installed, const JValue& renting, const JValue& returning) {
  if (flag_of(installed) == false) return StationService::closed;
  const bool rents = flag_of(renting).value_or(true), takes = flag_of(returning).value_or(true);
  if (!rents && !takes) return StationService::closed;
  if (!rents) return StationService::no_rentals;
  if (!takes) return StationService::no_returns;
  return StationService::open;
}

// The sum of the `count`s of an array such as vehicle_types_available ([{"vehicle_type_id":…,
// "count":2}, …]), as a number value; absent when the array is absent or holds no count.
JValue sum_of_counts(const JValue& raw) {
  JValue out;
  if (raw.kind != JKind::other) return out;
  od::parser parser;  // a second parser: the thread's one is in the middle of the status document
  std::string text(raw.str);
  od::document doc = parser.iterate(pad(text));
  double sum = 0;
  bool any = false;
  for (od::value item : doc.get_array())
    for (od::field f : item.get_object())
      if (double count = 0;
          field_key(f) == "count" && f.value().get_double().get(count) == simdjson::SUCCESS) {
        sum += count;
        any = true;
      }
  if (any) {
    out.kind = JKind::number;
    out.num = sum;
  }
  return out;
}

// The string members `first` and `second` of an object ({"name":…,"url":…}), empty when absent.
std::pair<std::string, std::string> two_strings(od::value object, std::string_view first,
                                                std::string_view second) {
  std::pair<std::string, std::string> out;
  for (od::field f : object.get_object()) {
    std::string_view k = field_key(f);
    if (k == first)
      out.first = std::string(std::string_view(f.value().get_string()));
    else if (k == second)
      out.second = std::string(std::string_view(f.value().get_string()));
  }
  return out;
}

struct Discovery {
  std::map<std::string, std::string> feeds;  // name → URL
  std::string version;
  std::string language;  // 2.x: the language whose feed list was used
  std::optional<double> ttl;
};

Discovery read_discovery(Session& s, std::string& body) {
  const SourceConfig& cfg = s.cfg();
  Discovery out;
  out.language = cfg.language;
  s.parse([&] {
    od::document doc = thread_parser().iterate(pad(body));
    for (od::field top : doc.get_object()) {
      std::string_view key = field_key(top);
      if (key == "ttl") {
        out.ttl = top.value().get_double();
      } else if (key == "version") {
        out.version = std::string(std::string_view(top.value().get_string()));
      } else if (key == "data") {
        auto read_feeds = [&](od::array list) {
          for (od::value feed : list) {
            auto [name, url] = two_strings(feed, "name", "url");
            if (!name.empty() && !url.empty()) out.feeds.emplace(name, url);
          }
        };
        bool picked = false;
        for (od::field d : top.value().get_object()) {
          std::string k(field_key(d));
          if (k == "feeds") {
            read_feeds(d.value().get_array());  // 3.0: flat
            picked = true;
          } else if (!picked && (cfg.language.empty() || cfg.language == k)) {
            out.language = k;
            // 2.x: keyed by language; the configured one, else the first.
            for (od::field lf : d.value().get_object()) {
              std::string_view lk = field_key(lf);
              if (lk == "feeds") read_feeds(lf.value().get_array());
            }
            picked = true;
          }
        }
      }
    }
  });
  return out;
}

// station_information → the batch's stations; returns the file's ttl.
std::optional<double> read_information(Session& s, std::string& body, const std::string& url,
                                       const std::string& language) {
  Normaliser& norm = s.norm();
  std::optional<double> file_ttl;
  bool found = false;
  s.parse([&] {
    od::document doc = thread_parser().iterate(pad(body));
    for (od::field top : doc.get_object()) {
      std::string_view key = field_key(top);
      if (key == "ttl") file_ttl = top.value().get_double();
      if (key != "data") continue;
      for (od::field d : top.value().get_object()) {
        if (field_key(d) != "stations") continue;
        found = true;
        std::size_t index = 0;
        od::array list = d.value().get_array();
        s.batch().stations.reserve(list.count_elements());
        for (od::value st : list) {
          norm.at("data/stations", index++);
          StationInfo info;
          JValue id, lat, lon;
          for (od::field f : st.get_object()) {
            std::string_view k = field_key(f);
            od::value v = f.value();
            if (k == "station_id") {
              id.kind = v.type() == od::json_type::number ? JKind::number : JKind::string;
              if (id.kind == JKind::number)
                id.num = v.get_double();
              else
                id.str = v.get_string();
            } else if (k == "lat") {
              lat.kind = JKind::number;
              lat.num = v.get_double();
            } else if (k == "lon") {
              lon.kind = JKind::number;
              lon.num = v.get_double();
            } else if (k == "is_virtual_station") {
              info.is_virtual = v.type() == od::json_type::boolean && v.get_bool();
            } else if (k == "name") {
              if (v.type() == od::json_type::string) {
                // 2.x names are in the feed's language; with no language known, show it either way.
                std::string name(std::string_view(v.get_string()));
                if (starts_with(language, "zh"))
                  info.name_zh = name;
                else if (!language.empty())
                  info.name_en = name;
                else
                  info.name_zh = info.name_en = name;
              } else if (v.type() == od::json_type::array) {
                for (od::value item : v.get_array()) {
                  const auto [text, lang] = two_strings(item, "text", "language");
                  if (starts_with(lang, "zh") && info.name_zh.empty())
                    info.name_zh = text;
                  else if (starts_with(lang, "en") && info.name_en.empty())
                    info.name_en = text;
                  else if (info.name_en.empty() && info.name_zh.empty())
                    info.name_en = text;
                }
              }
            }
          }
          std::string raw = id_text(id);
          if (raw.empty()) {
            norm.reject(norm.where("station_id") + ": station without a station_id");
            continue;
          }
          info.id = norm.station_id(raw);
          if (lat.kind == JKind::number && lon.kind == JKind::number) {
            info.lat = lat.num;
            info.lon = lon.num;
            info.has_position = true;
          }
          norm.station(std::move(info));
        }
      }
    }
  });
  if (!found)
    throw SourceError("GET " + s.redact(url) +
                      ": no data.stations array: not a GBFS station_information file");
  return file_ttl;
}

// station_status → readings, and each described station's service; returns the file's ttl.
std::optional<double> read_status(Session& s, std::string& body, const std::string& url, bool v3) {
  Normaliser& norm = s.norm();
  std::unordered_map<std::string, std::size_t> described;  // station id → its index in batch().stations
  for (std::size_t i = 0; i < s.batch().stations.size(); ++i) described.emplace(s.batch().stations[i].id, i);

  PathSet paths;
  const int sid = paths.add("station_id"), bikes = paths.add("num_bikes_available"),
            vehicles = paths.add("num_vehicles_available"), types = paths.add("vehicle_types_available"),
            docks = paths.add("num_docks_available"), dock_types = paths.add("vehicle_docks_available"),
            reported = paths.add("last_reported"), installed = paths.add("is_installed"),
            renting = paths.add("is_renting"), returning = paths.add("is_returning");
  PathSet env;
  const int updated = env.add("last_updated");
  const int status_ttl = env.add("ttl");
  std::vector<JValue> env_slots(env.slots()), slots;
  // A station that reports no time of its own takes the file's last_updated; should that come after
  // `data`, its readings wait for it.
  struct Pending {
    std::string station;
    JValue bikes, docks;
    std::size_t index;
  };
  std::vector<Pending> pending;
  const char* bikes_field = v3 ? "num_vehicles_available" : "num_bikes_available";
  auto emit = [&](const std::string& station, const JValue& b, const JValue& d, const JValue& t) {
    norm.reading(station, "bikes_available", b, "count", t, bikes_field, "last_reported");
    if (d.present())
      norm.reading(station, "docks_available", d, "count", t, "num_docks_available", "last_reported");
  };
  // A value kept past its document: strings point into the parser, so numbers are resolved now.
  auto own = [&](const JValue& v) {
    JValue out;
    bool missing = false;
    if (auto n = norm.number_of(v, missing)) {
      out.kind = JKind::number;
      out.num = *n;
    }
    return out;
  };
  auto slot = [&](int i) -> const JValue& { return slots[static_cast<std::size_t>(i)]; };
  std::vector<RecordsTarget> targets(1);
  targets[0].path = {"data", "stations"};
  targets[0].on_count = [&](std::size_t n) { s.batch().readings.reserve(2 * n); };
  targets[0].on_record = [&](od::value record, std::size_t index) {
    norm.at("data/stations", index);
    slots.assign(paths.slots(), JValue{});
    capture(record, paths, 0, slots);
    std::string raw = id_text(slot(sid));
    if (raw.empty()) {
      norm.reject(norm.where("station_id") + ": status without a station_id");
      return;
    }
    const std::string station = norm.station_id(raw);
    bool is_virtual = false;
    if (auto it = described.find(station); it != described.end()) {
      StationInfo& info = s.batch().stations[it->second];
      info.service = service_of(slot(installed), slot(renting), slot(returning));
      is_virtual = info.is_virtual;
    }
    JValue b = slot(v3 ? vehicles : bikes);
    if (!b.present()) b = slot(v3 ? bikes : vehicles);
    if (!b.present()) b = sum_of_counts(slot(types));
    JValue d;  // a virtual station has no docks, whatever its status says
    if (!is_virtual) {
      d = slot(docks);
      if (!d.present()) d = sum_of_counts(slot(dock_types));
    }
    const JValue& t = slot(reported);
    const JValue& file_updated = env_slots[static_cast<std::size_t>(updated)];
    if (t.present() || file_updated.present()) {
      // The usual order (last_updated before data): readings go straight out, nothing is buffered.
      emit(station, b, d, t.present() ? t : file_updated);
      return;
    }
    pending.push_back({station, own(b), own(d), index});
  };
  s.parse([&] {
    od::document doc = thread_parser().iterate(pad(body));
    walk_document(doc, env, env_slots, targets);
  });
  if (!targets[0].found)
    throw SourceError("GET " + s.redact(url) + ": no data.stations array: not a GBFS station_status file");
  JValue file_time;
  if (auto t = norm.time_of(env_slots[static_cast<std::size_t>(updated)])) {
    file_time.kind = JKind::number;
    file_time.num = static_cast<double>(*t);
  }
  for (const Pending& p : pending) {
    norm.at("data/stations", p.index);
    emit(p.station, p.bikes, p.docks, file_time);
  }
  return env_number(env_slots[static_cast<std::size_t>(status_ttl)]);
}

}  // namespace

void fetch_gbfs(Session& s) {
  const SourceConfig& cfg = s.cfg();
  const std::string discovery_url = s.url();
  bool reused = false;
  std::string* body = s.get_kept(discovery_url, reused);
  const Discovery discovery = read_discovery(s, *body);
  if (discovery.feeds.empty())
    throw SourceError(
        "GET " + s.redact(discovery_url) + ": no feeds in 'data' (not a gbfs.json discovery file" +
        std::string(cfg.language.empty() ? "" : ", or no language '" + cfg.language + "'") + ")");
  keep_for_ttl(s, discovery_url, *body, reused, discovery.ttl);
  auto feed_url = [&](const char* name) {
    auto it = discovery.feeds.find(name);
    if (it == discovery.feeds.end())
      throw SourceError("GET " + s.redact(discovery_url) + ": the discovery file lists no '" +
                        std::string(name) + "' feed");
    return s.resolve(discovery_url, it->second);
  };
  const std::string info_url = feed_url("station_information");
  const std::string status_url = feed_url("station_status");

  body = s.get_kept(info_url, reused);
  const std::optional<double> info_ttl = read_information(s, *body, info_url, discovery.language);
  keep_for_ttl(s, info_url, *body, reused, info_ttl);

  // The status file's ttl alone sets when the source is fetched next; 0 is "every cycle".
  s.batch().ttl_seconds = read_status(s, *s.get(status_url), status_url, starts_with(discovery.version, "3"));
}

}  // namespace kiosk::data
