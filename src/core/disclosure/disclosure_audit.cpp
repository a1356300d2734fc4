#include "core/disclosure/disclosure_audit.hpp"

#include <algorithm>

namespace trappa::core {

namespace {

constexpr std::uint64_t kPrime = 2147483647;  // 2^31 - 1

std::uint64_t mul(std::uint64_t a, std::uint64_t b) { return a * b % kPrime; }
std::uint64_t sub(std::uint64_t a, std::uint64_t b) { return (a + kPrime - b) % kPrime; }
std::uint64_t power(std::uint64_t base, std::uint64_t exponent) {
  std::uint64_t result = 1;
  for (; exponent > 0; exponent >>= 1, base = mul(base, base)) {
    if (exponent & 1) result = mul(result, base);
  }
  return result;
}
std::uint64_t inverse(std::uint64_t a) { return power(a, kPrime - 2); }

// splitmix64: fixed seeds, so an audit is reproducible.
std::uint64_t next_random(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return (z ^ (z >> 31)) % kPrime;
}

// The span of 0/1 rows over n columns in reduced row echelon form.
class RowSpace {
 public:
  explicit RowSpace(std::size_t columns) : columns_(columns), pivot_row_(columns, -1) {}

  void add(std::vector<std::uint64_t> row) {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      const std::uint64_t factor = row[pivots_[r]];
      if (factor == 0) continue;
      const std::vector<std::uint64_t>& basis = rows_[r];
      for (std::size_t c = pivots_[r]; c < columns_; ++c) {
        if (basis[c] != 0) row[c] = sub(row[c], mul(factor, basis[c]));
      }
    }
    std::size_t pivot = 0;
    while (pivot < columns_ && row[pivot] == 0) ++pivot;
    if (pivot == columns_) return;
    const std::uint64_t scale = inverse(row[pivot]);
    for (std::size_t c = pivot; c < columns_; ++c) row[c] = mul(row[c], scale);
    // Keep the basis reduced: clear the new pivot column in the earlier rows.
    for (std::vector<std::uint64_t>& basis : rows_) {
      const std::uint64_t factor = basis[pivot];
      if (factor == 0) continue;
      for (std::size_t c = pivot; c < columns_; ++c) {
        if (row[c] != 0) basis[c] = sub(basis[c], mul(factor, row[c]));
      }
    }
    pivot_row_[pivot] = static_cast<std::int64_t>(rows_.size());
    pivots_.push_back(pivot);
    rows_.push_back(std::move(row));
    // Rows are applied in insertion order above; a later pivot may sit left of an earlier
    // one, which is fine because every row is zero in every other row's pivot column.
  }

  [[nodiscard]] bool is_pivot(std::size_t column) const { return pivot_row_[column] >= 0; }

  // The indicator of `set` lies in the span: for every free column f, the null vector
  // e_f - sum_r rows_[r][f] e_pivot(r) is orthogonal to the indicator.
  [[nodiscard]] bool spans(const std::vector<std::size_t>& set) const {
    for (std::size_t f = 0; f < columns_; ++f) {
      if (is_pivot(f)) continue;
      std::uint64_t sum = std::find(set.begin(), set.end(), f) != set.end() ? 1 : 0;
      for (std::size_t column : set) {
        const std::int64_t r = pivot_row_[column];
        if (r >= 0) sum = sub(sum, rows_[static_cast<std::size_t>(r)][f]);
      }
      if (sum != 0) return false;
    }
    return true;
  }

  // A random vector of the null space (orthogonal to every row), one value per column.
  [[nodiscard]] std::vector<std::uint64_t> random_null_vector(std::uint64_t& state) const {
    std::vector<std::uint64_t> vector(columns_, 0);
    for (std::size_t f = 0; f < columns_; ++f) {
      if (is_pivot(f)) continue;
      const std::uint64_t weight = next_random(state);
      vector[f] = weight;
      for (std::size_t r = 0; r < rows_.size(); ++r) {
        if (rows_[r][f] != 0) vector[pivots_[r]] = sub(vector[pivots_[r]], mul(weight, rows_[r][f]));
      }
    }
    return vector;
  }

 private:
  std::size_t columns_;
  std::vector<std::vector<std::uint64_t>> rows_;
  std::vector<std::size_t> pivots_;
  std::vector<std::int64_t> pivot_row_;
};

struct Key {
  std::uint64_t a;
  std::uint64_t b;
  bool operator==(const Key&) const = default;
};

// Measures with the same atoms: the atoms merged into groups no cell tells apart, the span
// of the cells, and the search for sets that are small in some of the measures.
void audit_measures(const DisclosureAuditInput& input, const std::vector<std::size_t>& measures, std::size_t limit,
                    std::vector<DisclosedGroup>& found) {
  const std::vector<std::uint32_t>& weight = input.weights[measures.front()];
  const std::uint64_t k = input.min_group;
  // Nothing small can be found without an atom of weight 1..K-1 in some measure.
  const bool any_small = std::ranges::any_of(measures, [&](std::size_t m) {
    return std::ranges::any_of(input.weights[m], [k](std::uint32_t w) { return w > 0 && w < k; });
  });
  if (!any_small) return;
  // Cells restricted to atoms with weight, deduplicated.
  std::vector<std::vector<std::uint32_t>> cells;
  cells.reserve(input.cells.size());
  for (const auto& cell : input.cells) {
    std::vector<std::uint32_t> kept;
    kept.reserve(cell.size());
    for (std::uint32_t atom : cell) {
      if (atom < input.atoms && weight[atom] > 0) kept.push_back(atom);
    }
    if (kept.empty()) continue;
    std::ranges::sort(kept);
    cells.push_back(std::move(kept));
  }
  std::ranges::sort(cells);
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  // Atoms in exactly the same cells are one column: group them by their membership bits.
  const std::size_t words = (cells.size() + 63) / 64;
  std::vector<std::uint64_t> membership(input.atoms * words, 0);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    for (std::uint32_t atom : cells[c]) membership[atom * words + c / 64] |= std::uint64_t{1} << (c % 64);
  }
  std::vector<std::uint32_t> order;
  for (std::uint32_t atom = 0; atom < input.atoms; ++atom) {
    if (weight[atom] > 0) order.push_back(atom);
  }
  auto bits = [&](std::uint32_t atom) { return membership.begin() + static_cast<std::ptrdiff_t>(atom * words); };
  std::ranges::sort(order, [&](std::uint32_t x, std::uint32_t y) {
    return std::lexicographical_compare(bits(x), bits(x) + static_cast<std::ptrdiff_t>(words), bits(y),
                                        bits(y) + static_cast<std::ptrdiff_t>(words));
  });
  std::vector<std::size_t> column_of_atom(input.atoms, SIZE_MAX);
  std::vector<std::vector<std::uint32_t>> atoms_of_column;
  std::vector<std::vector<std::uint64_t>> measure_weight(measures.size());  // per measure, per column
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::uint32_t atom = order[i];
    if (i == 0 || !std::equal(bits(atom), bits(atom) + static_cast<std::ptrdiff_t>(words), bits(order[i - 1]))) {
      atoms_of_column.emplace_back();
      for (auto& w : measure_weight) w.push_back(0);
    }
    const std::size_t column = atoms_of_column.size() - 1;
    column_of_atom[atom] = column;
    atoms_of_column[column].push_back(atom);
    for (std::size_t m = 0; m < measures.size(); ++m) measure_weight[m][column] += input.weights[measures[m]][atom];
  }
  // For pruning: a set small in some measure is small in the smallest weights.
  std::vector<std::uint64_t> column_weight(atoms_of_column.size(), UINT64_MAX);
  for (const auto& w : measure_weight) {
    for (std::size_t c = 0; c < w.size(); ++c) column_weight[c] = std::min(column_weight[c], w[c]);
  }
  const std::size_t columns = atoms_of_column.size();
  if (columns == 0) return;
  RowSpace space(columns);
  // Small cells first: they are sparse and keep the elimination cheap.
  std::ranges::sort(cells, {}, &std::vector<std::uint32_t>::size);
  for (const auto& cell : cells) {
    std::vector<std::uint64_t> row(columns, 0);
    for (std::uint32_t atom : cell) row[column_of_atom[atom]] = 1;
    space.add(std::move(row));
  }

  std::uint64_t state = 0x5eed0000ULL + measures.front();
  const std::vector<std::uint64_t> h1 = space.random_null_vector(state);
  const std::vector<std::uint64_t> h2 = space.random_null_vector(state);
  auto report = [&](std::vector<std::size_t> set) {
    if (found.size() >= limit || !space.spans(set)) return;
    for (std::size_t i = 0; i < measures.size(); ++i) {
      std::uint64_t total = 0;
      for (std::size_t column : set) total += measure_weight[i][column];
      if (total == 0 || total >= k) continue;
      DisclosedGroup group;
      group.measure = measures[i];
      group.weight = total;
      for (std::size_t column : set) {
        group.atoms.insert(group.atoms.end(), atoms_of_column[column].begin(), atoms_of_column[column].end());
      }
      found.push_back(std::move(group));
      return;
    }
  };
  // Sets of up to four columns whose random null-space projections cancel, found with
  // sorted lists (meet in the middle), each verified against the whole null space.
  struct Entry {
    Key key;
    std::uint32_t a;
    std::uint32_t b;  // == a for a single column
  };
  auto by_key = [](const Entry& x, const Entry& y) { return x.key.a != y.key.a ? x.key.a < y.key.a : x.key.b < y.key.b; };
  auto negated = [](const Key& key) { return Key{sub(0, key.a), sub(0, key.b)}; };
  std::vector<Entry> single;
  for (std::size_t c = 0; c < columns; ++c) {
    if (column_weight[c] >= k) continue;
    const Key key{h1[c], h2[c]};
    if (key.a == 0 && key.b == 0) report({c});
    single.push_back({key, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(c)});
  }
  std::ranges::sort(single, by_key);
  auto matches = [&](const std::vector<Entry>& list, const Key& key) {
    const Entry probe{key, 0, 0};
    return std::equal_range(list.begin(), list.end(), probe, by_key);
  };
  std::vector<Entry> pairs;
  for (std::size_t i = 0; i < single.size() && found.size() < limit; ++i) {
    for (std::size_t j = i + 1; j < single.size(); ++j) {
      const std::size_t a = std::min(single[i].a, single[j].a), b = std::max(single[i].a, single[j].a);
      const std::uint64_t w = column_weight[a] + column_weight[b];
      if (w >= k) continue;
      const Key key{(h1[a] + h1[b]) % kPrime, (h2[a] + h2[b]) % kPrime};
      if (key.a == 0 && key.b == 0) report({a, b});
      const auto [first, last] = matches(single, negated(key));
      for (auto it = first; it != last; ++it) {
        if (it->a > b && w + column_weight[it->a] < k) report({a, b, it->a});
      }
      pairs.push_back({key, static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)});
    }
  }
  if (k <= 4) return;
  std::ranges::sort(pairs, by_key);
  for (const Entry& pair : pairs) {
    if (found.size() >= limit) break;
    const auto [first, last] = matches(pairs, negated(pair.key));
    for (auto it = first; it != last; ++it) {
      if (it->a > pair.b && column_weight[pair.a] + column_weight[pair.b] + column_weight[it->a] + column_weight[it->b] < k) {
        report({pair.a, pair.b, it->a, it->b});
      }
    }
  }
}

}  // namespace

bool is_computable(const DisclosureAuditInput& input, std::size_t measure, const std::vector<std::uint32_t>& atoms) {
  const std::vector<std::uint32_t>& weight = input.weights[measure];
  std::vector<std::size_t> column_of_atom(input.atoms, SIZE_MAX);
  std::size_t columns = 0;
  for (std::uint32_t atom = 0; atom < input.atoms; ++atom) {
    if (weight[atom] > 0) column_of_atom[atom] = columns++;
  }
  RowSpace space(columns);
  for (const auto& cell : input.cells) {
    std::vector<std::uint64_t> row(columns, 0);
    for (std::uint32_t atom : cell) {
      if (atom < input.atoms && column_of_atom[atom] != SIZE_MAX) row[column_of_atom[atom]] = 1;
    }
    space.add(std::move(row));
  }
  std::vector<std::size_t> set;
  for (std::uint32_t atom : atoms) {
    if (atom < input.atoms && column_of_atom[atom] != SIZE_MAX) set.push_back(column_of_atom[atom]);
  }
  return space.spans(set);
}

std::vector<DisclosedGroup> find_disclosed_groups(const DisclosureAuditInput& input, std::size_t limit) {
  std::vector<DisclosedGroup> found;
  // Measures with the same atoms (weight > 0) share one span: audit them together.
  std::vector<bool> done(input.weights.size(), false);
  for (std::size_t m = 0; m < input.weights.size() && found.size() < limit; ++m) {
    if (done[m]) continue;
    std::vector<std::size_t> together{m};
    for (std::size_t other = m + 1; other < input.weights.size(); ++other) {
      if (done[other]) continue;
      bool same = true;
      for (std::size_t a = 0; a < input.atoms && same; ++a) same = (input.weights[m][a] > 0) == (input.weights[other][a] > 0);
      if (same) {
        together.push_back(other);
        done[other] = true;
      }
    }
    audit_measures(input, together, limit, found);
  }
  return found;
}

}  // namespace trappa::core
