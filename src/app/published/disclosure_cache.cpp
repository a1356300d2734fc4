#include "app/published/disclosure_cache.hpp"

namespace trappa::app {

DisclosureCache::Decided DisclosureCache::decided(const std::shared_ptr<const RoundView>& current) {
  std::unique_lock lock(mutex_);
  Entry& entry = rounds_[current->round.name];
  for (;;) {
    if (entry.ready.view && entry.ready.view->version >= current->version) return entry.ready;
    if (!entry.deciding) break;
    if (entry.ready.view) return entry.ready;  // a newer snapshot is being decided: serve the last one
    changed_.wait(lock);
  }
  entry.deciding = true;
  lock.unlock();
  std::shared_ptr<const core::GapDisclosure> disclosure;
  try {
    disclosure = core::GapDisclosure::build(*current->snapshot, min_group_);
  } catch (...) {
    lock.lock();
    entry.deciding = false;
    changed_.notify_all();
    throw;
  }
  lock.lock();
  entry.deciding = false;
  if (!entry.ready.view || entry.ready.view->version < current->version) entry.ready = Decided{current, disclosure};
  changed_.notify_all();
  return Decided{current, std::move(disclosure)};
}

}  // namespace trappa::web
