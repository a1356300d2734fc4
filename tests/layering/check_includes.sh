#!/usr/bin/env bash
# The layering test (docs/architecture.md, "Allowed dependencies"): every #include in src/
# must follow the two tables between the layering markers of docs/architecture.md.
#
#   check_includes.sh SRC_DIR ARCHITECTURE_MD
#
# - An include of a project header ("folder/file.hpp") from a file in another folder is
#   allowed only when the including folder's row lists that folder. A row entry ending in
#   "/*" stands for every folder below it ("core/*"), and a row whose folder ends in "/*"
#   holds for every folder below it that has no row of its own ("web/pages/*").
# - A third-party header (<soci/soci.h>) whose prefix the second table names may be included
#   only in the folders listed for it.
# - Every folder of SRC_DIR holding sources must have a row: a new capability declares its
#   dependencies before it builds.
# Prints each violation as FILE:LINE: reason, and exits 1 if there is any.
set -euo pipefail

src_dir="${1:?usage: check_includes.sh SRC_DIR ARCHITECTURE_MD}"
table_file="${2:?usage: check_includes.sh SRC_DIR ARCHITECTURE_MD}"
[[ -d "$src_dir" ]] || { echo "check_includes: no such source folder: $src_dir" >&2; exit 2; }
[[ -f "$table_file" ]] || { echo "check_includes: no such file: $table_file" >&2; exit 2; }

# Rows of a markdown table between <!-- layering:NAME --> and <!-- /layering:NAME -->, as
# "first-cell<TAB>second-cell" with backticks and separators removed.
table_rows() {
  awk -v name="$1" '
    $0 ~ "<!-- layering:" name " -->" { inside = 1; next }
    $0 ~ "<!-- /layering:" name " -->" { inside = 0 }
    inside && /^\|/ && !/^\|[ -]*\|/ {
      n = split($0, cell, "|")
      first = cell[2]; second = cell[3]
      gsub(/[` ]/, "", first); gsub(/`/, "", second); gsub(/[,—-]+$|^[ —-]+$/, "", second)
      gsub(/, */, " ", second); gsub(/^ +| +$/, "", second)
      if (first != "" && first != "folder" && first != "header") print first "\t" second
    }' "$table_file"
}

declare -A allowed=()
while IFS=$'\t' read -r folder targets; do
  allowed["$folder"]="$targets"
done < <(table_rows includes)
declare -A third_party=()
while IFS=$'\t' read -r header folders; do
  third_party["$header"]="$folders"
done < <(table_rows third-party)
if (( ${#allowed[@]} == 0 )); then
  echo "check_includes: $table_file has no includes table between <!-- layering:includes --> markers" >&2
  exit 2
fi

# The row that governs `folder`: its own, else the nearest "parent/*" row above it.
row_for() {
  local folder="$1" parent
  if [[ -n "${allowed[$folder]+set}" ]]; then echo "$folder"; return; fi
  parent="$folder"
  while [[ "$parent" == */* ]]; do
    parent="${parent%/*}"
    if [[ -n "${allowed[$parent/*]+set}" ]]; then echo "$parent/*"; return; fi
  done
  echo ""
}

# Whether `target` matches one of the space-separated patterns in `patterns`.
matches() {
  local target="$1" pattern
  for pattern in $2; do
    if [[ "$pattern" == */\* ]]; then
      [[ "$target" == "${pattern%/\*}"/* ]] && return 0
    else
      [[ "$target" == "$pattern" ]] && return 0
    fi
  done
  return 1
}

violations=0
report() { echo "$1"; violations=$((violations + 1)); }

while IFS= read -r -d '' file; do
  relative="${file#"$src_dir"/}"
  folder="${relative%/*}"
  row="$(row_for "$folder")"
  if [[ -z "$row" ]]; then
    report "$relative:1: folder '$folder' has no row in the dependency table of $(basename "$table_file")"
    continue
  fi
  line_number=0
  while IFS= read -r line; do
    line_number=$((line_number + 1))
    [[ "$line" =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*([\"\<])([^\"\>]+)[\"\>] ]] || continue
    kind="${BASH_REMATCH[1]}"
    header="${BASH_REMATCH[2]}"
    if [[ "$kind" == '"' ]]; then
      [[ "$header" == */* ]] || continue  # a header beside the file (fuzz_check.hpp and the like)
      target="${header%/*}"
      [[ "$target" == "$folder" ]] && continue
      if ! matches "$target" "${allowed[$row]}"; then
        report "$relative:$line_number: $folder may not include $header ($target is not among the dependencies of $row)"
      fi
    else
      for prefix in "${!third_party[@]}"; do
        if [[ "$header" == "$prefix"* ]] && ! matches "$folder" "${third_party[$prefix]}"; then
          report "$relative:$line_number: <$header> belongs only in ${third_party[$prefix]}, not in $folder"
        fi
      done
    fi
  done < "$file"
done < <(find "$src_dir" -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)

if (( violations > 0 )); then
  echo "check_includes: $violations include(s) break the layering of $(basename "$table_file")"
  exit 1
fi
echo "check_includes: every include in $src_dir follows $(basename "$table_file")"
