#include "io/json/supply_plan_json.hpp"

#include <fstream>
#include <sstream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/base/date.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

// Reads one document, collecting every problem with its path; the values read where a
// problem was found are left at their defaults.
class PlanReader {
 public:
  explicit PlanReader(std::vector<core::Problem>& problems) : problems_(problems) {}

  core::supply::SupplyPlan read(const json::value& document) {
    core::supply::SupplyPlan plan;
    const json::object* root = object_at(document, "$");
    if (root == nullptr) return plan;
    std::string state_code;
    for (const auto& member : *root) {
      const std::string key(member.key());
      const std::string path = "$." + key;
      const json::value& value = member.value();
      if (key == "format") {
        if (!value.is_string() || value.get_string() != kSupplyPlanFormat) {
          problem(path, fmt::format("\"{}\" expected", kSupplyPlanFormat));
        }
      } else if (key == "version") {
        if (!value.is_int64() || value.get_int64() != kSupplyPlanVersion) {
          problem(path, fmt::format("{} expected", kSupplyPlanVersion));
        }
      } else if (key == "id") {
        plan.id = text(value, path);
      } else if (key == "unit") {
        plan.unit = text(value, path);
      } else if (key == "title") {
        plan.title = text(value, path);
      } else if (key == "period") {
        read_period(value, path, plan);
      } else if (key == "previous") {
        if (!value.is_null()) plan.previous = text(value, path);
      } else if (key == "state") {
        state_code = text(value, path);
        if (auto state = core::supply::parse_supply_plan_state(state_code)) {
          plan.state = *state;
        } else if (value.is_string()) {
          problem(path, "\"draft\", \"adopted\" or \"archived\" expected");
        }
      } else if (key == "adopted_by") {
        plan.adopted_by = text(value, path);
      } else if (key == "adopted_at") {
        plan.adopted_at = date(value, path);
      } else if (key == "analysis") {
        read_analysis(value, path, plan.analysis);
      } else if (key == "risks") {
        read_array(value, path, [&](const json::value& item, const std::string& item_path) {
          plan.risks.push_back(read_risk(item, item_path));
        });
      } else if (key == "goals") {
        read_array(value, path, [&](const json::value& item, const std::string& item_path) {
          plan.goals.push_back(read_goal(item, item_path));
        });
      } else if (key == "follow_ups") {
        read_array(value, path, [&](const json::value& item, const std::string& item_path) {
          plan.follow_ups.push_back(read_follow_up(item, item_path));
        });
      } else if (key == "previous_period") {
        // added by `plan show`; read again from the previous plan
      } else {
        problem(path, "unknown field");
      }
    }
    for (std::string_view required : {"format", "version", "id", "unit", "title", "period", "state"}) {
      if (!root->contains(required)) problem(fmt::format("$.{}", required), "missing");
    }
    return plan;
  }

 private:
  const json::object* object_at(const json::value& value, const std::string& path) {
    if (value.is_object()) return &value.get_object();
    problem(path, "an object expected");
    return nullptr;
  }

  template <typename Each>
  void read_array(const json::value& value, const std::string& path, Each&& each) {
    if (!value.is_array()) {
      problem(path, "a list expected");
      return;
    }
    const json::array& items = value.get_array();
    for (std::size_t i = 0; i < items.size(); ++i) each(items[i], fmt::format("{}[{}]", path, i));
  }

  std::string text(const json::value& value, const std::string& path) {
    if (value.is_string()) return std::string(value.get_string());
    problem(path, "a text expected");
    return {};
  }

  std::vector<std::string> texts(const json::value& value, const std::string& path) {
    std::vector<std::string> result;
    read_array(value, path, [&](const json::value& item, const std::string& item_path) {
      result.push_back(text(item, item_path));
    });
    return result;
  }

  std::optional<core::Date> date(const json::value& value, const std::string& path) {
    if (value.is_string()) {
      if (auto parsed = core::parse_iso_date(value.get_string())) return parsed;
    }
    problem(path, "a date YYYY-MM-DD expected");
    return std::nullopt;
  }

  int whole(const json::value& value, const std::string& path, int low, int high, std::string_view what) {
    if (value.is_int64() && value.get_int64() >= low && value.get_int64() <= high) {
      return static_cast<int>(value.get_int64());
    }
    problem(path, fmt::format("{} expected", what));
    return low;
  }

  double number(const json::value& value, const std::string& path) {
    if (auto read = number_of(value)) return *read;
    problem(path, "a number expected");
    return 0;
  }

  void missing(const json::object& object, const std::string& path, std::initializer_list<std::string_view> fields) {
    for (std::string_view field : fields) {
      if (!object.contains(field)) problem(fmt::format("{}.{}", path, field), "missing");
    }
  }

  void read_period(const json::value& value, const std::string& path, core::supply::SupplyPlan& plan) {
    const json::object* object = object_at(value, path);
    if (object == nullptr) return;
    for (const auto& member : *object) {
      const std::string member_path = path + "." + std::string(member.key());
      if (member.key() == "from") {
        plan.period_from = whole(member.value(), member_path, 1900, 2999, "a year");
      } else if (member.key() == "to") {
        plan.period_to = whole(member.value(), member_path, 1900, 2999, "a year");
      } else {
        problem(member_path, "unknown field");
      }
    }
    missing(*object, path, {"from", "to"});
  }

  void read_analysis(const json::value& value, const std::string& path, core::supply::Analysis& analysis) {
    const json::object* object = object_at(value, path);
    if (object == nullptr) return;
    const std::map<std::string_view, std::string*> text_fields{
        {"round", &analysis.round},
        {"compare_round", &analysis.compare_round},
        {"mission", &analysis.mission},
        {"changes", &analysis.changes},
        {"competence_needed", &analysis.competence_needed},
        {"competence_to_keep", &analysis.competence_to_keep},
        {"gap", &analysis.gap}};
    for (const auto& member : *object) {
      const std::string key(member.key());
      const std::string member_path = path + "." + key;
      if (key == "key_figures_at") {
        if (!member.value().is_null()) analysis.key_figures_at = date(member.value(), member_path);
      } else if (const auto field = text_fields.find(key); field != text_fields.end()) {
        *field->second = text(member.value(), member_path);
      } else if (key == "needs_short_term") {
        analysis.needs_short_term = texts(member.value(), member_path);
      } else if (key == "needs_long_term") {
        analysis.needs_long_term = texts(member.value(), member_path);
      } else {
        problem(member_path, "unknown field");
      }
    }
  }

  core::supply::Risk read_risk(const json::value& value, const std::string& path) {
    core::supply::Risk risk;
    const json::object* object = object_at(value, path);
    if (object == nullptr) return risk;
    for (const auto& member : *object) {
      const std::string key(member.key());
      const std::string member_path = path + "." + key;
      if (key == "risk") {
        risk.risk = text(member.value(), member_path);
      } else if (key == "likelihood") {
        risk.likelihood = whole(member.value(), member_path, 1, 4, "a whole number 1–4");
      } else if (key == "consequence") {
        risk.consequence = whole(member.value(), member_path, 1, 4, "a whole number 1–4");
      } else if (key == "measure") {
        risk.measure = text(member.value(), member_path);
      } else {
        problem(member_path, "unknown field");
      }
    }
    missing(*object, path, {"risk", "likelihood", "consequence"});
    return risk;
  }

  core::supply::Goal read_goal(const json::value& value, const std::string& path) {
    core::supply::Goal goal;
    const json::object* object = object_at(value, path);
    if (object == nullptr) return goal;
    for (const auto& member : *object) {
      const std::string key(member.key());
      const std::string member_path = path + "." + key;
      if (key == "title") {
        goal.title = text(member.value(), member_path);
      } else if (key == "activities") {
        read_array(member.value(), member_path, [&](const json::value& item, const std::string& item_path) {
          goal.activities.push_back(read_activity(item, item_path));
        });
      } else {
        problem(member_path, "unknown field");
      }
    }
    missing(*object, path, {"title", "activities"});
    return goal;
  }

  core::supply::Activity read_activity(const json::value& value, const std::string& path) {
    core::supply::Activity activity;
    const json::object* object = object_at(value, path);
    if (object == nullptr) return activity;
    for (const auto& member : *object) {
      const std::string key(member.key());
      const std::string member_path = path + "." + key;
      const json::value& field = member.value();
      if (key == "code") {
        activity.code = text(field, member_path);
      } else if (key == "title") {
        activity.title = text(field, member_path);
      } else if (key == "ubara") {
        const auto ubara = field.is_string() ? core::supply::parse_ubara(field.get_string()) : std::nullopt;
        if (ubara) {
          activity.ubara = *ubara;
        } else {
          problem(member_path, "utveckla, behalla, attrahera, rekrytera, introducera or avveckla expected");
        }
      } else if (key == "start_date") {
        activity.start_date = date(field, member_path);
      } else if (key == "target_date") {
        if (auto target = date(field, member_path)) activity.target_date = *target;
      } else if (key == "responsible") {
        activity.responsible = text(field, member_path);
      } else if (key == "status") {
        if (field.is_null()) continue;
        const auto status = field.is_string() ? core::supply::parse_activity_status(field.get_string()) : std::nullopt;
        if (status) {
          activity.status = *status;
        } else {
          problem(member_path, "not_started, ongoing, done, postponed or cancelled expected");
        }
      } else if (key == "carry_over") {
        if (field.is_bool()) {
          activity.carry_over = field.get_bool();
        } else {
          problem(member_path, "true or false expected");
        }
      } else if (key == "carried_from") {
        activity.carried_from = text(field, member_path);
      } else if (key == "indicator") {
        if (!field.is_null()) activity.indicator = read_indicator(field, member_path);
      } else if (key == "shown_status") {
        // added by `plan show`; derived again from the dates
      } else {
        problem(member_path, "unknown field");
      }
    }
    missing(*object, path, {"code", "title", "ubara", "target_date"});
    return activity;
  }

  core::supply::Indicator read_indicator(const json::value& value, const std::string& path) {
    core::supply::Indicator indicator;
    const json::object* object = object_at(value, path);
    if (object == nullptr) return indicator;
    const core::supply::BindingKind* kind = nullptr;
    if (const json::value* kind_value = object->if_contains("kind")) {
      indicator.kind = text(*kind_value, path + ".kind");
      kind = core::supply::find_binding_kind(indicator.kind);
      if (kind == nullptr && kind_value->is_string()) {
        std::string known;
        for (const core::supply::BindingKind& entry : core::supply::binding_kinds()) {
          known += known.empty() ? "" : ", ";
          known += entry.kind;
        }
        problem(path + ".kind", fmt::format("'{}' is no binding; one of {} expected", indicator.kind, known));
      }
    }
    for (const auto& member : *object) {
      const std::string key(member.key());
      const std::string member_path = path + "." + key;
      if (key == "kind" || key == "value" || key == "state" || key == "suppressed") continue;
      if (key == "baseline") {
        indicator.baseline = number(member.value(), member_path);
      } else if (key == "target") {
        indicator.target = number(member.value(), member_path);
      } else if (kind == nullptr) {
        continue;  // the kind's problem is reported; its parameters cannot be judged
      } else if (std::ranges::find(kind->required, key) != kind->required.end() ||
                 std::ranges::find(kind->optional, key) != kind->optional.end()) {
        indicator.parameters[key] = text(member.value(), member_path);
      } else {
        problem(member_path, fmt::format("unknown field; {} takes no '{}'", indicator.kind, key));
      }
    }
    missing(*object, path, {"kind", "baseline", "target"});
    if (kind != nullptr) {
      for (std::string_view required : kind->required) {
        if (!object->contains(required)) problem(fmt::format("{}.{}", path, required), "missing");
      }
    }
    return indicator;
  }

  core::supply::FollowUp read_follow_up(const json::value& value, const std::string& path) {
    core::supply::FollowUp follow_up;
    const json::object* object = object_at(value, path);
    if (object == nullptr) return follow_up;
    for (const auto& member : *object) {
      const std::string key(member.key());
      const std::string member_path = path + "." + key;
      const json::value& field = member.value();
      if (key == "activity") {
        follow_up.activity = text(field, member_path);
      } else if (key == "checkpoint") {
        const auto checkpoint = field.is_string() ? core::supply::parse_checkpoint(field.get_string()) : std::nullopt;
        if (checkpoint) {
          follow_up.checkpoint = *checkpoint;
        } else {
          problem(member_path, "T1, T2 or VB expected");
        }
      } else if (key == "year") {
        follow_up.year = whole(field, member_path, 1900, 2999, "a year");
      } else if (key == "status") {
        const auto status = field.is_string() ? core::supply::parse_shown_status(field.get_string()) : std::nullopt;
        if (status) {
          follow_up.status = *status;
        } else {
          problem(member_path,
                  "not_started, ongoing, done, postponed, cancelled, planned, at_risk or delayed expected");
        }
      } else if (key == "comment") {
        follow_up.comment = text(field, member_path);
      } else if (key == "value") {
        if (!field.is_null()) follow_up.value = number(field, member_path);
      } else if (key == "suppressed") {
        if (field.is_bool()) {
          follow_up.suppressed = field.get_bool();
        } else {
          problem(member_path, "true or false expected");
        }
      } else if (key == "frozen_at") {
        follow_up.frozen_at = text(field, member_path);
      } else {
        problem(member_path, "unknown field");
      }
    }
    missing(*object, path, {"activity", "checkpoint", "year", "status"});
    return follow_up;
  }

  void problem(std::string where, std::string what) { problems_.push_back({std::move(where), std::move(what)}); }

  std::vector<core::Problem>& problems_;
};

json::value optional_number(const std::optional<double>& value) {
  if (!value) return nullptr;
  return *value;
}

json::array text_array(const std::vector<std::string>& texts) {
  json::array array;
  for (const std::string& text : texts) array.emplace_back(text);
  return array;
}

json::object indicator_object(const core::supply::Indicator& indicator, const LiveActivity* live) {
  json::object object;
  object["kind"] = indicator.kind;
  // Parameters in the table's order (required, then optional), so the bytes do not depend on
  // the order the file gave them.
  if (const core::supply::BindingKind* kind = core::supply::find_binding_kind(indicator.kind)) {
    for (const auto* names : {&kind->required, &kind->optional}) {
      for (std::string_view name : *names) {
        if (const std::string* parameter = indicator.parameter(name)) object[name] = *parameter;
      }
    }
  }
  object["baseline"] = indicator.baseline;
  object["target"] = indicator.target;
  if (live != nullptr) {
    if (live->suppressed) {
      object["suppressed"] = true;
    } else {
      object["value"] = optional_number(live->value);
      if (live->state) object["state"] = core::to_code(*live->state);
    }
  }
  return object;
}

json::object follow_up_object(const core::supply::FollowUp& follow_up) {
  json::object object;
  object["activity"] = follow_up.activity;
  object["checkpoint"] = core::to_code(follow_up.checkpoint);
  object["year"] = follow_up.year;
  object["status"] = core::to_code(follow_up.status);
  object["comment"] = follow_up.comment;
  object["value"] = optional_number(follow_up.value);
  if (follow_up.suppressed) object["suppressed"] = true;
  object["frozen_at"] = follow_up.frozen_at;
  return object;
}

}  // namespace

core::Result<core::supply::SupplyPlan> parse_supply_plan(std::string_view text, const std::string& file_name) {
  auto document = parse_json_text(text, file_name);
  if (!document) return std::unexpected(document.error());
  std::vector<core::Problem> problems;
  core::supply::SupplyPlan plan = PlanReader(problems).read(*document);
  if (problems.empty()) problems = core::supply::validate_supply_plan(plan);
  if (!problems.empty()) {
    for (core::Problem& problem : problems) problem.where = file_name + ": " + problem.where;
    return core::invalid("the supply plan is not valid", std::move(problems));
  }
  return plan;
}

core::Result<core::supply::SupplyPlan> read_supply_plan_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail(core::ErrorKind::kNotFound, fmt::format("cannot read '{}'", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_supply_plan(text.str(), path.string());
}

std::string write_supply_plan_json(const core::supply::SupplyPlan& plan, const std::map<std::string, LiveActivity>* live,
                                   const std::vector<PreviousActivity>* previous) {
  json::object root;
  root["format"] = kSupplyPlanFormat;
  root["version"] = kSupplyPlanVersion;
  root["id"] = plan.id;
  root["unit"] = plan.unit;
  root["title"] = plan.title;
  root["period"] = {{"from", plan.period_from}, {"to", plan.period_to}};
  if (!plan.previous.empty()) root["previous"] = plan.previous;
  root["state"] = core::to_code(plan.state);
  if (!plan.adopted_by.empty()) root["adopted_by"] = plan.adopted_by;
  if (plan.adopted_at) root["adopted_at"] = core::to_iso(*plan.adopted_at);

  const core::supply::Analysis& analysis = plan.analysis;
  json::object analysis_object;
  analysis_object["key_figures_at"] =
      analysis.key_figures_at ? json::value(core::to_iso(*analysis.key_figures_at)) : json::value(nullptr);
  analysis_object["round"] = analysis.round;
  analysis_object["compare_round"] = analysis.compare_round;
  analysis_object["mission"] = analysis.mission;
  analysis_object["changes"] = analysis.changes;
  analysis_object["competence_needed"] = analysis.competence_needed;
  analysis_object["competence_to_keep"] = analysis.competence_to_keep;
  analysis_object["gap"] = analysis.gap;
  analysis_object["needs_short_term"] = text_array(analysis.needs_short_term);
  analysis_object["needs_long_term"] = text_array(analysis.needs_long_term);
  root["analysis"] = std::move(analysis_object);

  json::array risks;
  for (const core::supply::Risk& risk : plan.risks) {
    risks.push_back(json::object{{"risk", risk.risk},
                                 {"likelihood", risk.likelihood},
                                 {"consequence", risk.consequence},
                                 {"measure", risk.measure}});
  }
  root["risks"] = std::move(risks);

  json::array goals;
  for (const core::supply::Goal& goal : plan.goals) {
    json::array activities;
    for (const core::supply::Activity& activity : goal.activities) {
      const LiveActivity* live_activity = nullptr;
      if (live != nullptr) {
        const auto found = live->find(activity.code);
        if (found != live->end()) live_activity = &found->second;
      }
      json::object object;
      object["code"] = activity.code;
      object["title"] = activity.title;
      object["ubara"] = core::to_code(activity.ubara);
      if (activity.start_date) object["start_date"] = core::to_iso(*activity.start_date);
      object["target_date"] = core::to_iso(activity.target_date);
      object["responsible"] = activity.responsible;
      object["status"] = activity.status ? json::value(core::to_code(*activity.status)) : json::value(nullptr);
      if (live_activity != nullptr) object["shown_status"] = core::to_code(live_activity->shown_status);
      if (activity.carry_over) object["carry_over"] = true;
      if (!activity.carried_from.empty()) object["carried_from"] = activity.carried_from;
      if (activity.indicator) object["indicator"] = indicator_object(*activity.indicator, live_activity);
      activities.push_back(std::move(object));
    }
    goals.push_back(json::object{{"title", goal.title}, {"activities", std::move(activities)}});
  }
  root["goals"] = std::move(goals);

  json::array follow_ups;
  for (const core::supply::FollowUp& follow_up : plan.follow_ups) follow_ups.push_back(follow_up_object(follow_up));
  root["follow_ups"] = std::move(follow_ups);
  if (previous != nullptr) {
    json::array rows;
    for (const PreviousActivity& row : *previous) {
      json::object object;
      object["plan"] = row.plan;
      object["code"] = row.activity.code;
      object["title"] = row.activity.title;
      object["ubara"] = core::to_code(row.activity.ubara);
      object["status"] =
          row.activity.status ? json::value(core::to_code(*row.activity.status)) : json::value(nullptr);
      object["carry_over"] = row.activity.carry_over;
      object["continued_as"] = row.continued_as.empty() ? json::value(nullptr) : json::value(row.continued_as);
      object["last_follow_up"] = row.last_follow_up ? json::value(follow_up_object(*row.last_follow_up)) : nullptr;
      rows.push_back(std::move(object));
    }
    root["previous_period"] = std::move(rows);
  }
  return write_json_text(root);
}

}  // namespace trappa::io
