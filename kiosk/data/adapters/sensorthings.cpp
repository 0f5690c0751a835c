// OGC SensorThings API 1.1: collections under `value`, server-driven paging by `@iot.nextLink`
// (followed verbatim, relative links resolved), instants or `start/end` intervals for phenomenonTime.
// Default shape: a Datastreams collection with its Thing (and Locations), ObservedProperty and newest
// Observation expanded, so one request gives station, metric, unit, value and time together.
// An Observations URL (…/Datastreams(7)/Observations) is one series: each record is an Observation
// (result, phenomenonTime), the station and metric are the source's own (fields or constants such as
// station = { value = "ST-42" }), and nothing is added to the URL.
#include "kiosk/core/platforms.hpp"
#include "kiosk/data/adapters/mapped.hpp"

namespace kiosk::data {

namespace {

bool given(const FieldMap& f, const std::string& path, const char* key) {
  return !path.empty() || f.constants.count(key) > 0;
}

FieldMap observation_defaults(FieldMap f) {
  if (!given(f, f.station, "station") || (f.layout == "long" && !given(f, f.metric, "metric")))
    throw SourceError(
        "an Observations URL is one Datastream: give its station and metric in [source.fields] (station = { "
        "value = \"ST-42\" }, metric = { value = \"pm25_1h\" }) or as paths in each Observation");
  auto fill = [](std::string& field, const char* value) {
    if (field.empty()) field = value;
  };
  if (f.layout == "long") fill(f.value, "result");
  fill(f.observed_at, "phenomenonTime");
  return f;
}

FieldMap with_defaults(FieldMap f) {
  auto fill = [](std::string& field, const char* value) {
    if (field.empty()) field = value;
  };
  fill(f.station, "Thing/@iot.id");
  fill(f.name_en, "Thing/name");
  fill(f.lat, "Thing/Locations/0/location/coordinates/1");
  fill(f.lon, "Thing/Locations/0/location/coordinates/0");
  if (f.layout == "long") {
    fill(f.metric, "ObservedProperty/name");
    fill(f.value, "Observations/0/result");
    fill(f.unit, "unitOfMeasurement/symbol");
  }
  fill(f.observed_at, "Observations/0/phenomenonTime");
  return f;
}

}  // namespace

void fetch_sensorthings(Session& s) {
  const SourceConfig& cfg = s.cfg();
  const bool observations = is_sensorthings_observations_url(cfg.url);
  RecordMapping mapping =
      compile_mapping(observations ? observation_defaults(cfg.fields) : with_defaults(cfg.fields));
  const std::string records = cfg.fields.records.empty() ? "value" : cfg.fields.records;
  std::vector<MappedTarget> targets{{path_of(records), &mapping, records}};
  PathSet env;
  int next = env.add("@iot.nextLink");
  int message = env.add("message");
  int code = env.add("code");
  std::vector<JValue> slots;

  std::vector<std::pair<std::string, std::string>> params;
  if (!observations && !s.has_param("$expand") && cfg.url.find("$expand") == std::string::npos)
    params.emplace_back(
        "$expand",
        "Thing($expand=Locations),ObservedProperty,Observations($orderby=phenomenonTime desc;$top=1)");
  std::string url = s.url(params);
  for (int page = 0; page < cfg.max_pages; ++page) {
    std::string* body = s.get(url, page == 0);
    if (!body) return;
    PageOutcome got = parse_mapped_page(s, *body, targets, env, slots);
    if (!got.found) {
      const JValue& m = slots[static_cast<std::size_t>(message)];
      if (m.present())
        throw SourceError("GET " + s.redact(s.current_url()) + ": SensorThings error " +
                          id_text(slots[static_cast<std::size_t>(code)]) + ": " + error_summary(m));
      throw SourceError("GET " + s.redact(s.current_url()) + ": no '" + records +
                        "' array: not a SensorThings collection");
    }
    const JValue& link = slots[static_cast<std::size_t>(next)];
    if (link.kind != JKind::string || link.str.empty()) return;
    url = s.resolve(s.current_url(), std::string(link.str));
  }
  s.batch().notes.push_back("stopped after max_pages = " + std::to_string(cfg.max_pages) + " pages");
}

}  // namespace kiosk::data
