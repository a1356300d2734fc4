// The bound on key-figure computations running at once (web/ui/session_gate.hpp, issue 12).
#include <gtest/gtest.h>

#include <optional>
#include <utility>
#include <vector>

#include "web/ui/session_gate.hpp"

namespace trappa::web {
namespace {

TEST(SessionGate, a_session_gets_at_most_its_slots_until_one_is_released) {
  SessionGate gate(2, 10);
  auto first = gate.enter("a");
  auto second = gate.enter("a");
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(gate.enter("a")) << "a third at once";
  EXPECT_TRUE(gate.enter("b")) << "another session is not held up";
  first.reset();
  EXPECT_TRUE(gate.enter("a")) << "a slot is free again";
}

TEST(SessionGate, the_server_keeps_one_io_thread_free) {
  EXPECT_EQ(SessionGate::total_for_threads(2), 1u);
  EXPECT_EQ(SessionGate::total_for_threads(8), 7u);
  EXPECT_EQ(SessionGate::total_for_threads(1), 1u);
  SessionGate gate(2, SessionGate::total_for_threads(3));
  auto a = gate.enter("a");
  auto b = gate.enter("b");
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(gate.enter("c")) << "every slot of the server is taken";
  b.reset();
  EXPECT_TRUE(gate.enter("c"));
}

TEST(SessionGate, a_moved_ticket_releases_once) {
  SessionGate gate(1, 1);
  std::optional<SessionGate::Ticket> held = gate.enter("a");
  ASSERT_TRUE(held);
  std::optional<SessionGate::Ticket> moved = std::move(held);
  held.reset();
  EXPECT_FALSE(gate.enter("a")) << "the moved ticket still holds the slot";
  moved.reset();
  EXPECT_TRUE(gate.enter("a"));
}

}  // namespace
}  // namespace trappa::web
