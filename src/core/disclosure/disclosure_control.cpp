#include "core/disclosure/disclosure_control.hpp"

#include <algorithm>

#include "core/disclosure/disclosure_audit.hpp"

namespace trappa::core {

namespace {

constexpr std::int64_t kNone = -1;
// A zone with more shown nodes than this is not widened further (audits stay small).
constexpr std::size_t kLargestZone = 48;

// The fixed-point computation of DisclosureControl::decide. Cells are addressed as
// (node, role option, gender option): nodes are the tree's units in pre-order plus one last
// node for the whole population; role option `roles` and gender option 3 mean "any". An
// *option* is a (role option, gender option) pair; option `slices_ - 1` is the node's total.
//
// Why the rules below suffice (docs/analytics.md, "Small groups", has the reader's version).
// What a reader can compute is every linear combination of shown cells. A cell of node u is
// a sum over u's subtree, so any combination is sum_u <w_u, Y_u>, where Y_u is u's subtree
// table (role x gender) and w_u a combination of the options shown at u. Its weight on a
// person in unit v is a_v = the sum of w_u over v and its ancestors. Call a node whose total
// is shown *shown*, and a shown node that may show breakdowns a *breakdown node*. With
//   (1) breakdowns shown only at breakdown nodes (other shown nodes show their total only),
//   (2) an option shown at a breakdown node u shown (or empty) at each of u's highest
//       breakdown nodes below,
// a_v, for every v in the *zone* of a breakdown node u (u's subtree down to the next
// breakdown nodes), is a_u plus one constant per shown node between u and v, and a_u can be
// any combination of u's shown options whatever the other zones do. So a group is
// computable exactly when it is within one zone and the indicator of its people there is a
// combination of u's shown options plus the totals of the other shown nodes of the zone. The
// zone audit below checks exactly that (core/disclosure_audit.hpp); the other rules only
// make good first choices of what to hide (the smallest group first).
class Engine {
 public:
  Engine(const DisclosurePopulation& population, std::size_t min_group)
      : k_(min_group),
        units_(population.tree->size()),
        nodes_(units_ + 1),
        roles_(population.roles),
        role_options_(population.roles + 1),
        gender_options_(population.genders ? 4 : 1),
        slices_(role_options_ * gender_options_),
        measures_(std::max<std::size_t>(1, population.measures)),
        cells_(nodes_ * slices_) {
    build_tree(*population.tree);
    count(population);
    preseen_.assign(cells_, 0);
    if (population.published_before.size() == cells_) {
      for (std::size_t c = 0; c < cells_; ++c) preseen_[c] = population.published_before[c] != 0 && nonzero_[c];
    }
  }

  void run(DisclosureControl::Summary& summary) {
    hidden_.assign(cells_, 0);
    breakdown_.assign(nodes_, 1);
    clean_zone_.assign(nodes_, 0);
    for (std::size_t c = 0; c < cells_; ++c) {
      if (nonzero_[c] && fails_primary(c)) {
        hidden_[c] = 1;
        ++summary.primary;
      }
    }
    const std::size_t primary = summary.primary;
    for (;;) {
      ++summary.passes;
      std::size_t hidden = hide_breakdowns_outside_breakdown_nodes();
      hidden += check_regions();
      hidden += check_partitions();
      hidden += hide_breakdowns_missing_below();
      if (hidden == 0) hidden += check_zones();
      if (hidden == 0) break;
    }
    std::size_t hidden_total = 0;
    for (std::size_t c = 0; c < cells_; ++c) hidden_total += hidden_[c];
    summary.secondary = hidden_total - primary;
  }

  // Moves the results into the public object.
  void finish(std::vector<std::uint8_t>& shown, std::vector<std::uint32_t>& counts,
              DisclosureControl::Summary& summary) {
    shown.assign(cells_, 0);
    for (std::size_t c = 0; c < cells_; ++c) {
      shown[c] = nonzero_[c] && !hidden_[c] && counts_[c * measures_] >= k_;
      summary.nonempty += nonzero_[c];
      summary.shown += shown[c];
    }
    summary.cells = cells_;
    counts = std::move(counts_);
  }

 private:
  [[nodiscard]] std::size_t cell(std::size_t node, std::size_t role, std::size_t gender) const {
    return (node * role_options_ + role) * gender_options_ + gender;
  }
  [[nodiscard]] std::size_t any_role() const { return roles_; }
  [[nodiscard]] std::size_t any_gender() const { return gender_options_ - 1; }
  [[nodiscard]] std::size_t total_option() const { return slices_ - 1; }
  [[nodiscard]] const std::uint32_t* counts_of(std::size_t c) const { return counts_.data() + c * measures_; }
  // A cell a reader sees: not hidden (an empty cell counts as seen: it adds nothing).
  // Cells published before stay seen whatever is decided now.
  [[nodiscard]] bool seen(std::size_t c) const { return !hidden_[c] || preseen_[c]; }

  void build_tree(const UnitTree& tree) {
    parent_.assign(nodes_, static_cast<std::uint32_t>(units_));
    std::vector<std::vector<std::uint32_t>> children(nodes_);
    for (std::uint32_t root : tree.roots()) children[units_].push_back(root);
    for (std::uint32_t u = 0; u < units_; ++u) {
      children[u] = tree.children(u);
      for (std::uint32_t child : children[u]) parent_[child] = u;
    }
    tree_end_.assign(units_, 0);
    for (std::uint32_t u = 0; u < units_; ++u) tree_end_[u] = tree.subtree_end(u);
    child_start_.assign(nodes_ + 1, 0);
    for (std::size_t u = 0; u < nodes_; ++u) child_start_[u + 1] = child_start_[u] + children[u].size();
    child_list_.reserve(child_start_.back());
    for (const auto& list : children) child_list_.insert(child_list_.end(), list.begin(), list.end());
  }

  // Cell counts: each person adds to the cells of their unit, which are then summed up the
  // tree in reverse pre-order (a unit's index is below its descendants').
  void count(const DisclosurePopulation& population) {
    counts_.assign(cells_ * measures_, 0);
    const std::size_t people = population.unit.size();
    for (std::size_t p = 0; p < people; ++p) {
      const std::uint32_t unit = population.unit[p];
      if (unit >= units_) continue;
      const std::uint8_t* measures = population.counts.data() + p * population.measures;
      if (std::none_of(measures, measures + population.measures, [](std::uint8_t n) { return n != 0; })) continue;
      std::size_t role_choice[2] = {any_role(), any_role()};
      std::size_t gender_choice[2] = {any_gender(), any_gender()};
      if (roles_ > 0) {
        if (population.role[p] >= roles_) continue;
        role_choice[0] = population.role[p];
      }
      if (gender_options_ > 1) gender_choice[0] = static_cast<std::size_t>(population.gender[p]);
      for (std::size_t r : {0, 1}) {
        if (r == 1 && role_choice[1] == role_choice[0]) continue;
        for (std::size_t g : {0, 1}) {
          if (g == 1 && gender_choice[1] == gender_choice[0]) continue;
          std::uint32_t* into = counts_.data() + cell(unit, role_choice[r], gender_choice[g]) * measures_;
          for (std::size_t m = 0; m < population.measures; ++m) into[m] += measures[m];
        }
      }
    }
    for (std::size_t u = units_; u-- > 0;) {
      const std::size_t from = cell(u, 0, 0) * measures_;
      const std::size_t into = cell(parent_[u], 0, 0) * measures_;
      for (std::size_t i = 0; i < slices_ * measures_; ++i) counts_[into + i] += counts_[from + i];
    }
    nonzero_.assign(cells_, 0);
    for (std::size_t c = 0; c < cells_; ++c) {
      const std::uint32_t* counts = counts_of(c);
      nonzero_[c] = std::any_of(counts, counts + measures_, [](std::uint32_t n) { return n != 0; });
    }
  }

  [[nodiscard]] bool small(std::uint32_t n) const { return n >= 1 && n < k_; }

  [[nodiscard]] bool fails_primary(std::size_t c) const {
    const std::uint32_t* counts = counts_of(c);
    if (counts[0] < k_) return true;
    return std::any_of(counts, counts + measures_, [this](std::uint32_t n) { return small(n); });
  }

  [[nodiscard]] bool dangerous(const std::vector<std::uint32_t>& residual) const {
    return std::any_of(residual.begin(), residual.end(), [this](std::uint32_t n) { return small(n); });
  }

  // Orders candidates for hiding: the smallest group first, then a fixed order.
  [[nodiscard]] bool smaller(std::size_t a, std::size_t b) const {
    if (counts_of(a)[0] != counts_of(b)[0]) return counts_of(a)[0] < counts_of(b)[0];
    return a < b;
  }

  void hide(std::size_t c, std::size_t& hidden) {
    if (hidden_[c] || !nonzero_[c] || preseen_[c]) return;
    hidden_[c] = 1;
    ++hidden;
  }

  // The shown descendants of node u: the highest nodes below u whose totals are seen.
  void shown_descendants(std::size_t u, std::vector<std::size_t>& into) const {
    for (std::size_t i = child_start_[u]; i < child_start_[u + 1]; ++i) {
      const std::size_t child = child_list_[i];
      const std::size_t total = cell(child, any_role(), any_gender());
      if (!nonzero_[total]) continue;
      if (seen(total)) {
        into.push_back(child);
      } else {
        shown_descendants(child, into);
      }
    }
  }

  [[nodiscard]] bool shown_node(std::size_t u) const {
    const std::size_t total = cell(u, any_role(), any_gender());
    return nonzero_[total] && seen(total);
  }
  [[nodiscard]] bool breakdown_node(std::size_t u) const { return breakdown_[u] && shown_node(u); }

  // The highest breakdown nodes below u.
  void breakdown_descendants(std::size_t u, std::vector<std::size_t>& into) const {
    for (std::size_t i = child_start_[u]; i < child_start_[u + 1]; ++i) {
      const std::size_t child = child_list_[i];
      if (breakdown_node(child)) {
        into.push_back(child);
      } else {
        breakdown_descendants(child, into);
      }
    }
  }

  // The shown nodes of u's zone other than u: shown nodes below u that are not breakdown
  // nodes, down to the next breakdown nodes.
  void zone_nodes(std::size_t u, std::vector<std::size_t>& into) const {
    for (std::size_t i = child_start_[u]; i < child_start_[u + 1]; ++i) {
      const std::size_t child = child_list_[i];
      if (breakdown_node(child)) continue;
      if (shown_node(child)) into.push_back(child);
      zone_nodes(child, into);
    }
  }

  // Stops showing node u's breakdowns (its total stays).
  void drop_breakdowns(std::size_t u, std::size_t& hidden) {
    breakdown_[u] = 0;
    for (std::size_t o = 0; o + 1 < slices_; ++o) hide(u * slices_ + o, hidden);
  }

  // Rule (1): breakdowns only at breakdown nodes.
  std::size_t hide_breakdowns_outside_breakdown_nodes() {
    std::size_t hidden = 0;
    for (std::size_t u = 0; u < nodes_; ++u) {
      if (!breakdown_node(u)) drop_breakdowns(u, hidden);
    }
    return hidden;
  }

  // Rule (2): an option shown at a breakdown node must be shown or empty at its highest
  // breakdown nodes below. Where it is not, either the node below stops showing breakdowns
  // (when what it shows is smaller than the option above and the zone stays small enough
  // to audit) or the option above is hidden.
  std::size_t hide_breakdowns_missing_below() {
    std::size_t hidden = 0;
    std::vector<std::size_t> below, zone;
    for (std::size_t u = 0; u < nodes_; ++u) {
      if (!breakdown_node(u)) continue;
      below.clear();
      breakdown_descendants(u, below);
      bool zone_counted = false;
      for (std::size_t o = 0; o + 1 < slices_; ++o) {
        const std::size_t c = u * slices_ + o;
        if (!nonzero_[c] || !seen(c)) continue;
        for (std::size_t d : below) {
          const std::size_t part = d * slices_ + o;
          if (!nonzero_[part] || seen(part) || !breakdown_[d]) continue;
          std::uint64_t shown_below = 0;
          for (std::size_t other = 0; other + 1 < slices_; ++other) {
            const std::size_t oc = d * slices_ + other;
            if (nonzero_[oc] && seen(oc)) shown_below += counts_of(oc)[0];
          }
          if (!zone_counted) {
            zone.clear();
            zone_nodes(u, zone);
            zone_counted = true;
          }
          if (shown_below < counts_of(c)[0] && zone.size() < kLargestZone) {
            zone.push_back(d);  // the zone grows by d (its own zone nodes are counted next pass)
            drop_breakdowns(d, hidden);
          } else {
            hide(c, hidden);
            break;
          }
        }
      }
    }
    return hidden;
  }

  // A region (a shown node minus its shown descendants) must not be a small group. The fix
  // hides the smallest shown descendant whose own region is not empty (hiding one whose
  // region is empty would change nothing).
  std::size_t check_regions() {
    std::size_t hidden = 0;
    const std::size_t slice = total_option();
    cover_.assign(nodes_ * measures_, 0);
    best_.assign(nodes_, kNone);
    best_effective_.assign(nodes_, kNone);
    std::vector<std::uint32_t> residual(measures_);
    auto consider = [&](std::int64_t& slot, std::int64_t candidate) {
      if (candidate == kNone) return;
      if (slot == kNone || smaller(static_cast<std::size_t>(candidate), static_cast<std::size_t>(slot))) slot = candidate;
    };
    auto visit = [&](std::size_t u) {
      std::uint32_t* cover = cover_.data() + u * measures_;
      for (std::size_t i = child_start_[u]; i < child_start_[u + 1]; ++i) {
        const std::size_t child = child_list_[i];
        const std::size_t cc = child * slices_ + slice;
        const std::uint32_t* child_cover = cover_.data() + child * measures_;
        if (seen(cc)) {
          const std::uint32_t* counts = counts_of(cc);
          for (std::size_t m = 0; m < measures_; ++m) cover[m] += counts[m];
          if (!nonzero_[cc] || preseen_[cc]) continue;
          consider(best_[u], static_cast<std::int64_t>(cc));
          bool residue = false;
          for (std::size_t m = 0; m < measures_; ++m) residue = residue || counts[m] != child_cover[m];
          if (residue) consider(best_effective_[u], static_cast<std::int64_t>(cc));
        } else {
          for (std::size_t m = 0; m < measures_; ++m) cover[m] += child_cover[m];
          consider(best_[u], best_[child]);
          consider(best_effective_[u], best_effective_[child]);
        }
      }
      const std::size_t c = u * slices_ + slice;
      if (!seen(c) || !nonzero_[c]) return;
      const std::uint32_t* counts = counts_of(c);
      for (std::size_t m = 0; m < measures_; ++m) residual[m] = counts[m] - cover[m];
      if (!dangerous(residual)) return;
      const std::int64_t chosen = best_effective_[u] != kNone ? best_effective_[u] : best_[u];
      if (chosen == kNone) return;
      hide(static_cast<std::size_t>(chosen), hidden);
      // The hidden cell's region joins this one; ancestors see that in the next pass.
      best_[u] = kNone;
      best_effective_[u] = kNone;
    };
    for (std::size_t u = units_; u-- > 0;) visit(u);
    visit(units_);
    return hidden;
  }

  // Roles and genders within one node: a seen total minus its seen parts must not be a small
  // group; the fix hides the smallest seen part. (The region tables below catch every such
  // case too; this rule only makes the natural choice: with one person of gender X, the
  // smaller of women and men is hidden.)
  std::size_t check_partitions() {
    std::size_t hidden = 0;
    std::vector<std::uint32_t> residual(measures_);
    auto check = [&](std::size_t total, auto&& parts) {
      if (!seen(total) || !nonzero_[total]) return;
      const std::uint32_t* counts = counts_of(total);
      for (std::size_t m = 0; m < measures_; ++m) residual[m] = counts[m];
      std::int64_t best = kNone;
      parts([&](std::size_t c) {
        if (!seen(c)) return;
        const std::uint32_t* part = counts_of(c);
        for (std::size_t m = 0; m < measures_; ++m) residual[m] -= part[m];
        if (nonzero_[c] && !preseen_[c] && (best == kNone || smaller(c, static_cast<std::size_t>(best)))) best = static_cast<std::int64_t>(c);
      });
      if (dangerous(residual) && best != kNone) hide(static_cast<std::size_t>(best), hidden);
    };
    for (std::size_t u = 0; u < nodes_; ++u) {
      if (roles_ > 0) {
        for (std::size_t g = 0; g < gender_options_; ++g) {
          check(cell(u, any_role(), g), [&](auto&& visit) {
            for (std::size_t r = 0; r < roles_; ++r) visit(cell(u, r, g));
          });
        }
      }
      if (gender_options_ > 1) {
        for (std::size_t r = 0; r < role_options_; ++r) {
          check(cell(u, r, any_gender()), [&](auto&& visit) {
            for (std::size_t g = 0; g + 1 < gender_options_; ++g) visit(cell(u, r, g));
          });
        }
      }
    }
    return hidden;
  }

  // The exact check: for each breakdown node, its zone audited as a table of atoms (the
  // people of one region with one role and one gender) with the node's shown options and
  // the totals of the zone's other shown nodes as cells (core/disclosure_audit.hpp). The fix
  // hides the smallest of those cells without which the group found can no longer be
  // computed.
  std::size_t check_zones() {
    std::size_t hidden = 0;
    for (std::size_t u = 0; u < nodes_; ++u) {
      if (breakdown_node(u)) hidden += audit_zone(u);
    }
    return hidden;
  }

  // The shown options are the total plus parts of one breakdown only (roles, or genders).
  [[nodiscard]] bool one_dimensional(const std::vector<std::size_t>& shown) const {
    bool by_role = false, by_gender = false;
    for (std::size_t c : shown) {
      const std::size_t o = c % slices_;
      const std::size_t r = o / gender_options_, g = o % gender_options_;
      if (r != any_role() && g != any_gender()) return false;
      by_role = by_role || r != any_role();
      by_gender = by_gender || g != any_gender();
    }
    return !(by_role && by_gender);
  }

  [[nodiscard]] bool has_shown_descendants(std::size_t u) const {
    std::vector<std::size_t> below;
    shown_descendants(u, below);
    return !below.empty();
  }

  std::size_t audit_zone(std::size_t u) {
    std::size_t hidden = 0;
    std::vector<std::size_t> regions{u};  // the zone's shown nodes; each heads a region
    zone_nodes(u, regions);
    // Per region and interior option: the region's counts (the node minus its shown
    // descendants). Built on the first audit of this call.
    const std::size_t inner_roles = roles_ > 0 ? roles_ : 1;
    const std::size_t inner_genders = gender_options_ > 1 ? gender_options_ - 1 : 1;
    struct Atom {
      std::size_t region;
      std::size_t option;  // an interior option: one role (or all) and one gender (or all)
    };
    std::vector<Atom> atoms;
    std::vector<std::vector<std::uint32_t>> weights(measures_);
    bool atoms_built = false;
    bool any_small = false;
    auto build_atoms = [&] {
      atoms_built = true;
      std::vector<std::size_t> below;
      std::vector<std::uint32_t> region_counts(measures_);
      for (std::size_t i = 0; i < regions.size(); ++i) {
        below.clear();
        shown_descendants(regions[i], below);
        for (std::size_t r = 0; r < inner_roles; ++r) {
          for (std::size_t g = 0; g < inner_genders; ++g) {
            const std::size_t o = r * gender_options_ + g;
            const std::uint32_t* top = counts_of(regions[i] * slices_ + o);
            bool nonzero = false;
            for (std::size_t m = 0; m < measures_; ++m) {
              region_counts[m] = top[m];
              for (std::size_t d : below) region_counts[m] -= counts_of(d * slices_ + o)[m];
              nonzero = nonzero || region_counts[m] != 0;
              any_small = any_small || small(region_counts[m]);
            }
            if (!nonzero) continue;
            atoms.push_back({i, o});
            for (std::size_t m = 0; m < measures_; ++m) weights[m].push_back(region_counts[m]);
          }
        }
      }
    };
    auto contains = [&](std::size_t o, std::size_t inner) {
      const std::size_t r = o / gender_options_, g = o % gender_options_;
      const std::size_t ir = inner / gender_options_, ig = inner % gender_options_;
      return (r == any_role() || r == ir) && (g == any_gender() || g == ig);
    };
    // Region i lies within zone node j's subtree.
    auto within = [&](std::size_t i, std::size_t j) {
      const std::size_t node = regions[i], top = regions[j];
      if (top == units_) return true;
      return node != units_ && node >= top && node < tree_end_[top];
    };
    for (;;) {
      // The cells: the node's shown options, then the totals of the zone's other shown nodes.
      std::vector<std::size_t> cell_of_row;
      for (std::size_t o = 0; o < slices_; ++o) {
        const std::size_t c = u * slices_ + o;
        if (nonzero_[c] && seen(c)) cell_of_row.push_back(c);
      }
      for (std::size_t j = 1; j < regions.size(); ++j) {
        const std::size_t c = cell(regions[j], any_role(), any_gender());
        if (seen(c)) cell_of_row.push_back(c);
      }
      // The node's total alone gives nothing away; and a zone audited clean before with the
      // same regions and cells is clean now.
      if (cell_of_row.size() <= 1) break;
      std::uint64_t fingerprint = 0xcbf29ce484222325ULL;
      for (std::size_t value : regions) fingerprint = (fingerprint ^ value) * 0x100000001b3ULL;
      fingerprint = (fingerprint ^ 0xffff) * 0x100000001b3ULL;
      for (std::size_t value : cell_of_row) fingerprint = (fingerprint ^ value) * 0x100000001b3ULL;
      if (clean_zone_[u] == fingerprint) break;
      if (regions.size() == 1 && one_dimensional(cell_of_row) && !has_shown_descendants(u)) {
        // The node's own table with breakdowns by one dimension only: what can be computed
        // are unions of its shown parts and the rest, which check_partitions keeps at 0 or >= K.
        clean_zone_[u] = fingerprint;
        break;
      }
      if (!atoms_built) build_atoms();
      if (!any_small) {  // no atom small in any measure: no small group at all
        clean_zone_[u] = fingerprint;
        break;
      }
      DisclosureAuditInput input;
      input.atoms = atoms.size();
      input.min_group = k_;
      input.weights = weights;
      for (std::size_t c : cell_of_row) {
        std::vector<std::uint32_t> members;
        if (c / slices_ == u) {
          for (std::size_t a = 0; a < atoms.size(); ++a) {
            if (contains(c % slices_, atoms[a].option)) members.push_back(static_cast<std::uint32_t>(a));
          }
        } else {
          const std::size_t j = static_cast<std::size_t>(std::ranges::find(regions, c / slices_) - regions.begin());
          for (std::size_t a = 0; a < atoms.size(); ++a) {
            if (within(atoms[a].region, j)) members.push_back(static_cast<std::uint32_t>(a));
          }
        }
        input.cells.push_back(std::move(members));
      }
      const auto leaks = find_disclosed_groups(input, 1);
      if (leaks.empty()) {
        clean_zone_[u] = fingerprint;
        break;
      }
      // Candidates: every cell but the node's own total, smallest first.
      const std::size_t own_total = cell(u, any_role(), any_gender());
      std::vector<std::size_t> order;
      for (std::size_t row = 0; row < cell_of_row.size(); ++row) {
        if (cell_of_row[row] != own_total && !preseen_[cell_of_row[row]]) order.push_back(row);
      }
      if (order.empty()) break;  // the zone's total alone: check_regions handles it
      std::ranges::sort(order, [&](std::size_t a, std::size_t b) { return smaller(cell_of_row[a], cell_of_row[b]); });
      std::size_t chosen = order.front();
      for (std::size_t row : order) {
        DisclosureAuditInput without = input;
        without.cells.erase(without.cells.begin() + static_cast<std::ptrdiff_t>(row));
        if (!is_computable(without, leaks.front().measure, leaks.front().atoms)) {
          chosen = row;
          break;
        }
      }
      hide(cell_of_row[chosen], hidden);
      // A hidden total changes the zone's regions: audit it afresh in the next pass.
      if (cell_of_row[chosen] % slices_ == total_option()) break;
    }
    return hidden;
  }

  std::size_t k_;
  std::size_t units_;
  std::size_t nodes_;
  std::size_t roles_;
  std::size_t role_options_;
  std::size_t gender_options_;
  std::size_t slices_;
  std::size_t measures_;
  std::size_t cells_;
  std::vector<std::uint32_t> parent_;       // per node; the whole population's node for roots
  std::vector<std::size_t> child_start_;    // per node + 1, into child_list_
  std::vector<std::uint32_t> child_list_;
  std::vector<std::uint32_t> counts_;       // per cell x measure
  std::vector<std::size_t> tree_end_;      // per unit: one past its subtree (pre-order)
  std::vector<std::uint8_t> nonzero_;
  std::vector<std::uint8_t> hidden_;
  std::vector<std::uint8_t> preseen_;      // per cell: published before (seen, never chosen)
  std::vector<std::uint8_t> breakdown_;    // per node: may show breakdowns (rule 1)
  std::vector<std::uint64_t> clean_zone_;  // per node: fingerprint of its zone when last audited clean
  std::vector<std::uint32_t> cover_;        // per node x measure, check_regions' working array
  std::vector<std::int64_t> best_;
  std::vector<std::int64_t> best_effective_;
};

}  // namespace

DisclosureControl DisclosureControl::decide(const DisclosurePopulation& population, std::size_t min_group) {
  DisclosureControl result;
  result.min_group_ = std::max<std::size_t>(1, min_group);
  result.units_ = population.tree->size();
  result.roles_ = population.roles;
  result.genders_ = population.genders;
  result.measures_ = std::max<std::size_t>(1, population.measures);
  Engine engine(population, result.min_group_);
  engine.run(result.summary_);
  engine.finish(result.shown_, result.counts_, result.summary_);
  return result;
}

std::optional<std::size_t> DisclosureControl::cell_of(std::optional<std::uint32_t> unit,
                                                      std::optional<std::uint16_t> role,
                                                      std::optional<Gender> gender) const {
  if (shown_.empty()) return std::nullopt;
  const std::size_t node = unit ? *unit : units_;
  if (node > units_) return std::nullopt;
  std::size_t role_option = roles_;
  if (role) {
    if (roles_ == 0 || *role >= roles_) return std::nullopt;
    role_option = *role;
  }
  const std::size_t gender_options = genders_ ? 4 : 1;
  std::size_t gender_option = gender_options - 1;
  if (gender) {
    if (!genders_) return std::nullopt;
    gender_option = static_cast<std::size_t>(*gender);
  }
  return (node * (roles_ + 1) + role_option) * gender_options + gender_option;
}

bool DisclosureControl::published(std::optional<std::uint32_t> unit, std::optional<std::uint16_t> role,
                                  std::optional<Gender> gender) const {
  const auto c = cell_of(unit, role, gender);
  return c && shown_[*c] != 0;
}

std::uint32_t DisclosureControl::count(std::optional<std::uint32_t> unit, std::optional<std::uint16_t> role,
                                       std::optional<Gender> gender, std::size_t measure) const {
  const auto c = cell_of(unit, role, gender);
  if (!c || measure >= measures_) return 0;
  return counts_[*c * measures_ + measure];
}

void DisclosureControl::restrict_to(const DisclosureControl& other) {
  if (other.shown_.size() != shown_.size()) return;
  for (std::size_t c = 0; c < shown_.size(); ++c) {
    if (shown_[c] && !other.shown_[c]) {
      shown_[c] = 0;
      --summary_.shown;
      ++summary_.secondary;
    }
  }
}

bool DisclosureControl::empty(std::optional<std::uint32_t> unit, std::optional<std::uint16_t> role,
                              std::optional<Gender> gender) const {
  const auto c = cell_of(unit, role, gender);
  if (!c) return true;
  const auto* counts = counts_.data() + *c * measures_;
  return std::all_of(counts, counts + measures_, [](std::uint32_t n) { return n == 0; });
}

}  // namespace trappa::core
