// Waste search latency as a resident types: 10 000 generated items (Chinese names from common
// characters, heteronyms included; English names and aliases), every prefix of a query searched
// as if typed one key at a time. The figure that matters is `per_keystroke` (goal: at most 1 ms).
//
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_BENCH=ON
//   ninja -C build-rel bench_search && build-rel/tests/bench/bench_search
//
// Uses the Debian pinyin dictionary when installed (rime-data-luna-pinyin), else runs without
// pinyin and says so in the `pinyin` counter.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "kiosk/core/log.hpp"
#include "kiosk/core/search/search_index.hpp"

namespace {

using kiosk::WasteItem;
using kiosk::search::SearchIndex;

constexpr int kItems = 10000;

// Common characters of household words, with several heteronyms (行 重 和 乐 干 长 发 空).
const char* const kHan[] = {
    "塑", "料", "瓶", "盒", "袋", "纸", "箱", "玻", "璃", "杯", "罐", "金", "属", "电", "池", "灯", "管",
    "药", "品", "油", "漆", "剂", "果", "皮", "菜", "叶", "骨", "头", "鱼", "虾", "蟹", "壳", "茶", "渣",
    "饭", "面", "包", "糕", "点", "衣", "服", "鞋", "帽", "书", "本", "报", "旧", "废", "干", "湿", "净",
    "脏", "大", "小", "行", "重", "和", "乐", "长", "发", "空", "调", "车", "自", "动", "手", "机", "充",
    "器", "线", "插", "座", "牙", "刷", "膏", "毛", "巾", "床", "单", "被", "套", "枕", "窗", "帘", "碗",
    "碟", "盘", "筷", "勺", "锅", "刀", "叉", "桶", "盆", "花", "草", "树", "枝", "土", "沙", "石", "砖",
    "瓦", "陶", "瓷", "木", "竹", "布", "绳", "网", "球", "玩", "具", "笔", "尺", "胶", "带", "水", "矿",
    "泉", "饮", "奶", "牛", "羊", "猪", "鸡", "鸭", "蛋", "米", "豆", "糖", "盐", "酒", "醋", "酱", "汤",
    "冰", "雪", "热", "冷", "新", "白", "黑", "红", "绿", "蓝", "黄", "灰", "色", "海", "贝", "螺", "蛤",
    "蚝", "藻", "带", "钓", "签", "烟", "蒂", "尿", "片",
};
const char* const kWords[] = {
    "plastic", "bottle",   "battery", "paper",    "box",         "glass",     "metal",  "can",     "food",
    "waste",   "old",      "used",    "broken",   "clean",       "dirty",     "small",  "large",   "cooking",
    "oil",     "paint",    "tube",    "lamp",     "bulb",        "phone",     "cable",  "charger", "toy",
    "shoes",   "clothes",  "towel",   "bowl",     "plate",       "cup",       "lid",    "straw",   "bag",
    "wrapper", "shell",    "bone",    "peel",     "leaves",      "tea",       "coffee", "bread",   "cake",
    "rice",    "noodles",  "fish",    "shrimp",   "crab",        "oyster",    "clam",   "seaweed", "rope",
    "net",     "line",     "hook",    "skewer",   "tissue",      "wipes",     "nappy",  "mask",    "gum",
    "dust",    "hair",     "film",    "medicine", "thermometer", "pesticide", "spray",  "foam",    "carton",
    "jar",     "tin",      "pot",     "pan",      "board",       "brush",     "comb",   "lighter", "candle",
    "cushion", "mattress",
};

std::vector<WasteItem> generate(int n) {
  std::mt19937 rng(20261128);
  auto pick = [&](const auto& list) { return std::string(list[rng() % std::size(list)]); };
  std::vector<WasteItem> items;
  items.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    WasteItem w;
    w.id = "item-" + std::to_string(i);
    const int chars = 2 + static_cast<int>(rng() % 4);
    for (int c = 0; c < chars; ++c) w.name.zh += pick(kHan);
    const int words = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < words; ++k) w.name.en += (k ? " " : "") + pick(kWords);
    for (int a = 0; a < 2; ++a) {
      std::string zh;
      for (int c = 0; c < 2 + static_cast<int>(rng() % 2); ++c) zh += pick(kHan);
      w.aliases.push_back(zh);
      w.aliases.push_back(pick(kWords) + " " + pick(kWords));
    }
    w.category = "other";
    items.push_back(std::move(w));
  }
  // The items a resident types below, so every query has its answer among the 10 000.
  WasteItem bottle;
  bottle.id = "plastic-bottle";
  bottle.name = {"塑料饮料瓶", "Plastic drink bottle"};
  bottle.aliases = {"矿泉水瓶", "饮料瓶", "water bottle", "PET bottle"};
  items[static_cast<size_t>(n / 2)] = bottle;
  WasteItem battery;
  battery.id = "e-bike-battery";
  battery.name = {"电动自行车锂电池", "E-bike lithium battery"};
  battery.aliases = {"电瓶车电池", "scooter battery"};
  items[static_cast<size_t>(n / 3)] = battery;
  return items;
}

struct World {
  std::vector<WasteItem> items = generate(kItems);
  SearchIndex index;
  bool pinyin = false;
  World() {
    kiosk::log::set_quiet(true);
    index = kiosk::search::build_waste_search(items, kiosk::search::kDefaultPinyinDictionary);
    pinyin = index.has_pinyin();
  }
};

World& world() {
  static World w;
  return w;
}

// Every prefix of `query`, searched in order: one keystroke each.
void BM_Typing(benchmark::State& state, const std::string& query) {
  World& w = world();
  size_t found = 0;
  for (auto _ : state) {
    for (size_t n = 1; n <= query.size(); ++n) {
      if ((static_cast<unsigned char>(query[n]) & 0xC0) == 0x80) continue;  // inside a UTF-8 character
      auto r = w.index.find(std::string_view(query).substr(0, n), 12);
      found = r.total;
      benchmark::DoNotOptimize(r);
    }
  }
  size_t keystrokes = 0;
  for (size_t n = 1; n <= query.size(); ++n)
    keystrokes += (static_cast<unsigned char>(query[n]) & 0xC0) != 0x80;
  state.counters["per_keystroke"] =
      benchmark::Counter(static_cast<double>(keystrokes),
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["found_at_end"] = static_cast<double>(found);
  state.counters["pinyin"] = w.pinyin ? 1 : 0;
  state.counters["keys_in_index"] = static_cast<double>(w.index.key_count());
}

// The same, worst case: each keystroke on its own (no keystroke is cheaper for following another).
void BM_SingleLetter(benchmark::State& state) {
  World& w = world();
  const char letters[] = "abcdefghijklmnopqrstuvwxyz";
  size_t i = 0;
  for (auto _ : state) {
    auto r = w.index.find(std::string_view(letters + (i++ % 26), 1), 12);
    benchmark::DoNotOptimize(r);
  }
}

void BM_BuildIndex(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    auto index = kiosk::search::build_waste_search(w.items, kiosk::search::kDefaultPinyinDictionary);
    benchmark::DoNotOptimize(index);
  }
  state.counters["items"] = kItems;
}

}  // namespace

BENCHMARK_CAPTURE(BM_Typing, full_pinyin, std::string("kuangquanshuiping"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Typing, initials, std::string("kqsp"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Typing, english, std::string("scooter battery"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Typing, typo, std::string("scootre batery"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Typing, long_typo, std::string("diandongzixingchelidianci"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Typing, chinese, std::string("电动自行车"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Typing, nothing_found, std::string("qqqqxxxxzzzz"))->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SingleLetter)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
