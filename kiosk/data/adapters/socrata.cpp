// Socrata SODA 2: a bare array of flat rows (numbers as strings, nulls dropped), $limit/$offset paging
// with a stable $order, and error objects in two generations of shape.
#include "kiosk/data/adapters/mapped.hpp"

namespace kiosk::data {

void fetch_socrata(Session& s) {
  const SourceConfig& cfg = s.cfg();
  RecordMapping mapping = compile_mapping(cfg.fields);
  std::vector<MappedTarget> targets{{path_of(cfg.fields.records), &mapping, cfg.fields.records}};
  PathSet env;
  int message = env.add("message");
  int code = env.add("code");
  int error_code = env.add("errorCode");
  std::vector<JValue> slots;

  const int limit = cfg.page_size > 0 ? cfg.page_size : 1000;
  const bool own_limit = !s.has_param("$limit");
  long long offset = 0;
  for (int page = 0; page < cfg.max_pages; ++page) {
    std::vector<std::pair<std::string, std::string>> params;
    if (!s.has_param("$order")) params.emplace_back("$order", ":id");  // stable pages
    if (own_limit) params.emplace_back("$limit", std::to_string(limit));
    params.emplace_back("$offset", std::to_string(offset));
    std::string* body = s.get(s.url(params), page == 0);
    if (!body) return;
    PageOutcome got = parse_mapped_page(s, *body, targets, env, slots);
    if (!got.found) {
      const JValue& m = slots[static_cast<std::size_t>(message)];
      std::string c = id_text(slots[static_cast<std::size_t>(error_code)]);
      if (c.empty()) c = id_text(slots[static_cast<std::size_t>(code)]);
      if (m.present())
        throw SourceError("GET " + s.redact(s.current_url()) + ": Socrata error" +
                          (c.empty() ? "" : " " + c) + ": " + error_summary(m));
      throw SourceError("GET " + s.redact(s.current_url()) +
                        ": expected an array of rows: not a Socrata response");
    }
    offset += static_cast<long long>(got.records);
    if (got.records == 0 || !own_limit || got.records < static_cast<std::size_t>(limit)) return;
  }
  s.batch().notes.push_back("stopped after max_pages = " + std::to_string(cfg.max_pages) + " pages");
}

}  // namespace kiosk::data
