// A fresh store for each storage test, on the backend CTest chose.
//
// TRAPPA_TEST_DB selects the backend: "sqlite" (the default when unset) gives each test its own
// SQLite file in a new temporary directory; "postgresql" gives each test its own database,
// created with psql in the throwaway cluster whose port is in $TRAPPA_TEST_PG_DIR/port (see
// pg_cluster.sh) and dropped again in TearDown. A PostgreSQL run without a reachable cluster
// fails rather than skips: a suite that silently did not run on PostgreSQL must not look green.
//
// StoreTest hands out the store opened but not migrated (for the migration tests);
// MigratedStoreTest migrates it first. Header-only because tests/CMakeLists.txt compiles the
// *_test.cpp files of this folder and nothing else.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "store/store.hpp"

namespace trappa::testing {

namespace test_store_detail {

inline std::string random_suffix() {
  std::random_device device;
  std::mt19937_64 generator(device());
  return fmt::format("{:016x}", generator());
}

inline std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// Runs one SQL statement on the cluster's `postgres` database; true on success.
inline bool run_psql(const std::string& port, const std::string& sql) {
  const std::string command = fmt::format(
      "psql -X -q -h 127.0.0.1 -p {} -U postgres -d postgres -v ON_ERROR_STOP=1 -c '{}' >/dev/null", port, sql);
  return std::system(command.c_str()) == 0;
}

}  // namespace test_store_detail

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    using test_store_detail::environment;
    using test_store_detail::random_suffix;
    const std::string backend = environment("TRAPPA_TEST_DB");
    if (backend.empty() || backend == "sqlite") {
      sqlite_directory_ = std::filesystem::temp_directory_path() / ("trappa-store-test-" + random_suffix());
      std::filesystem::create_directories(sqlite_directory_);
      location_ = (sqlite_directory_ / "trappa.db").string();
    } else if (backend == "postgresql") {
      postgresql_ = true;
      const std::string cluster = environment("TRAPPA_TEST_PG_DIR");
      ASSERT_FALSE(cluster.empty()) << "TRAPPA_TEST_DB=postgresql needs TRAPPA_TEST_PG_DIR (see pg_cluster.sh)";
      std::ifstream port_file(std::filesystem::path(cluster) / "port");
      ASSERT_TRUE(port_file >> pg_port_) << "no port file in " << cluster << "; is the cluster running?";
      pg_database_ = "t_" + random_suffix();
      ASSERT_TRUE(test_store_detail::run_psql(pg_port_, "CREATE DATABASE " + pg_database_))
          << "could not create database " << pg_database_ << " on 127.0.0.1:" << pg_port_;
      location_ = fmt::format("postgresql://postgres@127.0.0.1:{}/{}", pg_port_, pg_database_);
    } else {
      FAIL() << "TRAPPA_TEST_DB must be sqlite or postgresql, not '" << backend << "'";
    }
    open();
  }

  void TearDown() override {
    store_.reset();  // close the connection before the database goes
    if (!pg_database_.empty()) {
      EXPECT_TRUE(test_store_detail::run_psql(pg_port_, "DROP DATABASE IF EXISTS " + pg_database_ + " WITH (FORCE)"))
          << "could not drop database " << pg_database_;
    }
    if (!sqlite_directory_.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(sqlite_directory_, ignored);
    }
  }

  store::Store& store() { return *store_; }

  // Closes the connection and opens the same location again, as a second process would.
  void reopen() {
    store_.reset();
    open();
  }

  [[nodiscard]] const std::string& location() const { return location_; }
  [[nodiscard]] bool on_postgresql() const { return postgresql_; }

 private:
  void open() {
    auto opened = store::Store::open(location_);
    ASSERT_TRUE(opened.has_value()) << opened.error().describe();
    store_ = std::move(*opened);
    ASSERT_EQ(store_->backend_name(), postgresql_ ? "postgresql" : "sqlite");
  }

  bool postgresql_ = false;
  std::string location_;
  std::filesystem::path sqlite_directory_;
  std::string pg_port_;
  std::string pg_database_;
  std::unique_ptr<store::Store> store_;
};

class MigratedStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto migrated = store().migrate();
    ASSERT_TRUE(migrated.has_value()) << migrated.error().describe();
  }
};

}  // namespace trappa::testing
