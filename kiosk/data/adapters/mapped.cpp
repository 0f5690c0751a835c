// Field-mapped record parsing shared by the table-like platforms (see mapped.hpp).
#include "kiosk/data/adapters/mapped.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace kiosk::data {

RecordMapping compile_mapping(const FieldMap& fields,
                              const std::function<std::string(const std::string&)>& rewrite,
                              const std::function<std::string(const std::string&)>& also) {
  RecordMapping m;
  m.fields = fields;
  auto rw = [&](std::string p) {
    if (!p.empty() && rewrite) p = rewrite(p);
    return p;
  };
  FieldMap& f = m.fields;
  for (std::string* p :
       {&f.station, &f.name_zh, &f.name_en, &f.lat, &f.lon, &f.metric, &f.value, &f.unit, &f.observed_at})
    *p = rw(*p);
  for (auto& c : f.columns) c.second = rw(c.second);
  for (auto& c : f.filter) c.first = rw(c.first);
  // One configured path: its slot, with the platform's other form of it (`also`) behind it.
  auto add_path = [&](const std::string& configured, std::vector<int>* behind) -> int {
    const int i = m.paths.add(rw(configured));
    if (also && !configured.empty())
      if (std::string other = also(configured); !other.empty()) {
        const int j = m.paths.add(other);
        if (behind) {
          behind->push_back(j);
        } else if (i >= 0) {
          m.fallbacks[i].push_back(j);
        }
      }
    return i;
  };
  // A field's slot: its constant, or its path with any alternatives behind it.
  auto add = [&](const char* key, const std::string& configured) -> int {
    if (auto c = f.constants.find(key); c != f.constants.end()) {
      m.constants.push_back(c->second);
      return -1 - static_cast<int>(m.constants.size());
    }
    const int i = add_path(configured, nullptr);
    if (auto a = f.alternatives.find(key); a != f.alternatives.end() && i >= 0)
      for (const std::string& alt : a->second) {
        std::vector<int>& behind = m.fallbacks[i];
        behind.push_back(m.paths.add(rw(alt)));
        add_path(alt, &behind);
      }
    return i;
  };
  m.station = add("station", fields.station);
  m.name_zh = add("name_zh", fields.name_zh);
  m.name_en = add("name_en", fields.name_en);
  m.lat = add("lat", fields.lat);
  m.lon = add("lon", fields.lon);
  m.time = add("observed_at", fields.observed_at);
  m.unit = add("unit", fields.unit);
  for (std::size_t k = 0; k < fields.filter.size(); ++k)
    m.filter.emplace_back(add_path(fields.filter[k].first, nullptr), fields.filter[k].second);
  if (f.layout == "wide") {
    for (std::size_t k = 0; k < fields.columns.size(); ++k)
      m.columns.emplace_back(fields.columns[k].first, add_path(fields.columns[k].second, nullptr));
  } else {
    m.metric = add("metric", fields.metric);
    m.value = add("value", fields.value);
  }
  return m;
}

namespace {

// A field's value in one record: a constant, the first present of its paths, or absent.
JValue field(const RecordMapping& m, const std::vector<JValue>& slots, int i) {
  if (i <= -2) {
    JValue v;
    v.kind = JKind::string;
    v.str = m.constants[static_cast<std::size_t>(-2 - i)];
    return v;
  }
  if (i < 0) return {};
  const JValue& v = slots[static_cast<std::size_t>(i)];
  if (!v.present())
    if (auto it = m.fallbacks.find(i); it != m.fallbacks.end())
      for (int j : it->second)
        if (j >= 0 && slots[static_cast<std::size_t>(j)].present()) return slots[static_cast<std::size_t>(j)];
  return v;
}

void emit(Session& s, const RecordMapping& m, const std::vector<JValue>& slots) {
  Normaliser& norm = s.norm();
  for (const auto& [index, wanted] : m.filter)
    if (id_text(field(m, slots, index)) != wanted) {
      ++s.batch().filtered_count;
      return;
    }
  std::string raw = id_text(field(m, slots, m.station));
  if (raw.empty()) {
    norm.reject(norm.where(m.fields.station) + ": no station id (field '" + m.fields.station + "' is " +
                (field(m, slots, m.station).kind == JKind::absent ? "missing)" : "empty or null)"));
    return;
  }
  std::string station = norm.station_id(raw);
  norm.station(station, field(m, slots, m.name_zh), field(m, slots, m.name_en), field(m, slots, m.lat),
               field(m, slots, m.lon));
  const JValue& time = field(m, slots, m.time);
  const JValue& unit_value = field(m, slots, m.unit);
  std::string_view record_unit = unit_value.kind == JKind::string ? unit_value.str : std::string_view{};
  auto configured_unit = [&](const std::string& metric) -> std::string_view {
    auto it = m.fields.units.find(metric);
    return it != m.fields.units.end() ? std::string_view(it->second) : std::string_view{};
  };
  if (m.fields.layout == "wide") {
    for (std::size_t i = 0; i < m.columns.size(); ++i) {
      const auto& [metric, index] = m.columns[i];
      norm.reading(station, metric, field(m, slots, index), configured_unit(metric), time,
                   m.fields.columns[i].second, m.fields.observed_at);
    }
    return;
  }
  const JValue& metric_value = field(m, slots, m.metric);
  std::string name = id_text(metric_value);
  if (name.empty()) {
    norm.reject(norm.where(m.fields.metric) + ": no metric name");
    return;
  }
  std::string metric = norm.metric(name);
  if (metric.empty()) {
    ++s.batch().ignored_count;
    return;
  }
  std::string_view unit = !record_unit.empty() ? record_unit : configured_unit(metric);
  norm.reading(station, metric, field(m, slots, m.value), unit, time, m.fields.value, m.fields.observed_at);
}

}  // namespace

PageOutcome parse_mapped_page(Session& s, std::string& body, const std::vector<MappedTarget>& targets,
                              const PathSet& env, std::vector<JValue>& env_slots) {
  PageOutcome out;
  env_slots.assign(env.slots(), JValue{});
  std::vector<std::vector<JValue>> record_slots(targets.size());
  std::vector<RecordsTarget> walk(targets.size());
  for (std::size_t t = 0; t < targets.size(); ++t) {
    walk[t].path = targets[t].path;
    const RecordMapping* m = targets[t].mapping;
    std::vector<JValue>* slots = &record_slots[t];
    std::string label = targets[t].label;
    walk[t].on_count = [&s, m](std::size_t n) {
      auto& out = s.batch().readings;
      out.reserve(out.size() + n * std::max<std::size_t>(1, m->columns.size()));
    };
    walk[t].on_record = [&s, m, slots, label](od::value record, std::size_t index) {
      s.norm().at(label, index);
      slots->assign(m->paths.slots(), JValue{});
      if (record.type() != od::json_type::object) {
        s.norm().reject(s.norm().where() + ": record is not an object");
        return;
      }
      capture(record, m->paths, 0, *slots);
      emit(s, *m, *slots);
    };
  }
  s.parse([&] {
    od::document doc = thread_parser().iterate(pad(body));
    walk_document(doc, env, env_slots, walk);
  });
  for (std::size_t t = 0; t < walk.size(); ++t)
    if (walk[t].found) {
      out.found = true;
      out.records += walk[t].count;
      out.label = targets[t].label;
    }
  return out;
}

std::optional<double> env_number(const JValue& v) {
  if (v.kind == JKind::number) return v.num;
  if (v.kind == JKind::string) {
    double d = 0;
    if (parse_number(v.str, d) == NumberParse::ok) return d;
  }
  return std::nullopt;
}

std::string error_summary(const JValue& v) {
  if (v.kind == JKind::string) return std::string(v.str.substr(0, 200));
  if (v.kind == JKind::other) {
    nlohmann::json j = nlohmann::json::parse(v.str, nullptr, false);
    if (j.is_object()) {
      if (j.contains("message") && j["message"].is_string()) {
        std::string text = j["message"].get<std::string>();
        if (j.contains("__type") && j["__type"].is_string())
          text = j["__type"].get<std::string>() + ": " + text;
        return text.substr(0, 200);
      }
      return j.dump().substr(0, 200);
    }
    return std::string(v.str.substr(0, 200));
  }
  if (v.kind == JKind::boolean) return v.boolean ? "true" : "false";
  return id_text(v);
}

}  // namespace kiosk::data
