#include "kiosk/core/classroom/shuffle.hpp"

#include <cassert>

namespace kiosk::classroom {

std::uint64_t SeededRandom::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::size_t SeededRandom::below(std::size_t n) {
  assert(n > 0 && "below(0) has no value to return");
  // Rejection keeps every value equally likely (a plain modulo favours the small ones).
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t v = next();
  while (v >= limit) v = next();
  return static_cast<std::size_t>(v % n);
}

std::uint64_t round_seed(long long wall_seconds, int round_number) {
  SeededRandom mix(static_cast<std::uint64_t>(wall_seconds) * 1000003ull +
                   static_cast<std::uint64_t>(round_number));
  return mix.next();
}

}  // namespace kiosk::classroom
