#include "core/org/unit_tree.hpp"

#include <algorithm>

namespace trappa::core {

UnitTree UnitTree::build(const std::vector<Unit>& units) {
  std::unordered_map<std::string, std::size_t> position;
  position.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) position.emplace(units[i].code, i);

  std::vector<std::vector<std::size_t>> children(units.size());
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < units.size(); ++i) {
    auto parent = position.find(units[i].parent_code);
    if (units[i].parent_code.empty() || parent == position.end() || parent->second == i) {
      roots.push_back(i);
    } else {
      children[parent->second].push_back(i);
    }
  }
  auto by_name = [&units](std::size_t a, std::size_t b) {
    return units[a].name != units[b].name ? units[a].name < units[b].name : units[a].code < units[b].code;
  };
  std::sort(roots.begin(), roots.end(), by_name);
  for (auto& list : children) std::sort(list.begin(), list.end(), by_name);

  UnitTree tree;
  tree.units_.reserve(units.size());
  tree.subtree_end_.resize(units.size());
  tree.depth_.resize(units.size());
  // Iterative depth-first walk: deep trees must not exhaust the stack.
  struct Frame {
    std::size_t source;
    std::uint32_t index;
    std::size_t next_child;
  };
  std::vector<Frame> stack;
  std::vector<bool> visited(units.size(), false);
  for (std::size_t root : roots) {
    const auto push = [&](std::size_t source, int depth) {
      const auto index = static_cast<std::uint32_t>(tree.units_.size());
      visited[source] = true;
      tree.units_.push_back(units[source]);
      tree.depth_[index] = depth;
      tree.index_.emplace(units[source].code, index);
      stack.push_back({source, index, 0});
    };
    push(root, 0);
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const auto& list = children[frame.source];
      if (frame.next_child < list.size()) {
        const std::size_t child = list[frame.next_child++];
        if (!visited[child]) push(child, tree.depth_[frame.index] + 1);
      } else {
        tree.subtree_end_[frame.index] = static_cast<std::uint32_t>(tree.units_.size());
        stack.pop_back();
      }
    }
  }
  // Units on a parent cycle are unreachable from any root; they are not in the tree.
  tree.subtree_end_.resize(tree.units_.size());
  tree.depth_.resize(tree.units_.size());
  return tree;
}

std::optional<std::uint32_t> UnitTree::index_of(std::string_view code) const {
  auto found = index_.find(std::string(code));
  if (found == index_.end()) return std::nullopt;
  return found->second;
}

std::vector<std::uint32_t> UnitTree::children(std::uint32_t index) const {
  std::vector<std::uint32_t> result;
  for (std::uint32_t child = index + 1; child < subtree_end_[index]; child = subtree_end_[child]) result.push_back(child);
  return result;
}

std::vector<std::uint32_t> UnitTree::roots() const {
  std::vector<std::uint32_t> result;
  for (std::uint32_t root = 0; root < units_.size(); root = subtree_end_[root]) result.push_back(root);
  return result;
}

}  // namespace trappa::core
