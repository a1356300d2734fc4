// Employment history in the store: one row per employment, replaced per person on import.
#include <soci/soci.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/base/date.hpp"
#include "core/people/person_change.hpp"
#include "store/workforce/sql_employment_store.hpp"

namespace trappa::store {

using core::Result;

namespace {

int route_number(core::Route route) { return static_cast<int>(route); }

core::Route route_from(int number, soci::indicator indicator) {
  if (indicator != soci::i_ok) return core::Route::kUnknown;
  return core::parse_route(std::to_string(number)).value_or(core::Route::kUnknown);
}

}  // namespace

Result<void> SqlEmploymentStore::save_employments(const std::vector<core::Employment>& employments, const Actor& actor) {
  return guarded("saving employments", [&]() -> Result<void> {
    std::vector<std::string> people;
    {
      std::unordered_set<std::string_view> seen;
      for (const core::Employment& employment : employments) {
        if (seen.insert(employment.employee_id).second) people.push_back(employment.employee_id);
      }
    }
    WriteTransaction transaction(*session_, *dialect_);
    long long existing = 0;
    *session_ << "SELECT COUNT(*) FROM (SELECT 1 FROM employments LIMIT 1) AS any_row", soci::into(existing);
    // One audit entry per person whose history the import creates or changes, naming the
    // employments removed and added (a first import too, unless the actor says not to
    // itemise creations: the demo).
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> changes;
    if (existing > 0 || actor.itemise_created) {
      std::unordered_map<std::string, std::vector<core::Employment>> before, after;
      if (existing > 0) {
        ASSIGN_OR_RETURN(auto loaded, load_employments());
        for (core::Employment& employment : loaded) {
          std::string id = employment.employee_id;
          before[std::move(id)].push_back(std::move(employment));
        }
      }
      for (const core::Employment& employment : employments) after[employment.employee_id].push_back(employment);
      for (const std::string& person : people) {
        const std::string detail = core::describe_employment_change(before[person], after[person]);
        if (detail != "no change") {
          changes.push_back({now, actor.name, "employment.update", person, detail + actor.where(person)});
        }
      }
    }
    constexpr std::size_t kBatch = 10000;
    if (existing > 0) {  // an empty table (first import, demo) needs no deletes
      for (std::size_t begin = 0; begin < people.size(); begin += kBatch) {
        const std::size_t end = std::min(people.size(), begin + kBatch);
        std::vector<std::string> ids(people.begin() + static_cast<std::ptrdiff_t>(begin),
                                     people.begin() + static_cast<std::ptrdiff_t>(end));
        *session_ << "DELETE FROM employments WHERE employee_id = :id", soci::use(ids);
      }
    }
    for (std::size_t begin = 0; begin < employments.size(); begin += kBatch) {
      const std::size_t end = std::min(employments.size(), begin + kBatch);
      std::vector<std::string> ids, starts, ends, types, positions, units, reasons;
      std::vector<double> ftes;
      std::vector<int> recruitment_routes, departure_routes;
      std::vector<soci::indicator> end_indicators, recruitment_indicators, departure_indicators;
      for (std::size_t i = begin; i < end; ++i) {
        const core::Employment& employment = employments[i];
        ids.push_back(employment.employee_id);
        starts.push_back(core::to_iso(employment.start));
        ends.push_back(employment.end ? core::to_iso(*employment.end) : std::string());
        end_indicators.push_back(employment.end ? soci::i_ok : soci::i_null);
        types.emplace_back(core::to_code(employment.type));
        positions.push_back(employment.position);
        ftes.push_back(employment.fte);
        units.push_back(employment.unit_code);
        recruitment_routes.push_back(route_number(employment.recruitment_route));
        recruitment_indicators.push_back(employment.recruitment_route == core::Route::kUnknown ? soci::i_null
                                                                                                : soci::i_ok);
        departure_routes.push_back(route_number(employment.departure_route));
        departure_indicators.push_back(employment.departure_route == core::Route::kUnknown ? soci::i_null
                                                                                            : soci::i_ok);
        reasons.push_back(employment.departure_reason);
      }
      *session_ << "INSERT INTO employments (employee_id, start_date, end_date, employment_type, position, fte, "
                   "unit_code, recruitment_route, departure_route, departure_reason) VALUES (:id, :start, :end, "
                   ":type, :position, :fte, :unit, :recruitment, :departure, :reason)",
          soci::use(ids), soci::use(starts), soci::use(ends, end_indicators), soci::use(types), soci::use(positions),
          soci::use(ftes), soci::use(units), soci::use(recruitment_routes, recruitment_indicators),
          soci::use(departure_routes, departure_indicators), soci::use(reasons);
    }
    append_audit_entries_in_transaction(changes);
    append_audit_in_transaction({now, actor.name, "import.employments", "employments",
                                 fmt::format("{} employments of {} people written (their earlier history replaced)",
                                             employments.size(), people.size())});
    record_change_in_transaction(ChangeKind::kEmployments);
    transaction.commit();
    return {};
  });
}

Result<std::vector<core::Employment>> SqlEmploymentStore::load_employments() {
  return guarded("reading employments", [&]() -> Result<std::vector<core::Employment>> {
    std::vector<core::Employment> employments;
    long long count = 0;
    *session_ << "SELECT COUNT(*) FROM employments", soci::into(count);
    employments.reserve(static_cast<std::size_t>(count));
    constexpr std::size_t kBlock = 20000;
    std::vector<std::string> ids(kBlock), starts(kBlock), ends(kBlock), types(kBlock), positions(kBlock),
        units(kBlock), reasons(kBlock);
    std::vector<double> ftes(kBlock);
    std::vector<int> recruitment_routes(kBlock), departure_routes(kBlock);
    std::vector<soci::indicator> end_indicators(kBlock), recruitment_indicators(kBlock), departure_indicators(kBlock);
    soci::statement statement =
        (session_->prepare << "SELECT employee_id, start_date, end_date, employment_type, position, fte, unit_code, "
                              "recruitment_route, departure_route, departure_reason FROM employments "
                              "ORDER BY employee_id, start_date, id",
         soci::into(ids), soci::into(starts), soci::into(ends, end_indicators), soci::into(types),
         soci::into(positions), soci::into(ftes), soci::into(units),
         soci::into(recruitment_routes, recruitment_indicators), soci::into(departure_routes, departure_indicators),
         soci::into(reasons));
    statement.execute();
    while (statement.fetch()) {
      for (std::size_t i = 0; i < ids.size(); ++i) {
        core::Employment employment;
        employment.employee_id = std::move(ids[i]);
        // The table's CHECKs and the import's validation keep these well-formed.
        employment.start = core::parse_iso_date(starts[i]).value_or(core::Date{});
        if (end_indicators[i] == soci::i_ok) employment.end = core::parse_iso_date(ends[i]);
        employment.type = core::parse_employment_type(types[i]).value_or(core::EmploymentType::kPermanent);
        employment.position = std::move(positions[i]);
        employment.fte = ftes[i];
        employment.unit_code = std::move(units[i]);
        employment.recruitment_route = route_from(recruitment_routes[i], recruitment_indicators[i]);
        employment.departure_route = route_from(departure_routes[i], departure_indicators[i]);
        employment.departure_reason = std::move(reasons[i]);
        employments.push_back(std::move(employment));
      }
      for (auto* column : {&ids, &starts, &ends, &types, &positions, &units, &reasons}) column->resize(kBlock);
      ftes.resize(kBlock);
      recruitment_routes.resize(kBlock);
      departure_routes.resize(kBlock);
      end_indicators.resize(kBlock);
      recruitment_indicators.resize(kBlock);
      departure_indicators.resize(kBlock);
    }
    // PostgreSQL orders text by the database's collation; the contract is byte order.
    auto before = [](const core::Employment& a, const core::Employment& b) {
      if (const int order = a.employee_id.compare(b.employee_id); order != 0) return order < 0;
      return a.start < b.start;
    };
    if (!std::is_sorted(employments.begin(), employments.end(), before)) {
      std::stable_sort(employments.begin(), employments.end(), before);
    }
    return employments;
  });
}

}  // namespace trappa::store
