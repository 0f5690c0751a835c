// On-demand JSON helpers shared by every adapter (see json_walk.hpp).
#include "kiosk/data/json_walk.hpp"

#include <cmath>
#include <cstdio>

namespace kiosk::data {

int PathSet::child(int parent, std::string_view key) const {
  for (int c : nodes_[static_cast<std::size_t>(parent)].children)
    if (nodes_[static_cast<std::size_t>(c)].key == key) return c;
  return -1;
}

int PathSet::add(std::string_view path) {
  if (path.empty()) return -1;
  int at = 0;
  for (const auto& key : split_path(path)) {
    int next = child(at, key);
    if (next < 0) {
      Node n;
      n.key = key;
      bool digits = !key.empty() && key.size() < 9;
      for (char c : key) digits = digits && c >= '0' && c <= '9';
      if (digits) n.index = std::stoi(key);
      nodes_.push_back(std::move(n));
      next = static_cast<int>(nodes_.size() - 1);
      nodes_[static_cast<std::size_t>(at)].children.push_back(next);
    }
    at = next;
  }
  Node& leaf = nodes_[static_cast<std::size_t>(at)];
  if (leaf.slot < 0) leaf.slot = static_cast<int>(slot_count_++);
  return leaf.slot;
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  while (!path.empty()) {
    auto slash = path.find('/');
    out.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

namespace {

void store_scalar(od::value& value, JValue& out) {
  od::json_type type = value.type();
  switch (type) {
    case od::json_type::number:
      out.kind = JKind::number;
      out.num = value.get_double();
      break;
    case od::json_type::string:
      out.kind = JKind::string;
      out.str = value.get_string();
      break;
    case od::json_type::boolean:
      out.kind = JKind::boolean;
      out.boolean = value.get_bool();
      break;
    case od::json_type::null:
      out.kind = JKind::null;
      (void)value.is_null();
      break;
    default: {
      // Objects and arrays are kept as their JSON text (error objects are summarised from it).
      out.kind = JKind::other;
      if (type == od::json_type::object) {
        od::object object = value.get_object();
        out.str = object.raw_json();
      } else {
        od::array array = value.get_array();
        out.str = array.raw_json();
      }
      break;
    }
  }
}

}  // namespace

std::string_view field_key(od::field& field) {
  const char* p = field.key().raw();
  // The closing quote was found by simdjson's first pass; a backslash before it means escapes, which
  // simdjson unescapes and checks (a broken one, "\\u12", is a JSON error, never a read past the key).
  for (std::size_t n = 0;; ++n) {
    if (p[n] == '"') return {p, n};
    if (p[n] == '\\') return field.unescaped_key();
  }
}

void capture(od::value value, const PathSet& paths, int node_index, std::vector<JValue>& slots) {
  const PathSet::Node& node = paths.node(node_index);
  if (node.children.empty()) {
    if (node.slot >= 0) store_scalar(value, slots[static_cast<std::size_t>(node.slot)]);
    return;
  }
  od::json_type type = value.type();
  if (type == od::json_type::object) {
    for (od::field field : value.get_object()) {
      int c = paths.child(node_index, field_key(field));
      if (c >= 0) capture(field.value(), paths, c, slots);
    }
  } else if (type == od::json_type::array) {
    int i = 0;
    for (od::value element : value.get_array()) {
      for (int c : node.children)
        if (paths.node(c).index == i) capture(element, paths, c, slots);
      ++i;
    }
  } else if (node.slot >= 0) {
    store_scalar(value, slots[static_cast<std::size_t>(node.slot)]);
  }
}

namespace {

void walk_object(od::object object, const PathSet& env, int env_node, std::vector<JValue>& env_slots,
                 std::vector<RecordsTarget>& targets, std::size_t depth) {
  for (od::field field : object) {
    std::string_view key = field_key(field);
    int env_child = env_node >= 0 ? env.child(env_node, key) : -1;
    RecordsTarget* target = nullptr;
    bool deeper = false;
    for (auto& t : targets) {
      if (t.path.size() <= depth || t.path[depth] != key) continue;
      // Only the key at this depth is compared: no platform has two records arrays whose paths
      // share a key at one depth but differ above it.
      if (t.path.size() == depth + 1)
        target = &t;
      else
        deeper = true;
    }
    if (target) {
      od::value v = field.value();
      if (v.type() != od::json_type::array) {
        if (env_child >= 0) capture(v, env, env_child, env_slots);
        continue;
      }
      target->found = true;
      od::array records = v.get_array();
      // Counting is a quick scan of the structural index; reserving the output then avoids the
      // doubling copies that would otherwise push peak memory well past the response size.
      if (target->on_count) target->on_count(records.count_elements());
      std::size_t i = 0;
      for (od::value record : records) target->on_record(record, i++);
      target->count = i;
    } else if (deeper) {
      od::value v = field.value();
      if (v.type() == od::json_type::object) {
        walk_object(v.get_object(), env, env_child, env_slots, targets, depth + 1);
      } else if (env_child >= 0) {
        capture(v, env, env_child, env_slots);
      }
    } else if (env_child >= 0) {
      capture(field.value(), env, env_child, env_slots);
    }
  }
}

}  // namespace

void walk_document(od::document& doc, const PathSet& envelope, std::vector<JValue>& env_slots,
                   std::vector<RecordsTarget>& targets) {
  od::json_type type = doc.type();
  if (type == od::json_type::array) {
    for (auto& t : targets) {
      if (!t.path.empty()) continue;
      t.found = true;
      od::array records = doc.get_array();
      if (t.on_count) t.on_count(records.count_elements());
      std::size_t i = 0;
      for (od::value record : records) t.on_record(record, i++);
      t.count = i;
      return;
    }
    // Not the array anyone wanted: still consume it so truncation errors surface.
    for (od::value element : doc.get_array()) (void)element;
    return;
  }
  if (type != od::json_type::object) return;
  walk_object(doc.get_object(), envelope, 0, env_slots, targets, 0);
}

od::parser& thread_parser() {
  thread_local od::parser parser;
  return parser;
}

void release_thread_parser() {
  constexpr size_t kKeep = 256 * 1024;  // small feeds' buffers stay: reallocating them gains nothing
  od::parser& parser = thread_parser();
  if (parser.capacity() > kKeep) parser = od::parser{};
}

simdjson::padded_string_view pad(std::string& body) {
  if (body.capacity() < body.size() + simdjson::SIMDJSON_PADDING)
    body.reserve(body.size() + simdjson::SIMDJSON_PADDING);
  return simdjson::padded_string_view(body.data(), body.size(), body.capacity());
}

std::string sniff_payload(std::string_view body) {
  std::size_t i = 0;
  // A UTF-8 byte-order mark is not JSON but is harmless; simdjson rejects it, so callers must skip it too.
  while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) ++i;
  if (i == body.size()) return "the response body is empty";
  char c = body[i];
  if (c == '{' || c == '[') return {};
  if (c == '<') return "the response is an HTML or XML page, not JSON (an error or login page from a proxy?)";
  if (c == '"') {
    std::string text(body.substr(i + 1, 200));
    if (auto end = text.find('"'); end != std::string::npos) text.resize(end);
    return "the response is a JSON string, not data: \"" + text + "\"";
  }
  return "the response is not JSON (it starts with '" + std::string(1, c) + "')";
}

std::string id_text(const JValue& v) {
  if (v.kind == JKind::string) return std::string(v.str);
  if (v.kind == JKind::number) {
    char buf[32];
    if (std::floor(v.num) == v.num && std::fabs(v.num) < 1e17)
      std::snprintf(buf, sizeof buf, "%.0f", v.num);
    else
      std::snprintf(buf, sizeof buf, "%.17g", v.num);
    return buf;
  }
  if (v.kind == JKind::boolean) return v.boolean ? "true" : "false";
  return {};
}

}  // namespace kiosk::data
