#include "app/published/store_pool.hpp"

namespace trappa::app {

core::Result<std::unique_ptr<StorePool>> StorePool::open(const std::string& location, std::size_t size) {
  std::unique_ptr<StorePool> pool(new StorePool());
  for (std::size_t i = 0; i < std::max<std::size_t>(1, size); ++i) {
    ASSIGN_OR_RETURN(auto store, store::Store::open(location));
    pool->idle_.push_back(store.get());
    pool->connections_.push_back(std::move(store));
  }
  return pool;
}

StorePool::Lease StorePool::borrow() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  store::Store* store = idle_.back();
  idle_.pop_back();
  return Lease(*this, store);
}

void StorePool::give_back(store::Store* store) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(store);
  }
  available_.notify_one();
}

}  // namespace trappa::web
