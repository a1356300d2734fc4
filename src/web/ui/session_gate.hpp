// A bound on the expensive requests running at once: per session (key figures: at most
// kFigureRequestsPerSession) and for the whole server (at most one fewer than the I/O
// threads, so one thread is always free for cheap requests such as /healthz). A request that
// finds no slot is answered 429 with Retry-After at once instead of queueing, so one client
// firing many requests in parallel cannot occupy every I/O thread. Thread-safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace trappa::web {

inline constexpr std::size_t kFigureRequestsPerSession = 2;

class SessionGate {
 public:
  // `total`: the slots of the whole server.
  SessionGate(std::size_t per_session, std::size_t total) : per_session_(per_session), total_(total) {}
  // The server-wide bound for `io_threads` I/O threads: one thread kept free (at least one
  // slot); unbounded when the thread count is not known (0).
  [[nodiscard]] static std::size_t total_for_threads(std::size_t io_threads) {
    return io_threads == 0 ? static_cast<std::size_t>(-1) : std::max<std::size_t>(1, io_threads - 1);
  }

  // Holds one slot of a session until destroyed.
  class Ticket {
   public:
    Ticket(SessionGate* gate, std::string session) : gate_(gate), session_(std::move(session)) {}
    Ticket(Ticket&& other) noexcept : gate_(std::exchange(other.gate_, nullptr)), session_(std::move(other.session_)) {}
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    Ticket& operator=(Ticket&& other) noexcept {
      if (this != &other) {
        release();
        gate_ = std::exchange(other.gate_, nullptr);
        session_ = std::move(other.session_);
      }
      return *this;
    }
    ~Ticket() { release(); }

   private:
    void release() {
      if (gate_ != nullptr) gate_->leave(session_);
      gate_ = nullptr;
    }
    SessionGate* gate_;
    std::string session_;
  };

  // A slot for `session` (its digest), or nullopt when all of its slots, or all of the
  // server's, are taken.
  [[nodiscard]] std::optional<Ticket> enter(const std::string& session) {
    std::lock_guard lock(mutex_);
    if (running_total_ >= total_) return std::nullopt;
    std::size_t& running = running_[session];
    if (running >= per_session_) {
      if (running == 0) running_.erase(session);
      return std::nullopt;
    }
    ++running;
    ++running_total_;
    return std::optional<Ticket>(std::in_place, this, session);
  }

  [[nodiscard]] std::size_t per_session() const { return per_session_; }
  [[nodiscard]] std::size_t total() const { return total_; }

 private:
  void leave(const std::string& session) {
    std::lock_guard lock(mutex_);
    auto found = running_.find(session);
    if (found == running_.end()) return;
    --running_total_;
    if (--found->second == 0) running_.erase(found);
  }

  std::size_t per_session_;
  std::size_t total_;
  std::mutex mutex_;  // guards running_ and running_total_
  std::size_t running_total_ = 0;
  std::unordered_map<std::string, std::size_t> running_;  // only sessions with a request running
};

}  // namespace trappa::web
