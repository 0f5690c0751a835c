// Opendatasoft Explore API: v2.1 `results` (flat records) and v2.0 `records[].record.fields`, told apart
// by the response itself; offset/limit paging (limit ≤ 100, offset + limit ≤ 10000); `/exports/json`
// URLs return a bare array in one request.
#include "kiosk/data/adapters/mapped.hpp"

namespace kiosk::data {

void fetch_opendatasoft(Session& s) {
  const SourceConfig& cfg = s.cfg();
  RecordMapping flat = compile_mapping(cfg.fields);
  RecordMapping nested =
      compile_mapping(cfg.fields, [](const std::string& p) { return "record/fields/" + p; });
  const bool exports = cfg.url.find("/exports/") != std::string::npos;
  std::vector<MappedTarget> targets;
  if (!cfg.fields.records.empty())
    targets.push_back({path_of(cfg.fields.records), &flat, cfg.fields.records});
  else if (exports)
    targets.push_back({{}, &flat, ""});
  else {
    targets.push_back({{"results"}, &flat, "results"});
    targets.push_back({{"records"}, &nested, "records"});
  }
  PathSet env;
  int total = env.add("total_count");
  int message = env.add("message");
  int error_code = env.add("error_code");
  int error = env.add("error");
  std::vector<JValue> slots;

  const int limit = std::min(cfg.page_size > 0 ? cfg.page_size : 100, 100);
  const bool own_limit = !s.has_param("limit") && !exports;
  int offset = 0;
  for (int page = 0; page < cfg.max_pages; ++page) {
    std::vector<std::pair<std::string, std::string>> params;
    if (own_limit) {
      params.emplace_back("limit", std::to_string(limit));
      params.emplace_back("offset", std::to_string(offset));
    }
    std::string* body = s.get(s.url(params), page == 0);
    if (!body) return;
    PageOutcome got = parse_mapped_page(s, *body, targets, env, slots);
    if (!got.found) {
      const JValue& m = slots[static_cast<std::size_t>(message)];
      const JValue& e = slots[static_cast<std::size_t>(error)];
      if (m.present() || e.present())
        throw SourceError("GET " + s.redact(s.current_url()) + ": Opendatasoft error " +
                          id_text(slots[static_cast<std::size_t>(error_code)]) + ": " +
                          error_summary(m.present() ? m : e));
      throw SourceError(
          "GET " + s.redact(s.current_url()) +
          ": no 'results' (v2.1) or 'records' (v2.0) array: not an Opendatasoft Explore response");
    }
    if (!own_limit) return;
    offset += static_cast<int>(got.records);
    std::optional<double> all = env_number(slots[static_cast<std::size_t>(total)]);
    if (got.records == 0 || got.records < static_cast<std::size_t>(limit) || (all && offset >= *all)) return;
    if (offset + limit > 10000) {
      // The records endpoint refuses offset + limit > 10000; a full pull needs /exports/json.
      s.batch().notes.push_back(
          "stopped at 10000 records: Opendatasoft's records endpoint serves no more; "
          "use the dataset's /exports/json URL for all of them");
      return;
    }
  }
  s.batch().notes.push_back("stopped after max_pages = " + std::to_string(cfg.max_pages) + " pages");
}

}  // namespace kiosk::data
