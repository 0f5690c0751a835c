// `kiosk fetch`: fetch every source (or one) once through the same code as the running kiosk and, with
// --print, write each normalised reading as a JSON line (with --stations, each station the source
// describes first: id, names, position and service). The integrator's tool for wiring a new city:
// on failure it exits non-zero with one line per problem (source, URL without secrets, HTTP status or
// curl error, and for mapping problems the JSON path and record index).
#include <cstdio>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/time_parse.hpp"
#include "kiosk/data/fetch_worker.hpp"

namespace kiosk {
namespace {

struct FetchArgs {
  std::string content = "content";
  std::string source;
  bool print = false;
  bool stations = false;
  double timeout = 60;
};

const char* service_name(StationService s) {
  switch (s) {
    case StationService::open:
      return "open";
    case StationService::closed:
      return "closed";
    case StationService::no_rentals:
      return "returns only";
    case StationService::no_returns:
      return "rentals only";
  }
  return "open";
}

// One station as JSON: lat and lon are named (never a bare [lon, lat] pair) so their order can be checked;
// null when the source gave no position.
std::string station_line(const StationInfo& s) {
  nlohmann::ordered_json line = {{"source", s.source},
                                 {"station", s.id},
                                 {"name_zh", s.name_zh},
                                 {"name_en", s.name_en},
                                 {"lat", s.has_position ? nlohmann::json(s.lat) : nlohmann::json(nullptr)},
                                 {"lon", s.has_position ? nlohmann::json(s.lon) : nlohmann::json(nullptr)}};
  if (s.service != StationService::open) line["service"] = service_name(s.service);
  if (s.is_virtual) line["virtual"] = true;
  return line.dump();
}

int run_fetch(const FetchArgs& args) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(args.content, ec);
  ContentLoad load = load_content(dir);
  if (!load.readable) {
    std::fprintf(stderr, "kiosk fetch: error: cannot read the content folder %s\n", dir.c_str());
    return kExitUnusable;
  }
  // sources.toml's problems are shown; a mistake inside one [[source]] only turns that source off (it
  // fails below with its position), anything else stops the fetch. Other files are check-content's.
  bool source_errors = false;
  for (const auto& d : load.diags.items())
    if (d.file == "sources.toml") {
      std::fprintf(stderr, "%s\n", d.format().c_str());
      source_errors = source_errors || d.severity == Severity::error;
    }
  if (source_errors) return kExitFailure;

  std::vector<SourceConfig> sources;
  for (const auto& s : load.pack.sources)
    if (args.source.empty() || s.id == args.source) sources.push_back(s);
  if (sources.empty()) {
    if (args.source.empty())
      std::fprintf(stderr, "kiosk fetch: error: %s/sources.toml defines no sources\n", dir.c_str());
    else
      std::fprintf(stderr, "kiosk fetch: error: no source '%s' in %s/sources.toml\n", args.source.c_str(),
                   dir.c_str());
    return kExitFailure;
  }

  FetchOptions options;
  options.fetch.content_dir = dir;
  options.fetch.network.total_timeout_seconds = args.timeout;
  options.keep_fetched_readings = true;
  SystemClock clock;
  FetchWorker worker(sources, options, clock);
  worker.fetch_all_once();

  int failures = 0;
  for (const auto& report : worker.reports()) {
    for (const auto& line : report.rejected)
      std::fprintf(stderr, "warning: source '%s': record rejected: %s\n", report.source.c_str(),
                   line.c_str());
    if (report.rejected_count > report.rejected.size())
      std::fprintf(stderr, "warning: source '%s': … and %zu more records rejected\n", report.source.c_str(),
                   report.rejected_count - report.rejected.size());
    for (const auto& note : report.notes)
      std::fprintf(stderr, "note: source '%s': %s\n", report.source.c_str(), note.c_str());
    if (!report.ok) {
      std::fprintf(stderr, "error: %s\n", report.error.c_str());
      ++failures;
      continue;
    }
    if (args.print) {
      if (args.stations)
        for (const auto& s : report.stations) std::fputs((station_line(s) + "\n").c_str(), stdout);
      for (const auto& r : report.readings) {
        // Ordered so a person reads source, station, metric, value, unit, time left to right.
        nlohmann::ordered_json line = {{"source", r.source}, {"station", r.station},
                                       {"metric", r.metric}, {"value", r.value},
                                       {"unit", r.unit},     {"observed_at", format_iso_utc(r.observed_at)}};
        // Under the detection limit: the value is the limit (null when none was given), never a result.
        if (r.below_detection()) {
          line["value"] = r.has_limit() ? nlohmann::json(r.value) : nlohmann::json(nullptr);
          line["below_detection"] = true;
        }
        std::fputs((line.dump() + "\n").c_str(), stdout);
      }
    } else {
      std::printf("%s: ok, %zu readings\n", report.source.c_str(), report.readings.size());
    }
  }
  std::fflush(stdout);
  return failures ? kExitFailure : kExitOk;
}

}  // namespace

void add_fetch_command(CLI::App& root, CommandAction& run) {
  auto args = std::make_shared<FetchArgs>();
  auto* cmd = root.add_subcommand("fetch", "Fetch sources once and print the normalised readings");
  cmd->add_option("--content", args->content, "Content folder (default: ./content)");
  cmd->add_option("--source", args->source, "Fetch only this source id");
  auto* print = cmd->add_flag("--print", args->print, "Print every normalised reading as a JSON line");
  cmd->add_flag("--stations", args->stations,
                "With --print: first each station (id, names, lat, lon, source) as a JSON line")
      ->needs(print);
  cmd->add_option("--timeout", args->timeout, "Seconds allowed per request (default 60)");
  cmd->callback([&run, args] { run = [args] { return run_fetch(*args); }; });
}

}  // namespace kiosk
