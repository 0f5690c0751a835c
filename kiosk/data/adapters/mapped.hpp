// The part every "table of records" platform shares (CKAN, Socrata, Opendatasoft, ArcGIS, SensorThings):
// the source's field mapping compiled to paths, one pass per page, one record → readings.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/data/json_walk.hpp"
#include "kiosk/data/source_fetch.hpp"

namespace kiosk::data {

struct RecordMapping {
  FieldMap fields;  // after platform defaults and path rewriting
  PathSet paths;
  int station = -1, name_zh = -1, name_en = -1, lat = -1, lon = -1, metric = -1, value = -1, unit = -1,
      time = -1;
  std::vector<std::pair<std::string, int>> columns;  // canonical metric → slot (wide layout)
  std::vector<std::pair<int, std::string>> filter;   // slot → the text it must hold
  std::vector<std::string> constants;                // field constants: slot -2 - k is constants[k]
  std::map<int, std::vector<int>> fallbacks;         // slot → the slots of its alternative paths, in order
};

// `rewrite` turns a configured path into one relative to the record element (ArcGIS: "attributes/…").
// `also`, when given, names a second place for the same configured path (ArcGIS f=geojson:
// "properties/…"), read when the first is absent; "" for none. Alternatives get it too.
RecordMapping compile_mapping(const FieldMap& fields,
                              const std::function<std::string(const std::string&)>& rewrite = nullptr,
                              const std::function<std::string(const std::string&)>& also = nullptr);

struct MappedTarget {
  std::vector<std::string> path;  // of the records array; empty: the root is the array
  const RecordMapping* mapping;
  std::string label;  // for messages, e.g. "result/records"
};

struct PageOutcome {
  std::size_t records = 0;
  bool found = false;  // a records array was there
  std::string label;   // which target matched
};

// Parses one page: envelope fields into env_slots (reset first), records through their mapping.
PageOutcome parse_mapped_page(Session& s, std::string& body, const std::vector<MappedTarget>& targets,
                              const PathSet& env, std::vector<JValue>& env_slots);

// A number from an envelope field that may be a string ("total": "95702"); nullopt when absent.
std::optional<double> env_number(const JValue& v);

// A short readable form of an error object or string found in a body.
std::string error_summary(const JValue& v);

// "a/b" → {"a","b"}; "" → {}.
inline std::vector<std::string> path_of(const std::string& p) {
  return split_path(p);
}

}  // namespace kiosk::data
