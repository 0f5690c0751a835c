// CKAN DataStore `datastore_search`: records under result.records, offset/limit paging stopped by
// `total` (never by `_links.next`, which is present even on the last page), `success:false` errors read
// as "CKAN <__type>: <field>: <messages>" (an "Authorization Error" is an authentication failure).
// A CKAN-like API without the envelope (Taiwan MOENV) works with [source.fields] records = "records".
#include "kiosk/data/adapters/mapped.hpp"
#include "kiosk/data/portal_error.hpp"

namespace kiosk::data {

void fetch_ckan(Session& s) {
  const SourceConfig& cfg = s.cfg();
  const bool enveloped = cfg.fields.records.empty();
  const std::string records = enveloped ? "result/records" : cfg.fields.records;
  RecordMapping mapping = compile_mapping(cfg.fields);
  std::vector<MappedTarget> targets{{path_of(records), &mapping, records}};
  PathSet env;
  int success = env.add("success");
  int error = env.add("error");
  int total = env.add(enveloped ? "result/total" : "total");
  std::vector<JValue> slots;

  const int limit = cfg.page_size > 0 ? cfg.page_size : 1000;
  const bool own_limit = !s.has_param("limit");
  double offset = 0;
  for (int page = 0; page < cfg.max_pages; ++page) {
    std::vector<std::pair<std::string, std::string>> params;
    if (own_limit) params.emplace_back("limit", std::to_string(limit));
    params.emplace_back("offset", std::to_string(static_cast<long long>(offset)));
    std::string* body = s.get(s.url(params), page == 0);
    if (!body) return;  // 304: unchanged
    PageOutcome got = parse_mapped_page(s, *body, targets, env, slots);
    const JValue& ok = slots[static_cast<std::size_t>(success)];
    if (ok.kind == JKind::boolean && !ok.boolean) {
      const JValue& e = slots[static_cast<std::size_t>(error)];
      PortalError said =
          e.kind == JKind::other ? ckan_error(e.str) : PortalError{"CKAN error: " + error_summary(e)};
      std::string line = "GET " + s.redact(s.current_url()) + ": " + said.text;
      if (said.auth) throw AuthError(line);
      throw SourceError(line);
    }
    if (!got.found)
      throw SourceError(
          "GET " + s.redact(s.current_url()) + ": no '" + records +
          "' array: not a CKAN datastore_search response (or [source.fields] records is wrong)");
    offset += static_cast<double>(got.records);
    std::optional<double> all = env_number(slots[static_cast<std::size_t>(total)]);
    if (got.records == 0 || (own_limit && got.records < static_cast<std::size_t>(limit)) ||
        (all && offset >= *all))
      return;
  }
  s.batch().notes.push_back("stopped after max_pages = " + std::to_string(cfg.max_pages) + " pages");
}

}  // namespace kiosk::data
