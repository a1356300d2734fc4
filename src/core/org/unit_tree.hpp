// The organisation's units indexed in pre-order, so "is X inside the subtree of U" is the range
// test pre(U) <= pre(X) < end(U). Immutable after build; safe to share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/org/org.hpp"

namespace trappa::core {

class UnitTree {
 public:
  // Units whose parent is missing become roots. Children are ordered by name, then code.
  [[nodiscard]] static UnitTree build(const std::vector<Unit>& units);

  [[nodiscard]] std::size_t size() const { return units_.size(); }
  [[nodiscard]] std::optional<std::uint32_t> index_of(std::string_view code) const;
  [[nodiscard]] const Unit& unit(std::uint32_t index) const { return units_[index]; }
  // One past the last unit of the subtree rooted at `index`.
  [[nodiscard]] std::uint32_t subtree_end(std::uint32_t index) const { return subtree_end_[index]; }
  [[nodiscard]] int depth(std::uint32_t index) const { return depth_[index]; }
  [[nodiscard]] std::vector<std::uint32_t> children(std::uint32_t index) const;
  [[nodiscard]] std::vector<std::uint32_t> roots() const;

 private:
  std::vector<Unit> units_;                 // in pre-order
  std::vector<std::uint32_t> subtree_end_;
  std::vector<int> depth_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

}  // namespace trappa::core
