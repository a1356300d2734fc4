// Maturity measurements and indicator series over the shared SQL session
// (store/sql/sql_session.hpp). Internal to the store layer.
#pragma once

#include "store/maturity/maturity_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlMaturityStore final : public MaturityStore, private SqlCapability {
 public:
  explicit SqlMaturityStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<std::vector<core::MaturityMeasurement>> load_measurements() override;
  core::Result<std::size_t> save_measurements(const std::vector<core::MaturityMeasurement>& measurements,
                                              const Actor& actor) override;
  core::Result<std::vector<core::IndicatorSeries>> load_series() override;
  core::Result<std::size_t> save_series(const std::vector<core::IndicatorSeries>& series, const Actor& actor) override;
};

}  // namespace trappa::store
