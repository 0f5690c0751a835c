// The content pack: everything editors change, as plain structs. Loaded from content/*.toml.
// The content guide (content/README.md) documents each file and key; keep both in step.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/schedule.hpp"
#include "kiosk/core/screens.hpp"
#include "kiosk/core/source_config.hpp"
#include "kiosk/core/standards/level_texts.hpp"
#include "kiosk/core/targets.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk {

// Where an item was defined, so later checks (references, duplicates) can point at it.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

// kiosk.toml
struct Settings {
  Text city;                                                   // shown in the status bar
  std::vector<std::string> screens = resident_screen_names();  // kiosk/core/screens.hpp
  Lang default_language = Lang::zh;
  double idle_seconds = 60;         // no touch this long: clear, close dialogs, go home
  double attract_seconds = 30;      // then rotate screens every this many seconds
  std::string aqi_standard = "cn";  // cn (HJ 633-2026) | cn-2012 | us (EPA 2024)
  std::string font;                 // optional font file; empty: search Debian's CJK fonts
  int zone_offset_minutes = 480;    // the city's offset from UTC ("+08:00"), for clocks and times
  std::string map_picture;          // city map for the air and water screens
  double map_west = 0, map_east = 0, map_south = 0, map_north = 0;  // geographic bounds of the map
  std::string admin_pin_hash;  // [admin] pin_hash: crypt(3) hash from `kiosk admin-pin`; empty: no admin view
  std::string metrics_path;    // [metrics] path: Prometheus textfile; empty: none (unless --metrics)
  double metrics_interval_seconds = 30;  // [metrics] interval_seconds: how often the file is rewritten
  Schedule schedule;                     // [schedule]: screen on/off hours per weekday
  long long history_rows =
      100000;  // [data] history_rows: hourly points kept (at most kMaxHistoryRowsCeiling)
};

// alerts.toml: a heavy-pollution or marine-disaster warning, shown over everything until it expires.
struct Alert {
  std::string id;
  std::string level;  // info | warning | severe
  Text title;
  Text body;
  Text source;           // who issued it (the bureau), shown under a full-screen notice
  UnixTime starts = 0;   // 0: from now
  UnixTime expires = 0;  // required: an alert never stays up by mistake
  bool fullscreen = false;
  SourcePos pos;
};

// stations.toml
struct Station {
  std::string id;
  std::string kind;  // air | river | lake | sea
  Text name;
  double lat = 0;
  double lon = 0;
  std::string source;    // id of the source that reports it (sources.toml)
  SourcePos source_pos;  // of the `source` value, for a wrong id
  // Air: counts towards the city's AQI (stations.toml `city = false` leaves out e.g. a roadside or
  // background station that is not one of the city's assessment stations, HJ 663 §4).
  bool city = true;
  SourcePos pos;
};

// waste.toml
struct WasteCategory {
  std::string id;  // recyclable | hazardous | kitchen | other
  Text name;
  Text short_name;  // optional: where the name cannot be whole on a small card (800x480 in large text)
  Text description;
  std::string color;  // "#RRGGBB"
  SourcePos pos;
};

struct WasteItem {
  std::string id;
  Text name;
  std::string category;
  std::vector<std::string> aliases;  // other names, either language
  std::string picture;               // optional, relative to content/
  Text tip;
  SourcePos pos;
};

// travel.toml
struct TravelTip {
  std::string id;
  Text title;
  Text body;
  Text source;      // where the figure comes from
  std::string url;  // optional "scan to learn more" link
  SourcePos pos;
};

// bays.toml
struct Hotspot {
  double x = 0, y = 0;  // position on the map picture, 0..1 of its width and height
  Text label;
  Text body;
};

struct BayPage {
  std::string id;
  Text name;
  std::string level;  // national | provincial
  Text summary;
  Text body;
  std::vector<std::string> photos;
  std::string map_picture;
  std::vector<Hotspot> hotspots;
  std::vector<std::string> targets;   // ids of targets shown on this page
  std::vector<SourcePos> target_pos;  // of each id in `targets`, for a wrong id
  std::string url;
  SourcePos pos;
};

// quiz.toml
struct QuizQuestion {
  std::string id;
  Text question;
  std::vector<Text> choices;
  int answer = 0;  // index into choices
  Text explanation;
  SourcePos pos;
};

// strings.toml: UI strings by key ("home.title").
struct Strings {
  std::map<std::string, Text> by_key;
  // The key itself when missing, so a gap is visible in review rather than blank.
  const std::string& get(const std::string& key, Lang lang) const;
};

// A picture's own size, from its header: screens lay out a picture still loading at the place and size
// it will have, so nothing moves when it arrives.
struct PictureSize {
  int width = 0, height = 0;
};

struct ContentPack {
  std::string dir;      // absolute path of the content folder
  std::string version;  // kiosk.toml [kiosk] version, for the admin view and metrics
  Settings settings;
  Strings strings;
  std::vector<Station> stations;
  std::vector<SourceConfig> sources;
  std::vector<WasteCategory> waste_categories;
  std::vector<WasteItem> waste_items;
  std::vector<TravelTip> tips;
  std::vector<Target> targets;
  std::vector<PlanAction> actions;
  PlanInfo plan;
  std::vector<BayPage> bays;
  std::vector<QuizQuestion> quiz;
  std::vector<Alert> alerts;
  standards::LevelTexts levels;                      // levels.toml: AQI level and water class words
  std::map<std::string, PictureSize> picture_sizes;  // every usable picture, by its path in the pack
  std::map<std::string, SourcePos> picture_refs;     // every picture named, with where it is first named

  const Station* station(const std::string& id) const;
  const WasteCategory* waste_category(const std::string& id) const;
  const Target* target(const std::string& id) const;
  // The alert to show at `now`: the most severe of those running, or null.
  const Alert* active_alert(UnixTime now) const;
};

}  // namespace kiosk
