#include "app/supply_plan/supply_plan_use_case.hpp"

#include <fmt/format.h>

namespace trappa::app {

namespace {

store::StoredSupplyPlan stored_form(const core::supply::SupplyPlan& plan) {
  store::StoredSupplyPlan stored;
  stored.id = plan.id;
  stored.unit = plan.unit;
  stored.title = plan.title;
  stored.state = std::string(core::to_code(plan.state));
  stored.period_from = plan.period_from;
  stored.period_to = plan.period_to;
  stored.previous = plan.previous;
  stored.document = io::write_supply_plan_json(plan);
  return stored;
}

// "KF 2025–2027 draft: 20 activities, 12 indicators, 40 follow-ups": the audit entry's detail.
std::string audit_detail(const core::supply::SupplyPlan& plan) {
  std::size_t activities = 0;
  std::size_t indicators = 0;
  for (const core::supply::Goal& goal : plan.goals) {
    activities += goal.activities.size();
    for (const core::supply::Activity& activity : goal.activities) indicators += activity.indicator ? 1 : 0;
  }
  return fmt::format("{} {}–{} {}: {} activities, {} indicators, {} follow-ups", plan.unit, plan.period_from,
                     plan.period_to, core::to_code(plan.state), activities, indicators, plan.follow_ups.size());
}

}  // namespace

core::Result<core::supply::SupplyPlan> load_supply_plan(store::Store& store, const std::string& id) {
  ASSIGN_OR_RETURN(auto stored, store.supply_plans().load_supply_plan(id));
  if (!stored) return core::fail(core::ErrorKind::kNotFound, fmt::format("there is no supply plan '{}'", id));
  return io::parse_supply_plan(stored->document, "supply plan " + id);
}

core::Result<std::vector<store::StoredSupplyPlan>> list_supply_plans(store::Store& store) {
  return store.supply_plans().list_supply_plans();
}

core::Result<bool> save_supply_plan(store::Store& store, const core::supply::SupplyPlan& plan, const std::string& action,
                                    const store::Actor& actor, const std::string& source) {
  std::vector<core::Problem> problems = core::supply::validate_supply_plan(plan);
  if (problems.empty()) problems = IndicatorEvaluator(store).check_bindings(plan);
  if (!problems.empty()) {
    if (!source.empty()) {
      for (core::Problem& problem : problems) problem.where = source + ": " + problem.where;
    }
    return core::invalid(fmt::format("the supply plan {} is not saved", plan.id), std::move(problems));
  }
  return store.supply_plans().save_supply_plan(stored_form(plan), action, audit_detail(plan), actor);
}

core::Result<LiveSupplyPlan> show_supply_plan(store::Store& store, const std::string& id, core::Date today,
                                              BindingViewer viewer) {
  ASSIGN_OR_RETURN(core::supply::SupplyPlan plan, load_supply_plan(store, id));
  LiveSupplyPlan shown{std::move(plan), {}};
  IndicatorEvaluator evaluator(store, viewer);
  const double elapsed = core::supply::elapsed_share(shown.plan, today);
  for (const core::supply::Goal& goal : shown.plan.goals) {
    for (const core::supply::Activity& activity : goal.activities) {
      io::LiveActivity live;
      live.shown_status = core::supply::shown_status(shown.plan, activity, today);
      if (activity.indicator) {
        if (auto value = evaluator.value(*activity.indicator)) {
          live.value = value->value;
          live.suppressed = value->suppressed;
          if (live.value) live.state = core::supply::indicator_state(*activity.indicator, *live.value, elapsed);
        } else if (value.error().kind == core::ErrorKind::kStorage) {
          return std::unexpected(value.error());
        }
      }
      shown.live.emplace(activity.code, live);
    }
  }
  if (!shown.plan.previous.empty()) {
    auto previous = load_supply_plan(store, shown.plan.previous);
    if (previous) {
      std::vector<io::PreviousActivity> rows;
      for (const core::supply::Goal& goal : previous->goals) {
        for (const core::supply::Activity& activity : goal.activities) {
          io::PreviousActivity row{previous->id, activity};
          if (const auto* follow_up = core::supply::last_follow_up(*previous, activity.code)) row.last_follow_up = *follow_up;
          const std::string link = previous->id + "/" + activity.code;
          for (const core::supply::Goal& next_goal : shown.plan.goals) {
            for (const core::supply::Activity& next : next_goal.activities) {
              if (next.carried_from == link) row.continued_as = next.code;
            }
          }
          rows.push_back(std::move(row));
        }
      }
      shown.previous_period = std::move(rows);
    } else if (previous.error().kind != core::ErrorKind::kNotFound) {
      return std::unexpected(previous.error());
    }
  }
  return shown;
}

core::Result<std::vector<core::supply::FollowUp>> follow_up_supply_plan(store::Store& store, const std::string& id,
                                                                core::supply::Checkpoint checkpoint, int year,
                                                                core::Date today, const std::string& frozen_at,
                                                                const store::Actor& actor) {
  ASSIGN_OR_RETURN(core::supply::SupplyPlan plan, load_supply_plan(store, id));
  for (const core::supply::FollowUp& earlier : plan.follow_ups) {
    if (earlier.checkpoint == checkpoint && earlier.year == year) {
      return core::fail(core::ErrorKind::kConflict,
                        fmt::format("supply plan {} is already followed up at {} {}; a frozen value is not rewritten",
                                    id, core::to_code(checkpoint), year));
    }
  }
  IndicatorEvaluator evaluator(store);
  std::vector<core::supply::FollowUp> added;
  for (const core::supply::Goal& goal : plan.goals) {
    for (const core::supply::Activity& activity : goal.activities) {
      core::supply::FollowUp follow_up;
      follow_up.activity = activity.code;
      follow_up.checkpoint = checkpoint;
      follow_up.year = year;
      follow_up.status = core::supply::shown_status(plan, activity, today);
      if (activity.indicator) {
        ASSIGN_OR_RETURN(IndicatorValue value, evaluator.value(*activity.indicator));
        follow_up.value = value.value;
        follow_up.suppressed = value.suppressed;
        follow_up.frozen_at = frozen_at;
      }
      added.push_back(follow_up);
    }
  }
  plan.follow_ups.insert(plan.follow_ups.end(), added.begin(), added.end());
  TRY(save_supply_plan(store, plan, "supply_plan.follow_up", actor));
  return added;
}

}  // namespace trappa::app
