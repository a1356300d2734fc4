// The inputs of the workforce key figures (docs/key-figures.md) as the web server holds them:
// people, employments and units in memory beside the round snapshots, so a figures request
// does no store work (before, every request read all people and employments from the store,
// 5–6 s at 311 782 people, on an I/O thread).
//
// Loaded once at start-up, like the round registry, and immutable after. No write the web
// application makes changes these inputs (it saves assessments and accounts only); people,
// units and employments imported from the command line while the server runs are seen after a
// restart, as for the directory and the rounds (docs/web.md, "Figures while the server runs").
//
// The small-group decisions (core::KeyFigureDisclosure) are made for the whole organisation
// per reference date and threshold, and kept: every unit's question at that date is answered
// from the same decision. The computed figures are kept per query too (the inputs never
// change while they are held, so a kept result is never stale). Thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "app/published/directory.hpp"
#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/workforce/employment.hpp"
#include "core/workforce/key_figure_disclosure.hpp"
#include "core/workforce/key_figures.hpp"
#include "store/store.hpp"

namespace trappa::app {

class KeyFigureInputs {
 public:
  // Reads the employments and units from `store`; the people are the directory's (the same
  // rows, in the store's order), not a second copy.
  [[nodiscard]] static core::Result<std::shared_ptr<const KeyFigureInputs>> load(
      store::Store& store, std::shared_ptr<const Directory> directory);

  KeyFigureInputs(std::shared_ptr<const Directory> directory, std::vector<core::Employment> employments,
                  std::vector<core::Unit> units);

  [[nodiscard]] std::span<const core::Person> people() const { return directory_->people(); }
  [[nodiscard]] std::span<const core::Employment> employments() const { return employments_; }
  [[nodiscard]] std::span<const core::Unit> units() const { return units_; }

  // The small-group decision of every unit at `at` for threshold `min_group`: made on the
  // first request for that date, then kept (at most kKeptDecisions dates; the oldest used
  // goes first).
  [[nodiscard]] std::shared_ptr<const core::KeyFigureDisclosure> disclosure(core::Date at, std::size_t min_group) const;

  // Whether the decision at `at` is already made (a request that needs none is cheap).
  [[nodiscard]] bool has_disclosure(core::Date at, std::size_t min_group) const;

  // Every key figure for `query` (core::compute_key_figures over these inputs, nothing
  // hidden): computed on the first request, then kept (at most kKeptFigures queries).
  [[nodiscard]] core::Result<std::shared_ptr<const core::KeyFigures>> figures(const core::KeyFigureQuery& query) const;
  // Whether the figures of `query` are already kept.
  [[nodiscard]] bool has_figures(const core::KeyFigureQuery& query) const;

  static constexpr std::size_t kKeptDecisions = 64;
  static constexpr std::size_t kKeptFigures = 256;

 private:
  using Key = std::pair<int, std::size_t>;  // day number, threshold
  struct Kept {
    std::shared_ptr<const core::KeyFigureDisclosure> decision;
    unsigned long long used = 0;
  };

  std::shared_ptr<const Directory> directory_;
  std::vector<core::Employment> employments_;
  std::vector<core::Unit> units_;
  struct KeptFigures {
    std::shared_ptr<const core::KeyFigures> figures;
    unsigned long long used = 0;
  };
  static std::string figures_key(const core::KeyFigureQuery& query);

  mutable std::mutex mutex_;  // guards decisions_, figures_ and uses_
  mutable std::map<Key, Kept> decisions_;
  mutable std::map<std::string, KeptFigures> figures_;
  mutable unsigned long long uses_ = 0;
};

}  // namespace trappa::app
