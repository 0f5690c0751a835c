// A thin layer over simdjson's on-demand parser for the adapters: compiled sets of field paths,
// captured as plain values in one forward pass over each record, and a document walk that finds the
// records array wherever a platform keeps it while picking up envelope fields (totals, errors, links)
// on the way. One pass, no DOM: this is what keeps parsing above 200 MB/s with little extra memory.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

namespace kiosk::data {

namespace od = simdjson::ondemand;

enum class JKind : std::uint8_t { absent, null, number, string, boolean, other };

// A captured value. Strings point into the parser's buffers and live until the next document.
struct JValue {
  JKind kind = JKind::absent;
  double num = 0;
  std::string_view str;  // string value, or the raw JSON text of an object/array (kind other)
  bool boolean = false;
  bool present() const { return kind != JKind::absent && kind != JKind::null; }
};

// A set of paths ("a/b/0/c") compiled into a small tree; each path gets a slot index.
class PathSet {
 public:
  int add(std::string_view path);  // empty path: -1 (not captured)
  std::size_t slots() const { return slot_count_; }
  bool empty() const { return slot_count_ == 0; }

  struct Node {
    std::string key;  // object key, or the decimal index of an array element
    int index = -1;   // array index when the key is all digits
    int slot = -1;
    std::vector<int> children;
  };
  const Node& node(int i) const { return nodes_[static_cast<std::size_t>(i)]; }
  int child(int parent, std::string_view key) const;

 private:
  std::vector<Node> nodes_{Node{}};
  std::size_t slot_count_ = 0;
};

// Captures every path of `paths` found under `value` (node 0 = value itself) into `slots`.
// `slots` must have paths.slots() entries; they are not cleared here.
void capture(od::value value, const PathSet& paths, int node, std::vector<JValue>& slots);

// The key of an object field: a view of the document when it has no escapes, else unescaped by simdjson
// into its string buffer (valid while the document is). A malformed escape throws a simdjson_error.
std::string_view field_key(od::field& field);

// One records array the walk looks for. `path` is a list of keys from the root; empty: the root is the array.
struct RecordsTarget {
  std::vector<std::string> path;
  std::function<void(od::value record, std::size_t index)> on_record;
  std::function<void(std::size_t count)> on_count;  // optional: told the array's size first (to reserve)
  bool found = false;
  std::size_t count = 0;
};

// Walks the document: fills envelope slots and calls on_record for each element of each target.
void walk_document(od::document& doc, const PathSet& envelope, std::vector<JValue>& env_slots,
                   std::vector<RecordsTarget>& targets);

// Splits "a/b/c" into keys.
std::vector<std::string> split_path(std::string_view path);

// Shared parser for the calling thread; reused so its buffers are allocated once.
od::parser& thread_parser();
// Gives back the calling thread's parser buffers when a large document grew them (about five times its
// size: 5 MiB for the demo feed). A kiosk fetches minutes apart, so a fetch worker calls this after
// each source rather than hold them between fetches.
void release_thread_parser();

// Makes `body` safe for simdjson (SIMDJSON_PADDING spare bytes after the data) and returns a view.
simdjson::padded_string_view pad(std::string& body);

// The first non-blank byte tells the payload kind; returns an error line for anything not an object or
// array ("an HTML page…", "a JSON string: …"), or empty when parsing may go on.
std::string sniff_payload(std::string_view body);

// Text of a value that names something (an id): strings as they are, integral numbers without ".0".
std::string id_text(const JValue& v);

}  // namespace kiosk::data
