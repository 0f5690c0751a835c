// ArcGIS REST FeatureServer/MapServer `query`, f=json or f=geojson, told apart by each feature:
// f=json gives features[].attributes with geometry {x, y}; f=geojson gives features[].properties with a
// GeoJSON point geometry {coordinates: [lon, lat]}. The kiosk asks for f=json unless the source URL names
// f itself. A null geometry keeps the record without a position. Errors come with HTTP 200 as
// {"error":{code,message,details}} (498 and 499 are token problems); paging by resultOffset while
// `exceededTransferLimit` is true (at the top level for f=json, in the top-level `properties` for
// f=geojson). Dates are epoch milliseconds, which the time rules recognise.
#include "kiosk/data/adapters/mapped.hpp"
#include "kiosk/data/portal_error.hpp"

namespace kiosk::data {

void fetch_arcgis(Session& s) {
  const SourceConfig& cfg = s.cfg();
  FieldMap fields = cfg.fields;
  if (fields.lat.empty()) fields.lat = "geometry/y";
  if (fields.lon.empty()) fields.lon = "geometry/x";
  auto starts = [](const std::string& p, const char* head) { return p.rfind(head, 0) == 0; };
  // A field path names an attribute ("STATION_CODE"), or says where it is: "attributes/…",
  // "properties/…" or "geometry/…".
  RecordMapping mapping = compile_mapping(
      fields,
      [&](const std::string& p) {
        return starts(p, "geometry/") || starts(p, "attributes/") || starts(p, "properties/")
                   ? p
                   : "attributes/" + p;
      },
      [&](const std::string& p) -> std::string {  // the same field in the other format
        if (p == "geometry/x") return "geometry/coordinates/0";
        if (p == "geometry/y") return "geometry/coordinates/1";
        if (starts(p, "geometry/")) return "";
        if (starts(p, "attributes/")) return "properties/" + p.substr(11);
        if (starts(p, "properties/")) return "attributes/" + p.substr(11);
        return "properties/" + p;
      });
  std::vector<MappedTarget> targets{{{"features"}, &mapping, "features"}};
  PathSet env;
  int error = env.add("error");
  int exceeded = env.add("exceededTransferLimit");
  int props_exceeded = env.add("properties/exceededTransferLimit");  // f=geojson puts it here
  std::vector<JValue> slots;

  const int limit = cfg.page_size > 0 ? cfg.page_size : 1000;
  long long offset = 0;
  for (int page = 0; page < cfg.max_pages; ++page) {
    std::vector<std::pair<std::string, std::string>> params = {{"where", "1=1"},
                                                               {"outFields", "*"},
                                                               {"f", "json"},
                                                               {"outSR", "4326"},
                                                               {"resultRecordCount", std::to_string(limit)},
                                                               {"resultOffset", std::to_string(offset)}};
    std::string* body = s.get(s.url(params), page == 0);
    if (!body) return;
    PageOutcome got = parse_mapped_page(s, *body, targets, env, slots);
    if (const JValue& e = slots[static_cast<std::size_t>(error)]; e.present()) {
      PortalError said = e.kind == JKind::other
                             ? arcgis_error(e.str, "sent with HTTP 200")
                             : PortalError{"ArcGIS error (sent with HTTP 200): " + error_summary(e)};
      std::string line = "GET " + s.redact(s.current_url()) + ": " + said.text;
      if (said.auth) throw AuthError(line);  // 498 invalid or expired token, 499 token required
      throw SourceError(line);
    }
    if (!got.found)
      throw SourceError("GET " + s.redact(s.current_url()) +
                        ": no 'features' array: not an ArcGIS query response");
    offset += static_cast<long long>(got.records);
    const JValue& more = slots[static_cast<std::size_t>(exceeded)];
    const JValue& more2 = slots[static_cast<std::size_t>(props_exceeded)];
    bool again =
        (more.kind == JKind::boolean && more.boolean) || (more2.kind == JKind::boolean && more2.boolean);
    if (!again || got.records == 0) return;
  }
  s.batch().notes.push_back("stopped after max_pages = " + std::to_string(cfg.max_pages) + " pages");
}

}  // namespace kiosk::data
