// A framework as it is kept: each saved change of a framework is a new revision, numbered from
// 1, and rounds pin the revision they were created with. Plain value types.
#pragma once

#include <cstddef>
#include <string>

#include "core/framework/framework.hpp"

namespace trappa::core {

// One line of the list of frameworks: the latest revision of each, with its size.
struct FrameworkSummary {
  std::string id;
  std::string name;
  std::string version;
  int revision = 0;
  std::size_t competencies = 0;
  std::size_t roles = 0;
};

// A framework with the number of the revision it is.
struct FrameworkRevision {
  Framework framework;
  int revision = 0;
};

}  // namespace trappa::core
