// ArcGIS REST FeatureServer/MapServer `query` with f=json: features[].attributes (+ geometry x/y for the
// position), errors sent with HTTP 200 as {"error":{code,message}}, and paging by resultOffset while
// `exceededTransferLimit` is true. Dates are epoch milliseconds, which the time rules recognise.
#include "kiosk/data/adapters/mapped.hpp"

namespace kiosk::data {

void fetch_arcgis(Session& s) {
  const SourceConfig& cfg = s.cfg();
  FieldMap fields = cfg.fields;
  if (fields.lat.empty()) fields.lat = "geometry/y";
  if (fields.lon.empty()) fields.lon = "geometry/x";
  RecordMapping mapping = compile_mapping(fields, [](const std::string& p) {
    return p.rfind("geometry/", 0) == 0 || p.rfind("attributes/", 0) == 0 ? p : "attributes/" + p;
  });
  std::vector<MappedTarget> targets{{{"features"}, &mapping, "features"}};
  PathSet env;
  int code = env.add("error/code");
  int message = env.add("error/message");
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
    const JValue& m = slots[static_cast<std::size_t>(message)];
    if (m.present() || slots[static_cast<std::size_t>(code)].present())
      throw SourceError("GET " + s.redact(s.current_url()) + ": ArcGIS error " +
                        id_text(slots[static_cast<std::size_t>(code)]) +
                        " (sent with HTTP 200): " + error_summary(m));
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
