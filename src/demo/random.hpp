// The random numbers behind every demo generator: splitmix64 (Steele, Lea, Flood 2014).
// Tiny, fast and fully specified, so a seed gives the same demo on every platform and
// standard library (std::mt19937 would too, but its distributions do not).
#pragma once

#include <cstdint>

namespace trappa::demo {

// The splitmix64 output function: a well-mixed 64-bit value from any 64-bit input.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

inline constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ULL;

class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() { return mix64(state_ += kGoldenGamma); }

  // In [0, bound), bound > 0. Multiply-shift instead of modulo: no division, bias below 2^-32.
  std::uint32_t below(std::uint32_t bound) { return static_cast<std::uint32_t>(((next() >> 32) * bound) >> 32); }

  int between(int low, int high) {  // inclusive
    return low + static_cast<int>(below(static_cast<std::uint32_t>(high - low + 1)));
  }

  // True with probability per_mille / 1000.
  bool chance(std::uint32_t per_mille) { return below(1000) < per_mille; }

  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

}  // namespace trappa::demo
