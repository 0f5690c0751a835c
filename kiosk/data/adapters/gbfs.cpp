// GBFS 2.3 and 3.0 bike share: gbfs.json discovery (2.x keyed by language, 3.0 flat), then
// station_information (names: strings in 2.x, localized arrays in 3.0) and station_status
// (num_bikes_available in 2.x, num_vehicles_available in 3.0; last_reported POSIX seconds or RFC 3339).
// Feed URLs may be relative to the discovery file; content-folder feeds stay file:// inside the folder.
// The smallest `ttl` of the three files becomes the source's "come back in" hint.
#include <algorithm>
#include <map>

#include "kiosk/data/adapters/mapped.hpp"

namespace kiosk::data {

namespace {

struct Envelope {
  std::optional<double> ttl;
  JValue last_updated;
  std::string version;
};

void read_ttl(Batch& batch, const std::optional<double>& ttl) {
  if (!ttl || *ttl <= 0) return;
  batch.ttl_seconds = batch.ttl_seconds > 0 ? std::min(batch.ttl_seconds, *ttl) : *ttl;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

}  // namespace

void fetch_gbfs(Session& s) {
  const SourceConfig& cfg = s.cfg();
  Normaliser& norm = s.norm();
  std::string discovery_url = s.url();
  std::string* body = s.get(discovery_url);

  // 1. Discovery: feed name → URL.
  std::map<std::string, std::string> feeds;
  std::string version;
  std::string language = cfg.language;  // 2.x: the language whose feed list was used
  std::optional<double> ttl;
  s.parse([&] {
    od::document doc = thread_parser().iterate(pad(*body));
    for (od::field top : doc.get_object()) {
      std::string_view key = field_key(top);
      if (key == "ttl") {
        ttl = top.value().get_double();
      } else if (key == "version") {
        version = std::string(std::string_view(top.value().get_string()));
      } else if (key == "data") {
        auto read_feeds = [&](od::array list) {
          for (od::value feed : list) {
            std::string name, url;
            for (od::field f : feed.get_object()) {
              std::string_view k = field_key(f);
              if (k == "name")
                name = std::string(std::string_view(f.value().get_string()));
              else if (k == "url")
                url = std::string(std::string_view(f.value().get_string()));
            }
            if (!name.empty() && !url.empty()) feeds.emplace(name, url);
          }
        };
        bool picked = false;
        for (od::field d : top.value().get_object()) {
          std::string k(field_key(d));
          if (k == "feeds") {
            read_feeds(d.value().get_array());  // 3.0: flat
            picked = true;
          } else if (!picked && (cfg.language.empty() || cfg.language == k)) {
            language = k;
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
  read_ttl(s.batch(), ttl);
  if (feeds.empty())
    throw SourceError(
        "GET " + s.redact(discovery_url) + ": no feeds in 'data' (not a gbfs.json discovery file" +
        std::string(cfg.language.empty() ? "" : ", or no language '" + cfg.language + "'") + ")");
  auto feed_url = [&](const char* name) {
    auto it = feeds.find(name);
    if (it == feeds.end())
      throw SourceError("GET " + s.redact(discovery_url) + ": the discovery file lists no '" +
                        std::string(name) + "' feed");
    return s.resolve(discovery_url, it->second);
  };
  const std::string info_url = feed_url("station_information");
  const std::string status_url = feed_url("station_status");
  const bool v3 = starts_with(version, "3");

  // 2. station_information → StationInfo. Names: 2.x strings; 3.0 [{text, language}].
  std::string info_body = std::move(*s.get(info_url));
  const std::string lang_hint = language;
  s.parse([&] {
    od::document doc = thread_parser().iterate(pad(info_body));
    std::optional<double> file_ttl;
    bool found = false;
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
            } else if (k == "name") {
              if (v.type() == od::json_type::string) {
                // 2.x names are in the feed's language; with no language known, show it either way.
                std::string name(std::string_view(v.get_string()));
                if (starts_with(lang_hint, "zh"))
                  info.name_zh = name;
                else if (!lang_hint.empty())
                  info.name_en = name;
                else
                  info.name_zh = info.name_en = name;
              } else if (v.type() == od::json_type::array) {
                for (od::value item : v.get_array()) {
                  std::string text, language;
                  for (od::field nf : item.get_object()) {
                    std::string_view nk = field_key(nf);
                    if (nk == "text")
                      text = std::string(std::string_view(nf.value().get_string()));
                    else if (nk == "language")
                      language = std::string(std::string_view(nf.value().get_string()));
                  }
                  if (starts_with(language, "zh") && info.name_zh.empty())
                    info.name_zh = text;
                  else if (starts_with(language, "en") && info.name_en.empty())
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
    read_ttl(s.batch(), file_ttl);
    if (!found)
      throw SourceError("GET " + s.redact(info_url) +
                        ": no data.stations array: not a GBFS station_information file");
  });

  // 3. station_status → readings.
  std::string* status_body = s.get(status_url);
  PathSet paths;
  const int sid = paths.add("station_id"), bikes = paths.add("num_bikes_available"),
            vehicles = paths.add("num_vehicles_available"), docks = paths.add("num_docks_available"),
            reported = paths.add("last_reported"), installed = paths.add("is_installed");
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
  std::vector<RecordsTarget> targets(1);
  targets[0].path = {"data", "stations"};
  targets[0].on_count = [&](std::size_t n) { s.batch().readings.reserve(2 * n); };
  targets[0].on_record = [&](od::value record, std::size_t index) {
    norm.at("data/stations", index);
    slots.assign(paths.slots(), JValue{});
    capture(record, paths, 0, slots);
    std::string raw = id_text(slots[static_cast<std::size_t>(sid)]);
    if (raw.empty()) {
      norm.reject(norm.where("station_id") + ": status without a station_id");
      return;
    }
    const JValue& inst = slots[static_cast<std::size_t>(installed)];
    if (inst.kind == JKind::boolean && !inst.boolean) return;  // not on the street: nothing to show
    JValue b = slots[static_cast<std::size_t>(v3 ? vehicles : bikes)];
    if (!b.present()) b = slots[static_cast<std::size_t>(v3 ? bikes : vehicles)];
    const JValue& d = slots[static_cast<std::size_t>(docks)];
    const JValue& t = slots[static_cast<std::size_t>(reported)];
    const JValue& file_updated = env_slots[static_cast<std::size_t>(updated)];
    if (t.present() || file_updated.present()) {
      // The usual order (last_updated before data): readings go straight out, nothing is buffered.
      emit(norm.station_id(raw), b, d, t.present() ? t : file_updated);
      return;
    }
    Pending p;
    p.station = norm.station_id(raw);
    p.bikes = own(b);
    p.docks = own(d);
    p.index = index;
    pending.push_back(std::move(p));
  };
  s.parse([&] {
    od::document doc = thread_parser().iterate(pad(*status_body));
    walk_document(doc, env, env_slots, targets);
  });
  if (!targets[0].found)
    throw SourceError("GET " + s.redact(status_url) +
                      ": no data.stations array: not a GBFS station_status file");
  read_ttl(s.batch(), env_number(env_slots[static_cast<std::size_t>(status_ttl)]));
  JValue file_time;
  if (auto t = norm.time_of(env_slots[static_cast<std::size_t>(updated)])) {
    file_time.kind = JKind::number;
    file_time.num = static_cast<double>(*t);
  }
  for (const Pending& p : pending) {
    norm.at("data/stations", p.index);
    emit(p.station, p.bikes, p.docks, file_time);
  }
}

}  // namespace kiosk::data
