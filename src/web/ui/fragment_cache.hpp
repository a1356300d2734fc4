// A small least-recently-used cache of rendered page fragments, for pages whose content is a
// pure function of immutable inputs (the overview: the round snapshots, the filters, the
// language). Keys must name every input, including the snapshots' versions, so a new
// snapshot simply misses. Thread-safe; lookups hold a mutex for a map find only.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace trappa::web {

class FragmentCache {
 public:
  explicit FragmentCache(std::size_t capacity) : capacity_(capacity) {}

  [[nodiscard]] std::shared_ptr<const std::string> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto found = index_.find(key);
    if (found == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, found->second);
    return found->second->second;
  }

  void insert(const std::string& key, std::shared_ptr<const std::string> value) {
    std::lock_guard lock(mutex_);
    if (auto found = index_.find(key); found != index_.end()) {
      found->second->second = std::move(value);
      order_.splice(order_.begin(), order_, found->second);
      return;
    }
    order_.emplace_front(key, std::move(value));
    index_.emplace(key, order_.begin());
    while (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;  // guards order_ and index_
  std::list<std::pair<std::string, std::shared_ptr<const std::string>>> order_;  // most recent first
  std::unordered_map<std::string, std::list<std::pair<std::string, std::shared_ptr<const std::string>>>::iterator> index_;
};

}  // namespace trappa::web
