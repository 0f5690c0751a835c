// A small seeded random source and shuffle for classroom rounds. Written out rather than taken
// from <random>: std::shuffle and the standard distributions differ between standard libraries,
// and replay scripts rely on one seed giving the same round on every machine.
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kiosk::classroom {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();              // splitmix64
  std::size_t below(std::size_t n);  // uniform in [0, n); n > 0

 private:
  std::uint64_t state_;
};

// Fisher-Yates.
template <class T>
void shuffle(std::vector<T>& v, SeededRandom& random) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[random.below(i)]);
}

// One seed from a time and a counter, so two rounds started in the same second still differ.
std::uint64_t round_seed(long long wall_seconds, int round_number);

}  // namespace kiosk::classroom
