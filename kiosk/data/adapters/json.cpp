// Any JSON or GeoJSON document or API, read through [source.fields]: `records` is the path of the records
// array ("$" or empty: the document is the array; "features" for GeoJSON, with paths such as
// "properties/stationcode" and "geometry/coordinates/1"). Paging ([source.paging]) is off (one request,
// conditional like the kiosk feed), offset/limit with the parameter names given, or a link to the next
// page at a path of the response (relative links resolved, followed until absent or empty).
#include "kiosk/data/adapters/mapped.hpp"

namespace kiosk::data {

void fetch_json(Session& s) {
  const SourceConfig& cfg = s.cfg();
  const Paging& paging = cfg.paging;
  const std::string records = cfg.fields.records.empty() ? "$" : cfg.fields.records;
  RecordMapping mapping = compile_mapping(cfg.fields);
  std::vector<MappedTarget> targets{
      {records == "$" ? std::vector<std::string>{} : path_of(records), &mapping, records}};
  PathSet env;
  const int next = paging.mode == "next" ? env.add(paging.next) : -1;
  std::vector<JValue> slots;

  const int limit = cfg.page_size > 0 ? cfg.page_size : 1000;
  long long offset = 0;
  std::string url = s.url();
  for (int page = 0; page < cfg.max_pages; ++page) {
    if (paging.mode == "offset")
      url =
          s.url({{paging.limit_param, std::to_string(limit)}, {paging.offset_param, std::to_string(offset)}});
    std::string* body = s.get(url, page == 0);
    if (!body) return;  // 304: unchanged
    PageOutcome got = parse_mapped_page(s, *body, targets, env, slots);
    if (!got.found)
      throw SourceError("GET " + s.redact(s.current_url()) + ": no records array at '" + records +
                        "' ([source.fields] records: \"$\" for a top-level array, \"features\" for GeoJSON)");
    if (paging.mode == "offset") {
      offset += static_cast<long long>(got.records);
      if (got.records < static_cast<std::size_t>(limit)) return;  // a short page is the last
    } else if (paging.mode == "next") {
      const JValue& link = slots[static_cast<std::size_t>(next)];
      if (link.kind != JKind::string || link.str.empty() || got.records == 0) return;
      url = s.resolve(s.current_url(), std::string(link.str));
    } else {
      return;
    }
  }
  s.batch().notes.push_back("stopped after max_pages = " + std::to_string(cfg.max_pages) + " pages");
}

}  // namespace kiosk::data
