// China AQI, HJ 633-2026 (cn) and HJ 633-2012 (cn-2012): every breakpoint, the rounding, the special
// rules, primary pollutants, missing data and the choice of version by time.
//
// The breakpoint tables below were worked out from standards.md §1.1-1.3 with exact fractions, outside
// the kiosk code: each breakpoint, one input step below and above it (1 ug/m3, CO 0.1 mg/m3), zero and
// twice the top. -1: the standard computes no IAQI from that value.
#include <gtest/gtest.h>

#include <span>
#include <string>

#include "kiosk/core/standards/aqi.hpp"

namespace st = kiosk::standards;
using st::AqiStandard;

namespace {

struct Row {
  const char* key;
  const char* value;
  int iaqi;
};

constexpr Row k2026[] = {
    {"pm25_24h", "0", 0},     {"pm25_24h", "1", 2},     {"pm25_24h", "34", 49},   {"pm25_24h", "35", 50},
    {"pm25_24h", "36", 52},   {"pm25_24h", "59", 98},   {"pm25_24h", "60", 100},  {"pm25_24h", "61", 101},
    {"pm25_24h", "114", 150}, {"pm25_24h", "115", 150}, {"pm25_24h", "116", 152}, {"pm25_24h", "149", 199},
    {"pm25_24h", "150", 200}, {"pm25_24h", "151", 201}, {"pm25_24h", "249", 299}, {"pm25_24h", "250", 300},
    {"pm25_24h", "251", 301}, {"pm25_24h", "349", 399}, {"pm25_24h", "350", 400}, {"pm25_24h", "351", 401},
    {"pm25_24h", "499", 500}, {"pm25_24h", "500", 500}, {"pm25_24h", "501", 500}, {"pm25_24h", "1000", 500},
    {"pm25_1h", "0", 0},      {"pm25_1h", "1", 2},      {"pm25_1h", "34", 49},    {"pm25_1h", "35", 50},
    {"pm25_1h", "36", 52},    {"pm25_1h", "59", 98},    {"pm25_1h", "60", 100},   {"pm25_1h", "61", 101},
    {"pm25_1h", "114", 150},  {"pm25_1h", "115", 150},  {"pm25_1h", "116", 152},  {"pm25_1h", "149", 199},
    {"pm25_1h", "150", 200},  {"pm25_1h", "151", 201},  {"pm25_1h", "249", 299},  {"pm25_1h", "250", 300},
    {"pm25_1h", "251", 301},  {"pm25_1h", "349", 399},  {"pm25_1h", "350", 400},  {"pm25_1h", "351", 401},
    {"pm25_1h", "499", 500},  {"pm25_1h", "500", 500},  {"pm25_1h", "501", 500},  {"pm25_1h", "1000", 500},
    {"pm10_24h", "0", 0},     {"pm10_24h", "1", 1},     {"pm10_24h", "49", 49},   {"pm10_24h", "50", 50},
    {"pm10_24h", "51", 51},   {"pm10_24h", "119", 100}, {"pm10_24h", "120", 100}, {"pm10_24h", "121", 101},
    {"pm10_24h", "249", 150}, {"pm10_24h", "250", 150}, {"pm10_24h", "251", 151}, {"pm10_24h", "349", 200},
    {"pm10_24h", "350", 200}, {"pm10_24h", "351", 202}, {"pm10_24h", "419", 299}, {"pm10_24h", "420", 300},
    {"pm10_24h", "421", 302}, {"pm10_24h", "499", 399}, {"pm10_24h", "500", 400}, {"pm10_24h", "501", 401},
    {"pm10_24h", "599", 499}, {"pm10_24h", "600", 500}, {"pm10_24h", "601", 500}, {"pm10_24h", "1200", 500},
    {"pm10_1h", "0", 0},      {"pm10_1h", "1", 1},      {"pm10_1h", "49", 49},    {"pm10_1h", "50", 50},
    {"pm10_1h", "51", 51},    {"pm10_1h", "119", 100},  {"pm10_1h", "120", 100},  {"pm10_1h", "121", 101},
    {"pm10_1h", "249", 150},  {"pm10_1h", "250", 150},  {"pm10_1h", "251", 151},  {"pm10_1h", "349", 200},
    {"pm10_1h", "350", 200},  {"pm10_1h", "351", 202},  {"pm10_1h", "419", 299},  {"pm10_1h", "420", 300},
    {"pm10_1h", "421", 302},  {"pm10_1h", "499", 399},  {"pm10_1h", "500", 400},  {"pm10_1h", "501", 401},
    {"pm10_1h", "599", 499},  {"pm10_1h", "600", 500},  {"pm10_1h", "601", 500},  {"pm10_1h", "1200", 500},
    {"so2_24h", "0", 0},      {"so2_24h", "1", 1},      {"so2_24h", "49", 49},    {"so2_24h", "50", 50},
    {"so2_24h", "51", 51},    {"so2_24h", "149", 100},  {"so2_24h", "150", 100},  {"so2_24h", "151", 101},
    {"so2_24h", "474", 150},  {"so2_24h", "475", 150},  {"so2_24h", "476", 151},  {"so2_24h", "799", 200},
    {"so2_24h", "800", 200},  {"so2_24h", "801", 201},  {"so2_24h", "1599", 300}, {"so2_24h", "1600", 300},
    {"so2_24h", "1601", 301}, {"so2_24h", "2099", 400}, {"so2_24h", "2100", 400}, {"so2_24h", "2101", 401},
    {"so2_24h", "2619", 500}, {"so2_24h", "2620", 500}, {"so2_24h", "2621", 500}, {"so2_24h", "5240", 500},
    {"so2_1h", "0", 0},       {"so2_1h", "1", 1},       {"so2_1h", "149", 50},    {"so2_1h", "150", 50},
    {"so2_1h", "151", 51},    {"so2_1h", "499", 100},   {"so2_1h", "500", 100},   {"so2_1h", "501", 101},
    {"so2_1h", "649", 150},   {"so2_1h", "650", 150},   {"so2_1h", "651", 151},   {"so2_1h", "799", 200},
    {"so2_1h", "800", 200},   {"so2_1h", "801", 200},   {"so2_1h", "1600", 200},  {"no2_24h", "0", 0},
    {"no2_24h", "1", 2},      {"no2_24h", "39", 49},    {"no2_24h", "40", 50},    {"no2_24h", "41", 52},
    {"no2_24h", "79", 99},    {"no2_24h", "80", 100},   {"no2_24h", "81", 101},   {"no2_24h", "179", 150},
    {"no2_24h", "180", 150},  {"no2_24h", "181", 151},  {"no2_24h", "279", 200},  {"no2_24h", "280", 200},
    {"no2_24h", "281", 201},  {"no2_24h", "564", 300},  {"no2_24h", "565", 300},  {"no2_24h", "566", 301},
    {"no2_24h", "749", 400},  {"no2_24h", "750", 400},  {"no2_24h", "751", 401},  {"no2_24h", "939", 500},
    {"no2_24h", "940", 500},  {"no2_24h", "941", 500},  {"no2_24h", "1880", 500}, {"no2_1h", "0", 0},
    {"no2_1h", "1", 1},       {"no2_1h", "99", 50},     {"no2_1h", "100", 50},    {"no2_1h", "101", 51},
    {"no2_1h", "199", 100},   {"no2_1h", "200", 100},   {"no2_1h", "201", 101},   {"no2_1h", "699", 150},
    {"no2_1h", "700", 150},   {"no2_1h", "701", 151},   {"no2_1h", "1199", 200},  {"no2_1h", "1200", 200},
    {"no2_1h", "1201", 201},  {"no2_1h", "2339", 300},  {"no2_1h", "2340", 300},  {"no2_1h", "2341", 301},
    {"no2_1h", "3089", 400},  {"no2_1h", "3090", 400},  {"no2_1h", "3091", 401},  {"no2_1h", "3839", 500},
    {"no2_1h", "3840", 500},  {"no2_1h", "3841", 500},  {"no2_1h", "7680", 500},  {"co_24h", "0", 0},
    {"co_24h", "0.1", 3},     {"co_24h", "1.9", 48},    {"co_24h", "2", 50},      {"co_24h", "2.1", 53},
    {"co_24h", "3.9", 98},    {"co_24h", "4", 100},     {"co_24h", "4.1", 101},   {"co_24h", "13.9", 150},
    {"co_24h", "14", 150},    {"co_24h", "14.1", 151},  {"co_24h", "23.9", 200},  {"co_24h", "24", 200},
    {"co_24h", "24.1", 201},  {"co_24h", "35.9", 300},  {"co_24h", "36", 300},    {"co_24h", "36.1", 301},
    {"co_24h", "47.9", 400},  {"co_24h", "48", 400},    {"co_24h", "48.1", 401},  {"co_24h", "59.9", 500},
    {"co_24h", "60", 500},    {"co_24h", "60.1", 500},  {"co_24h", "120", 500},   {"co_1h", "0", 0},
    {"co_1h", "0.1", 1},      {"co_1h", "4.9", 49},     {"co_1h", "5", 50},       {"co_1h", "5.1", 51},
    {"co_1h", "9.9", 99},     {"co_1h", "10", 100},     {"co_1h", "10.1", 101},   {"co_1h", "34.9", 150},
    {"co_1h", "35", 150},     {"co_1h", "35.1", 151},   {"co_1h", "59.9", 200},   {"co_1h", "60", 200},
    {"co_1h", "60.1", 201},   {"co_1h", "89.9", 300},   {"co_1h", "90", 300},     {"co_1h", "90.1", 301},
    {"co_1h", "119.9", 400},  {"co_1h", "120", 400},    {"co_1h", "120.1", 401},  {"co_1h", "149.9", 500},
    {"co_1h", "150", 500},    {"co_1h", "150.1", 500},  {"co_1h", "300", 500},    {"o3_1h", "0", 0},
    {"o3_1h", "1", 1},        {"o3_1h", "159", 50},     {"o3_1h", "160", 50},     {"o3_1h", "161", 52},
    {"o3_1h", "199", 99},     {"o3_1h", "200", 100},    {"o3_1h", "201", 101},    {"o3_1h", "299", 150},
    {"o3_1h", "300", 150},    {"o3_1h", "301", 151},    {"o3_1h", "399", 200},    {"o3_1h", "400", 200},
    {"o3_1h", "401", 201},    {"o3_1h", "799", 300},    {"o3_1h", "800", 300},    {"o3_1h", "801", 301},
    {"o3_1h", "999", 400},    {"o3_1h", "1000", 400},   {"o3_1h", "1001", 401},   {"o3_1h", "1199", 500},
    {"o3_1h", "1200", 500},   {"o3_1h", "1201", 500},   {"o3_1h", "2400", 500},   {"o3_8h", "0", 0},
    {"o3_8h", "1", 1},        {"o3_8h", "99", 50},      {"o3_8h", "100", 50},     {"o3_8h", "101", 51},
    {"o3_8h", "159", 100},    {"o3_8h", "160", 100},    {"o3_8h", "161", 101},    {"o3_8h", "214", 150},
    {"o3_8h", "215", 150},    {"o3_8h", "216", 151},    {"o3_8h", "264", 199},    {"o3_8h", "265", 200},
    {"o3_8h", "266", 201},    {"o3_8h", "799", 300},    {"o3_8h", "800", 300},    {"o3_8h", "801", 300},
    {"o3_8h", "1600", 300},
};

constexpr Row k2012[] = {
    {"pm25_24h", "0", 0},     {"pm25_24h", "1", 2},     {"pm25_24h", "34", 49},   {"pm25_24h", "35", 50},
    {"pm25_24h", "36", 52},   {"pm25_24h", "74", 99},   {"pm25_24h", "75", 100},  {"pm25_24h", "76", 102},
    {"pm25_24h", "114", 149}, {"pm25_24h", "115", 150}, {"pm25_24h", "116", 152}, {"pm25_24h", "149", 199},
    {"pm25_24h", "150", 200}, {"pm25_24h", "151", 201}, {"pm25_24h", "249", 299}, {"pm25_24h", "250", 300},
    {"pm25_24h", "251", 301}, {"pm25_24h", "349", 399}, {"pm25_24h", "350", 400}, {"pm25_24h", "351", 401},
    {"pm25_24h", "499", 500}, {"pm25_24h", "500", 500}, {"pm25_24h", "501", 500}, {"pm25_24h", "1000", 500},
    {"pm25_1h", "0", 0},      {"pm25_1h", "1", 2},      {"pm25_1h", "34", 49},    {"pm25_1h", "35", 50},
    {"pm25_1h", "36", 52},    {"pm25_1h", "74", 99},    {"pm25_1h", "75", 100},   {"pm25_1h", "76", 102},
    {"pm25_1h", "114", 149},  {"pm25_1h", "115", 150},  {"pm25_1h", "116", 152},  {"pm25_1h", "149", 199},
    {"pm25_1h", "150", 200},  {"pm25_1h", "151", 201},  {"pm25_1h", "249", 299},  {"pm25_1h", "250", 300},
    {"pm25_1h", "251", 301},  {"pm25_1h", "349", 399},  {"pm25_1h", "350", 400},  {"pm25_1h", "351", 401},
    {"pm25_1h", "499", 500},  {"pm25_1h", "500", 500},  {"pm25_1h", "501", 500},  {"pm25_1h", "1000", 500},
    {"pm10_24h", "0", 0},     {"pm10_24h", "1", 1},     {"pm10_24h", "49", 49},   {"pm10_24h", "50", 50},
    {"pm10_24h", "51", 51},   {"pm10_24h", "149", 100}, {"pm10_24h", "150", 100}, {"pm10_24h", "151", 101},
    {"pm10_24h", "249", 150}, {"pm10_24h", "250", 150}, {"pm10_24h", "251", 151}, {"pm10_24h", "349", 200},
    {"pm10_24h", "350", 200}, {"pm10_24h", "351", 202}, {"pm10_24h", "419", 299}, {"pm10_24h", "420", 300},
    {"pm10_24h", "421", 302}, {"pm10_24h", "499", 399}, {"pm10_24h", "500", 400}, {"pm10_24h", "501", 401},
    {"pm10_24h", "599", 499}, {"pm10_24h", "600", 500}, {"pm10_24h", "601", 500}, {"pm10_24h", "1200", 500},
    {"pm10_1h", "0", 0},      {"pm10_1h", "1", 1},      {"pm10_1h", "49", 49},    {"pm10_1h", "50", 50},
    {"pm10_1h", "51", 51},    {"pm10_1h", "149", 100},  {"pm10_1h", "150", 100},  {"pm10_1h", "151", 101},
    {"pm10_1h", "249", 150},  {"pm10_1h", "250", 150},  {"pm10_1h", "251", 151},  {"pm10_1h", "349", 200},
    {"pm10_1h", "350", 200},  {"pm10_1h", "351", 202},  {"pm10_1h", "419", 299},  {"pm10_1h", "420", 300},
    {"pm10_1h", "421", 302},  {"pm10_1h", "499", 399},  {"pm10_1h", "500", 400},  {"pm10_1h", "501", 401},
    {"pm10_1h", "599", 499},  {"pm10_1h", "600", 500},  {"pm10_1h", "601", 500},  {"pm10_1h", "1200", 500},
    {"so2_24h", "0", 0},      {"so2_24h", "1", 1},      {"so2_24h", "49", 49},    {"so2_24h", "50", 50},
    {"so2_24h", "51", 51},    {"so2_24h", "149", 100},  {"so2_24h", "150", 100},  {"so2_24h", "151", 101},
    {"so2_24h", "474", 150},  {"so2_24h", "475", 150},  {"so2_24h", "476", 151},  {"so2_24h", "799", 200},
    {"so2_24h", "800", 200},  {"so2_24h", "801", 201},  {"so2_24h", "1599", 300}, {"so2_24h", "1600", 300},
    {"so2_24h", "1601", 301}, {"so2_24h", "2099", 400}, {"so2_24h", "2100", 400}, {"so2_24h", "2101", 401},
    {"so2_24h", "2619", 500}, {"so2_24h", "2620", 500}, {"so2_24h", "2621", 500}, {"so2_24h", "5240", 500},
    {"so2_1h", "0", 0},       {"so2_1h", "1", 1},       {"so2_1h", "149", 50},    {"so2_1h", "150", 50},
    {"so2_1h", "151", 51},    {"so2_1h", "499", 100},   {"so2_1h", "500", 100},   {"so2_1h", "501", 101},
    {"so2_1h", "649", 150},   {"so2_1h", "650", 150},   {"so2_1h", "651", 151},   {"so2_1h", "799", 200},
    {"so2_1h", "800", 200},   {"so2_1h", "801", -1},    {"so2_1h", "1600", -1},   {"no2_24h", "0", 0},
    {"no2_24h", "1", 2},      {"no2_24h", "39", 49},    {"no2_24h", "40", 50},    {"no2_24h", "41", 52},
    {"no2_24h", "79", 99},    {"no2_24h", "80", 100},   {"no2_24h", "81", 101},   {"no2_24h", "179", 150},
    {"no2_24h", "180", 150},  {"no2_24h", "181", 151},  {"no2_24h", "279", 200},  {"no2_24h", "280", 200},
    {"no2_24h", "281", 201},  {"no2_24h", "564", 300},  {"no2_24h", "565", 300},  {"no2_24h", "566", 301},
    {"no2_24h", "749", 400},  {"no2_24h", "750", 400},  {"no2_24h", "751", 401},  {"no2_24h", "939", 500},
    {"no2_24h", "940", 500},  {"no2_24h", "941", 500},  {"no2_24h", "1880", 500}, {"no2_1h", "0", 0},
    {"no2_1h", "1", 1},       {"no2_1h", "99", 50},     {"no2_1h", "100", 50},    {"no2_1h", "101", 51},
    {"no2_1h", "199", 100},   {"no2_1h", "200", 100},   {"no2_1h", "201", 101},   {"no2_1h", "699", 150},
    {"no2_1h", "700", 150},   {"no2_1h", "701", 151},   {"no2_1h", "1199", 200},  {"no2_1h", "1200", 200},
    {"no2_1h", "1201", 201},  {"no2_1h", "2339", 300},  {"no2_1h", "2340", 300},  {"no2_1h", "2341", 301},
    {"no2_1h", "3089", 400},  {"no2_1h", "3090", 400},  {"no2_1h", "3091", 401},  {"no2_1h", "3839", 500},
    {"no2_1h", "3840", 500},  {"no2_1h", "3841", 500},  {"no2_1h", "7680", 500},  {"co_24h", "0", 0},
    {"co_24h", "0.1", 3},     {"co_24h", "1.9", 48},    {"co_24h", "2", 50},      {"co_24h", "2.1", 53},
    {"co_24h", "3.9", 98},    {"co_24h", "4", 100},     {"co_24h", "4.1", 101},   {"co_24h", "13.9", 150},
    {"co_24h", "14", 150},    {"co_24h", "14.1", 151},  {"co_24h", "23.9", 200},  {"co_24h", "24", 200},
    {"co_24h", "24.1", 201},  {"co_24h", "35.9", 300},  {"co_24h", "36", 300},    {"co_24h", "36.1", 301},
    {"co_24h", "47.9", 400},  {"co_24h", "48", 400},    {"co_24h", "48.1", 401},  {"co_24h", "59.9", 500},
    {"co_24h", "60", 500},    {"co_24h", "60.1", 500},  {"co_24h", "120", 500},   {"co_1h", "0", 0},
    {"co_1h", "0.1", 1},      {"co_1h", "4.9", 49},     {"co_1h", "5", 50},       {"co_1h", "5.1", 51},
    {"co_1h", "9.9", 99},     {"co_1h", "10", 100},     {"co_1h", "10.1", 101},   {"co_1h", "34.9", 150},
    {"co_1h", "35", 150},     {"co_1h", "35.1", 151},   {"co_1h", "59.9", 200},   {"co_1h", "60", 200},
    {"co_1h", "60.1", 201},   {"co_1h", "89.9", 300},   {"co_1h", "90", 300},     {"co_1h", "90.1", 301},
    {"co_1h", "119.9", 400},  {"co_1h", "120", 400},    {"co_1h", "120.1", 401},  {"co_1h", "149.9", 500},
    {"co_1h", "150", 500},    {"co_1h", "150.1", 500},  {"co_1h", "300", 500},    {"o3_1h", "0", 0},
    {"o3_1h", "1", 1},        {"o3_1h", "159", 50},     {"o3_1h", "160", 50},     {"o3_1h", "161", 52},
    {"o3_1h", "199", 99},     {"o3_1h", "200", 100},    {"o3_1h", "201", 101},    {"o3_1h", "299", 150},
    {"o3_1h", "300", 150},    {"o3_1h", "301", 151},    {"o3_1h", "399", 200},    {"o3_1h", "400", 200},
    {"o3_1h", "401", 201},    {"o3_1h", "799", 300},    {"o3_1h", "800", 300},    {"o3_1h", "801", 301},
    {"o3_1h", "999", 400},    {"o3_1h", "1000", 400},   {"o3_1h", "1001", 401},   {"o3_1h", "1199", 500},
    {"o3_1h", "1200", 500},   {"o3_1h", "1201", 500},   {"o3_1h", "2400", 500},   {"o3_8h", "0", 0},
    {"o3_8h", "1", 1},        {"o3_8h", "99", 50},      {"o3_8h", "100", 50},     {"o3_8h", "101", 51},
    {"o3_8h", "159", 100},    {"o3_8h", "160", 100},    {"o3_8h", "161", 101},    {"o3_8h", "214", 150},
    {"o3_8h", "215", 150},    {"o3_8h", "216", 151},    {"o3_8h", "264", 199},    {"o3_8h", "265", 200},
    {"o3_8h", "266", 201},    {"o3_8h", "799", 300},    {"o3_8h", "800", 300},    {"o3_8h", "801", -1},
    {"o3_8h", "1600", -1},
};

void check_key(AqiStandard standard, std::span<const Row> rows, std::string_view key) {
  int checked = 0;
  for (const Row& r : rows) {
    if (key != r.key) continue;
    ++checked;
    SCOPED_TRACE(std::string(st::standard_key(standard)) + " " + r.key + "=" + r.value);
    st::AqiResult result = st::compute_aqi(standard, {{r.key, r.value}});
    if (r.iaqi < 0) {
      EXPECT_FALSE(result.iaqi_of(r.key).has_value());
    } else {
      EXPECT_EQ(result.iaqi_of(r.key), r.iaqi);
      EXPECT_EQ(result.aqi, r.iaqi);
    }
  }
  EXPECT_GT(checked, 10) << "no rows for " << key;
}

st::AqiResult cn(st::AqiTextValues values, st::AqiReport report = st::AqiReport::as_given) {
  return st::compute_aqi(AqiStandard::cn2026, values, report);
}
st::AqiResult cn2012(st::AqiTextValues values, st::AqiReport report = st::AqiReport::as_given) {
  return st::compute_aqi(AqiStandard::cn2012, values, report);
}

using Keys = std::vector<std::string>;

}  // namespace

// --- every breakpoint, HJ 633-2026 -----------------------------------------------------------------

TEST(AqiCn2026Breakpoints, Pm25Daily) {
  check_key(AqiStandard::cn2026, k2026, "pm25_24h");
}
TEST(AqiCn2026Breakpoints, Pm25HourlyUsesDailyColumn) {
  check_key(AqiStandard::cn2026, k2026, "pm25_1h");
}
TEST(AqiCn2026Breakpoints, Pm10Daily) {
  check_key(AqiStandard::cn2026, k2026, "pm10_24h");
}
TEST(AqiCn2026Breakpoints, Pm10HourlyUsesDailyColumn) {
  check_key(AqiStandard::cn2026, k2026, "pm10_1h");
}
TEST(AqiCn2026Breakpoints, So2Daily) {
  check_key(AqiStandard::cn2026, k2026, "so2_24h");
}
TEST(AqiCn2026Breakpoints, So2HourlyAbove800Is200) {
  check_key(AqiStandard::cn2026, k2026, "so2_1h");
}
TEST(AqiCn2026Breakpoints, No2Daily) {
  check_key(AqiStandard::cn2026, k2026, "no2_24h");
}
TEST(AqiCn2026Breakpoints, No2Hourly) {
  check_key(AqiStandard::cn2026, k2026, "no2_1h");
}
TEST(AqiCn2026Breakpoints, CoDaily) {
  check_key(AqiStandard::cn2026, k2026, "co_24h");
}
TEST(AqiCn2026Breakpoints, CoHourly) {
  check_key(AqiStandard::cn2026, k2026, "co_1h");
}
TEST(AqiCn2026Breakpoints, O3Hourly) {
  check_key(AqiStandard::cn2026, k2026, "o3_1h");
}
TEST(AqiCn2026Breakpoints, O3EightHourAbove800Is300) {
  check_key(AqiStandard::cn2026, k2026, "o3_8h");
}

// --- every breakpoint, HJ 633-2012 -----------------------------------------------------------------

TEST(AqiCn2012Breakpoints, Pm25Daily) {
  check_key(AqiStandard::cn2012, k2012, "pm25_24h");
}
TEST(AqiCn2012Breakpoints, Pm25HourlyUsesDailyColumn) {
  check_key(AqiStandard::cn2012, k2012, "pm25_1h");
}
TEST(AqiCn2012Breakpoints, Pm10Daily) {
  check_key(AqiStandard::cn2012, k2012, "pm10_24h");
}
TEST(AqiCn2012Breakpoints, Pm10HourlyUsesDailyColumn) {
  check_key(AqiStandard::cn2012, k2012, "pm10_1h");
}
TEST(AqiCn2012Breakpoints, So2Daily) {
  check_key(AqiStandard::cn2012, k2012, "so2_24h");
}
TEST(AqiCn2012Breakpoints, So2HourlyAbove800HasNoIndex) {
  check_key(AqiStandard::cn2012, k2012, "so2_1h");
}
TEST(AqiCn2012Breakpoints, No2Daily) {
  check_key(AqiStandard::cn2012, k2012, "no2_24h");
}
TEST(AqiCn2012Breakpoints, No2Hourly) {
  check_key(AqiStandard::cn2012, k2012, "no2_1h");
}
TEST(AqiCn2012Breakpoints, CoDaily) {
  check_key(AqiStandard::cn2012, k2012, "co_24h");
}
TEST(AqiCn2012Breakpoints, CoHourly) {
  check_key(AqiStandard::cn2012, k2012, "co_1h");
}
TEST(AqiCn2012Breakpoints, O3Hourly) {
  check_key(AqiStandard::cn2012, k2012, "o3_1h");
}
TEST(AqiCn2012Breakpoints, O3EightHourAbove800HasNoIndex) {
  check_key(AqiStandard::cn2012, k2012, "o3_8h");
}

// --- what changed in 2026 ------------------------------------------------------------------------

TEST(AqiCn, Pm25SixtyIsOneHundredIn2026AndSeventyFiveIn2012) {
  EXPECT_EQ(cn({{"pm25_24h", "60"}}).aqi, 100);
  EXPECT_EQ(cn2012({{"pm25_24h", "75"}}).aqi, 100);
  EXPECT_EQ(cn2012({{"pm25_24h", "60"}}).aqi, 82);  // 50 + 50 x 25/40 = 81.25
}

TEST(AqiCn, Pm10OneTwentyIsOneHundredIn2026AndOneFiftyIn2012) {
  EXPECT_EQ(cn({{"pm10_24h", "120"}}).aqi, 100);
  EXPECT_EQ(cn2012({{"pm10_24h", "150"}}).aqi, 100);
  EXPECT_EQ(cn2012({{"pm10_24h", "120"}}).aqi, 85);  // 50 + 50 x 70/100
}

// --- exact arithmetic ----------------------------------------------------------------------------

TEST(AqiCn, Co24hTwoPointTwoGivesFiftyFive) {
  EXPECT_EQ(cn({{"co_24h", "2.2"}}).aqi, 55);
  EXPECT_EQ(cn2012({{"co_24h", "2.2"}}).aqi, 55);
}

TEST(AqiCn, Co1hSixtyFivePointFourGives218) {
  EXPECT_EQ(cn({{"co_1h", "65.4"}}).aqi, 218);
}
TEST(AqiCn, Co1hSixtySixPointNineGives223) {
  EXPECT_EQ(cn({{"co_1h", "66.9"}}).aqi, 223);
}

TEST(AqiCn, CoValuesThatTripDoublesAreExact) {
  EXPECT_EQ(cn({{"co_24h", "1.1"}}).aqi, 28);  // 27.5
  EXPECT_EQ(cn({{"co_24h", "4.4"}}).aqi, 102);
  EXPECT_EQ(cn({{"co_1h", "1.1"}}).aqi, 11);
  EXPECT_EQ(cn({{"co_1h", "2.2"}}).aqi, 22);
  EXPECT_EQ(cn({{"co_1h", "4.4"}}).aqi, 44);
  EXPECT_EQ(cn({{"co_1h", "4.9"}}).aqi, 49);
}

TEST(AqiCn, DoubleTwoPointTwoGivesFiftyFiveLikeItsText) {
  EXPECT_EQ(st::compute_aqi_numbers(AqiStandard::cn2026, {{"co_24h", 2.2}}).aqi, 55);
  EXPECT_EQ(st::compute_aqi_numbers(AqiStandard::cn2012, {{"co_24h", 2.2}}).aqi, 55);
  EXPECT_EQ(st::compute_aqi_numbers(AqiStandard::cn2026, {{"co_1h", 65.4}}).aqi, 218);
  EXPECT_EQ(st::compute_aqi_numbers(AqiStandard::cn2026, {{"co_1h", 66.9}}).aqi, 223);
}

TEST(AqiCn, LongDecimalTextIsTakenAtItsExactValue) {
  // The double nearest 2.2 printed in full is a hair above 2.2; HJ 633-2012 uses values as given.
  EXPECT_EQ(cn2012({{"co_24h", "2.2000000000000002"}}).aqi, 56);
  // HJ 633-2026 rounds to one decimal first.
  EXPECT_EQ(cn({{"co_24h", "2.2000000000000002"}}).aqi, 55);
}

// --- 2026 input rounding (GB/T 8170) -------------------------------------------------------------

TEST(AqiCn2026Rounding, Pm25ThirtyFivePointFiveRoundsUpToThirtySix) {
  auto r = cn({{"pm25_1h", "35.5"}});
  EXPECT_EQ(r.aqi, 52);
  ASSERT_EQ(r.iaqi.size(), 1u);
  EXPECT_EQ(st::to_string(r.iaqi[0].concentration), "36");
}

TEST(AqiCn2026Rounding, Pm25ThirtySixPointFiveRoundsDownToThirtySix) {
  auto r = cn({{"pm25_1h", "36.5"}});
  EXPECT_EQ(r.aqi, 52);
  EXPECT_EQ(st::to_string(r.iaqi[0].concentration), "36");
}

TEST(AqiCn2026Rounding, Pm25ThirtyFourPointFiveStaysThirtyFour) {
  EXPECT_EQ(cn({{"pm25_1h", "34.5"}}).aqi, 49);
}

TEST(AqiCn2026Rounding, CoTwoPointFourFiveRoundsToTwoPointFour) {
  EXPECT_EQ(cn({{"co_24h", "2.45"}}).aqi, 60);
  EXPECT_EQ(cn({{"co_24h", "2.35"}}).aqi, 60);
  EXPECT_EQ(cn({{"co_24h", "2.25"}}).aqi, 55);
  EXPECT_EQ(cn({{"co_24h", "2.451"}}).aqi, 63);  // above half: 2.5
}

TEST(AqiCn2026Rounding, DoubleTwoPointFourFiveRoundsLikeItsText) {
  EXPECT_EQ(st::compute_aqi_numbers(AqiStandard::cn2026, {{"co_24h", 2.45}}).aqi, 60);
}

TEST(AqiCn2012Rounding, ValuesAreUsedAsPublished) {
  EXPECT_EQ(cn2012({{"pm25_24h", "35.5"}}).aqi, 51);  // 50.625
  EXPECT_EQ(cn2012({{"co_24h", "2.45"}}).aqi, 62);    // 61.25
}

// --- special rules -------------------------------------------------------------------------------

TEST(AqiCn2026Special, So2HourAbove800Gives200) {
  auto r = cn({{"so2_1h", "801"}});
  EXPECT_EQ(r.iaqi_of("so2_1h"), 200);
  EXPECT_FALSE(r.iaqi[0].note.empty());
  EXPECT_EQ(cn({{"so2_1h", "5000"}}).aqi, 200);
  EXPECT_EQ(cn({{"so2_1h", "800.5"}}).aqi, 200);  // rounds to 800
}

TEST(AqiCn2026Special, O3EightHourAbove800Gives300) {
  EXPECT_EQ(cn({{"o3_8h", "801"}}).iaqi_of("o3_8h"), 300);
  EXPECT_EQ(cn({{"o3_8h", "3000"}}).aqi, 300);
}

TEST(AqiCn2012Special, So2HourAbove800ReportsTheDailyIaqi) {
  auto r = cn2012({{"so2_1h", "900"}, {"so2_24h", "300"}, {"pm25_24h", "40"}});
  EXPECT_FALSE(r.iaqi_of("so2_1h").has_value());
  EXPECT_EQ(r.iaqi_of("so2_24h"), 124);
  EXPECT_EQ(r.aqi, 124);
  EXPECT_EQ(r.primary, Keys{"so2_24h"});
  EXPECT_TRUE(r.missing.empty());
  ASSERT_EQ(r.not_computed.size(), 1u);
  EXPECT_EQ(r.not_computed[0].key, "so2_1h");
}

TEST(AqiCn2012Special, So2HourAbove800WithoutDailyValueIsMissingNotZero) {
  auto r = cn2012({{"so2_1h", "900"}, {"pm25_24h", "40"}});
  EXPECT_FALSE(r.iaqi_of("so2_1h").has_value());
  EXPECT_EQ(r.missing, Keys{"so2_1h"});
  EXPECT_EQ(r.aqi, 57);  // PM2.5 40: 50 + 50 x 5/40 = 56.25
  EXPECT_FALSE(r.publishable);
}

TEST(AqiCn2012Special, So2HourAbove800InRealtimeReportUsesTheDailyValue) {
  auto r = cn2012({{"so2_1h", "900"}, {"so2_24h", "300"}}, st::AqiReport::realtime);
  EXPECT_EQ(r.iaqi_of("so2_24h"), 124);
  EXPECT_EQ(r.aqi, 124);
}

TEST(AqiCn2012Special, O3EightHourAbove800ReportsTheHourlyIaqi) {
  auto r = cn2012({{"o3_8h", "801"}, {"o3_1h", "900"}});
  EXPECT_FALSE(r.iaqi_of("o3_8h").has_value());
  EXPECT_EQ(r.iaqi_of("o3_1h"), 350);
  EXPECT_EQ(r.aqi, 350);
  EXPECT_EQ(r.primary, Keys{"o3_1h"});
  EXPECT_TRUE(r.missing.empty());
}

TEST(AqiCn2012Special, O3EightHourAbove800WithoutHourlyValueIsMissing) {
  auto r = cn2012({{"o3_8h", "801"}});
  EXPECT_FALSE(r.aqi.has_value());
  EXPECT_EQ(r.missing, Keys{"o3_8h"});
}

TEST(AqiCnSpecial, NotesNameTheRuleAndItsSourceWord) {
  EXPECT_EQ(cn({{"so2_1h", "801"}}).iaqi[0].note,
            "SO2 1-hour above 800 ug/m3: IAQI 200 (HJ 633-2026 Table 3 note b)");
  EXPECT_EQ(cn({{"o3_8h", "801"}}).iaqi[0].note,
            "O3 8-hour above 800 ug/m3: IAQI 300 (HJ 633-2026 Table 3 note c)");
  auto so2 = cn2012({{"so2_1h", "900"}, {"so2_24h", "300"}});
  ASSERT_EQ(so2.not_computed.size(), 1u);
  EXPECT_EQ(so2.not_computed[0].reason,
            "SO2 1-hour above 800 ug/m3: HJ 633-2012 computes no IAQI from it and reports the IAQI of the "
            "24-hour mean (so2_24h) instead");
  auto o3 = cn2012({{"o3_8h", "801"}, {"o3_1h", "900"}});
  ASSERT_EQ(o3.not_computed.size(), 1u);
  EXPECT_EQ(o3.not_computed[0].reason,
            "O3 8-hour above 800 ug/m3: HJ 633-2012 computes no IAQI from it and reports the IAQI of the "
            "1-hour value (o3_1h) instead");
}

TEST(AqiCn, AboveTheTopBreakpointIs500) {
  for (auto standard : {AqiStandard::cn2026, AqiStandard::cn2012}) {
    auto r = st::compute_aqi(standard, {{"pm25_24h", "501"}});
    EXPECT_EQ(r.aqi, 500);
    EXPECT_EQ(r.level, 6);
    EXPECT_EQ(std::string(r.style()->category_zh), "严重污染");
    EXPECT_EQ(st::compute_aqi(standard, {{"no2_1h", "99999"}}).aqi, 500);
  }
}

TEST(AqiCn, AllZeroIsLevelOneWithNoPrimary) {
  st::AqiTextValues all;
  for (auto k : st::aqi_keys(AqiStandard::cn2026)) all[std::string(k)] = "0";
  auto r = cn(all);
  EXPECT_EQ(r.aqi, 0);
  EXPECT_EQ(r.level, 1);
  EXPECT_TRUE(r.primary.empty());
  EXPECT_EQ(r.iaqi.size(), 12u);
}

// --- primary pollutant, 超标污染物 ---------------------------------------------------------------

TEST(AqiCnPrimary, NoPrimaryAtFifty) {
  auto r = cn({{"pm25_1h", "35"}, {"pm10_1h", "10"}});
  EXPECT_EQ(r.aqi, 50);
  EXPECT_TRUE(r.primary.empty());
}

TEST(AqiCnPrimary, PrimaryFromFiftyOne) {
  auto r = cn({{"pm10_1h", "51"}, {"pm25_1h", "10"}});
  EXPECT_EQ(r.aqi, 51);
  EXPECT_EQ(r.primary, Keys{"pm10_1h"});
}

TEST(AqiCnPrimary, TiedPollutantsAreAllPrimary) {
  auto r = cn({{"pm25_1h", "36"}, {"pm10_1h", "52"}, {"no2_1h", "80"}});
  EXPECT_EQ(r.aqi, 52);
  EXPECT_EQ(r.primary, (Keys{"pm25_1h", "pm10_1h"}));
}

TEST(AqiCnPrimary, OzoneIsNamedByAveragingTime) {
  auto r = cn({{"o3_1h", "201"}, {"o3_8h", "161"}});
  EXPECT_EQ(r.aqi, 101);
  EXPECT_EQ(r.primary, (Keys{"o3_1h", "o3_8h"}));
  auto only8 = cn({{"o3_1h", "100"}, {"o3_8h", "161"}});
  EXPECT_EQ(only8.primary, Keys{"o3_8h"});
}

TEST(AqiCnExceeding, Hj633_2012ListsEveryPollutantAbove100) {
  auto r = cn2012({{"pm25_24h", "80"}, {"pm10_24h", "150"}, {"so2_24h", "300"}});
  EXPECT_EQ(r.iaqi_of("pm25_24h"), 107);
  EXPECT_EQ(r.iaqi_of("pm10_24h"), 100);
  EXPECT_EQ(r.exceeding, (Keys{"pm25_24h", "so2_24h"}));
  EXPECT_EQ(r.primary, Keys{"so2_24h"});
}

TEST(AqiCnExceeding, Hj633_2026HasNone) {
  EXPECT_TRUE(cn({{"pm25_24h", "80"}}).exceeding.empty());
}

// --- missing data --------------------------------------------------------------------------------

TEST(AqiCnMissing, MissingPollutantIsListedNotCountedAsZero) {
  auto r = cn({{"pm25_1h", "36"}}, st::AqiReport::realtime);
  EXPECT_EQ(r.aqi, 52);
  EXPECT_EQ(r.missing, (Keys{"pm10_1h", "so2_1h", "no2_1h", "co_1h", "o3_1h"}));
  EXPECT_EQ(r.iaqi.size(), 1u);
  EXPECT_FALSE(r.complete());
}

TEST(AqiCnMissing, IncompleteAqiUpToOneHundredIsNotPublishable) {
  st::AqiTextValues five = {
      {"pm25_1h", "60"}, {"pm10_1h", "20"}, {"so2_1h", "5"}, {"no2_1h", "20"}, {"co_1h", "0.5"}};
  auto r = cn(five, st::AqiReport::realtime);
  EXPECT_EQ(r.aqi, 100);
  EXPECT_EQ(r.missing, Keys{"o3_1h"});
  EXPECT_FALSE(r.publishable);
}

TEST(AqiCnMissing, IncompleteAqiAboveOneHundredIsPublishable) {
  st::AqiTextValues five = {
      {"pm25_1h", "61"}, {"pm10_1h", "20"}, {"so2_1h", "5"}, {"no2_1h", "20"}, {"co_1h", "0.5"}};
  auto r = cn(five, st::AqiReport::realtime);
  EXPECT_EQ(r.aqi, 101);
  EXPECT_TRUE(r.publishable);
}

TEST(AqiCnMissing, CompleteRealtimeReportIsPublishable) {
  st::AqiTextValues six = {{"pm25_1h", "10"}, {"pm10_1h", "20"}, {"so2_1h", "5"},
                           {"no2_1h", "20"},  {"co_1h", "0.5"},  {"o3_1h", "60"}};
  auto r = cn(six, st::AqiReport::realtime);
  EXPECT_TRUE(r.complete());
  EXPECT_TRUE(r.publishable);
  EXPECT_EQ(r.aqi, 20);  // PM10 20 -> 20; PM2.5 10 -> 14.3 -> 15; O3 60 -> 18.75 -> 19; NO2 20 -> 10
  EXPECT_TRUE(r.primary.empty());
}

TEST(AqiCnMissing, InvalidValueIsMissing) {
  auto r = cn({{"pm25_1h", "abc"}, {"pm10_1h", "-3"}, {"no2_1h", "40"}});
  EXPECT_EQ(r.missing, (Keys{"pm25_1h", "pm10_1h"}));
  EXPECT_EQ(r.aqi, 20);
  EXPECT_EQ(r.not_computed.size(), 2u);
}

TEST(AqiCnMissing, UnknownKeyIsReportedAndIgnored) {
  auto r = cn({{"pm2.5", "50"}, {"pm25_1h", "10"}});
  EXPECT_EQ(r.iaqi.size(), 1u);
  ASSERT_EQ(r.not_computed.size(), 1u);
  EXPECT_EQ(r.not_computed[0].key, "pm2.5");
}

TEST(AqiCnMissing, NothingGivenHasNoAqi) {
  auto r = cn({}, st::AqiReport::realtime);
  EXPECT_FALSE(r.aqi.has_value());
  EXPECT_EQ(r.level, 0);
  EXPECT_EQ(r.style(), nullptr);
  EXPECT_FALSE(r.publishable);
  EXPECT_EQ(r.missing.size(), 6u);
}

// --- reports ---------------------------------------------------------------------------------------

TEST(AqiCnReports, RealtimeUsesOnlyHourlyValues) {
  auto r = cn({{"pm25_1h", "10"}, {"pm25_24h", "200"}}, st::AqiReport::realtime);
  EXPECT_FALSE(r.iaqi_of("pm25_24h").has_value());
  EXPECT_EQ(r.aqi, 15);
}

TEST(AqiCnReports, DailyReport2026HasNoHourlyOzone) {
  auto r = cn({{"o3_1h", "400"}, {"o3_8h", "100"}}, st::AqiReport::daily);
  EXPECT_EQ(r.aqi, 50);
  EXPECT_EQ(st::report_keys(AqiStandard::cn2026, st::AqiReport::daily).size(), 6u);
}

TEST(AqiCnReports, DailyReport2012IncludesHourlyOzone) {
  auto r = cn2012({{"o3_1h", "400"}, {"o3_8h", "100"}}, st::AqiReport::daily);
  EXPECT_EQ(r.aqi, 200);
  EXPECT_EQ(st::report_keys(AqiStandard::cn2012, st::AqiReport::daily).size(), 7u);
}

// --- levels and colours --------------------------------------------------------------------------

TEST(AqiCnLevels, BoundariesAndColours) {
  struct Case {
    int aqi, level;
    const char* color;
    const char* zh;
  };
  const Case cases[] = {
      {0, 1, "#00E400", "优"},         {50, 1, "#00E400", "优"},        {51, 2, "#FFFF00", "良"},
      {100, 2, "#FFFF00", "良"},       {101, 3, "#FF7E00", "轻度污染"}, {150, 3, "#FF7E00", "轻度污染"},
      {151, 4, "#FF0000", "中度污染"}, {200, 4, "#FF0000", "中度污染"}, {201, 5, "#99004C", "重度污染"},
      {300, 5, "#99004C", "重度污染"}, {301, 6, "#7E0023", "严重污染"}, {500, 6, "#7E0023", "严重污染"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.aqi);
    EXPECT_EQ(st::aqi_level(c.aqi), c.level);
    const auto& style = st::aqi_level_style(AqiStandard::cn2026, c.level);
    EXPECT_EQ(std::string(style.color), c.color);
    EXPECT_EQ(std::string(style.category_zh), c.zh);
    EXPECT_EQ(std::string(st::aqi_level_style(AqiStandard::cn2012, c.level).color), c.color);
  }
  EXPECT_EQ(std::string(st::aqi_level_style(AqiStandard::cn2026, 3).category_en), "Lightly polluted");
}

// --- version by time -----------------------------------------------------------------------------

TEST(AqiVersion, ReadingsBeforeMarchFirst2026ChinaTimeUse2012) {
  EXPECT_EQ(st::aqi_standard_for(1772294399, "cn"), AqiStandard::cn2012);  // 2026-02-28 23:59:59 +08:00
  EXPECT_EQ(st::aqi_standard_for(1772294400, "cn"), AqiStandard::cn2026);  // 2026-03-01 00:00:00 +08:00
  EXPECT_EQ(st::aqi_standard_for(1600000000), AqiStandard::cn2012);
  EXPECT_EQ(st::aqi_standard_for(1800000000), AqiStandard::cn2026);
}

TEST(AqiVersion, DeploymentSettingForcesAVersion) {
  EXPECT_EQ(st::aqi_standard_for(1800000000, "cn-2012"), AqiStandard::cn2012);
  EXPECT_EQ(st::aqi_standard_for(1600000000, "cn-2026"), AqiStandard::cn2026);
  EXPECT_EQ(st::aqi_standard_for(1600000000, "us"), AqiStandard::us);
}

TEST(AqiVersion, StandardNamesRoundTrip) {
  for (auto s : {AqiStandard::cn2026, AqiStandard::cn2012, AqiStandard::us})
    EXPECT_EQ(st::parse_aqi_standard(st::standard_key(s)), s);
  EXPECT_FALSE(st::parse_aqi_standard("cn2026").has_value());
}

// --- from readings -------------------------------------------------------------------------------

TEST(AqiCnReadings, RealtimeFromLatestReadings) {
  std::vector<kiosk::Reading> readings = {{"demo", "s1", "pm25_1h", 20, "ug/m3", 1000, 0},
                                          {"demo", "s1", "pm25_1h", 36, "ug/m3", 2000, 0},
                                          {"demo", "s1", "pm10_1h", 40, "ug/m3", 2000, 0},
                                          {"demo", "s1", "so2_1h", 5, "ug/m3", 2000, 0},
                                          {"demo", "s1", "no2_1h", 30, "ug/m3", 2000, 0},
                                          {"demo", "s1", "co_1h", 0.6, "mg/m3", 2000, 0},
                                          {"demo", "s1", "o3_1h", 90, "ug/m3", 2000, 0},
                                          {"demo", "s1", "pm25_24h", 300, "ug/m3", 2000, 0},
                                          {"demo", "s1", "bikes_available", 7, "count", 2000, 0}};
  auto r = st::realtime_aqi(AqiStandard::cn2026, readings);
  EXPECT_EQ(r.aqi, 52);  // the newer PM2.5 (36) wins; the 24-hour value is not part of the real-time report
  EXPECT_EQ(r.primary, Keys{"pm25_1h"});
  EXPECT_TRUE(r.complete());
  EXPECT_TRUE(r.publishable);
}

TEST(AqiCnReadings, PollutantOfKeyForSensitiveGroups) {
  EXPECT_EQ(st::pollutant_of("pm25_1h"), "pm");
  EXPECT_EQ(st::pollutant_of("pm10_24h"), "pm");
  EXPECT_EQ(st::pollutant_of("o3_8h"), "o3");
  EXPECT_EQ(st::pollutant_of("co_1h"), "co");
  EXPECT_EQ(st::pollutant_of("so2_24h"), "so2");
  EXPECT_EQ(st::pollutant_of("ph"), "");
}
