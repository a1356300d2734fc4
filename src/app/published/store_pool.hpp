// A fixed pool of Store connections shared by request threads.
//
// A Store is not thread-safe, so each request borrows one connection for the duration of a
// lease and gives it back when the lease ends. Borrowing waits while every connection is in
// use. Thread-safe.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "store/store.hpp"

namespace trappa::app {

class StorePool {
 public:
  // Opens `size` connections to `location` (already migrated by the caller).
  [[nodiscard]] static core::Result<std::unique_ptr<StorePool>> open(const std::string& location, std::size_t size);

  class Lease {
   public:
    Lease(StorePool& pool, store::Store* store) : pool_(&pool), store_(store) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease(Lease&& other) noexcept : pool_(other.pool_), store_(other.store_) { other.store_ = nullptr; }
    ~Lease() {
      if (store_ != nullptr) pool_->give_back(store_);
    }
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_; }

   private:
    StorePool* pool_;
    store::Store* store_;
  };

  [[nodiscard]] Lease borrow();

 private:
  StorePool() = default;
  void give_back(store::Store* store);

  std::vector<std::unique_ptr<store::Store>> connections_;
  std::mutex mutex_;               // guards `idle_`
  std::condition_variable available_;
  std::vector<store::Store*> idle_;
};

}  // namespace trappa::web
