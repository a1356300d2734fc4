#!/usr/bin/env python3
"""Helpers of bench/compare_gaps.sh (standard library only).

  compare.py framework FRAMEWORK.json OUT_DIR
      writes areas.csv, competencies.csv and profiles.csv (role, competency, expected level)
      from a framework file as `trappa export framework` prints it. Only roles the framework
      lists and whose profile is not empty count, as in the analytics snapshot.

  compare.py check OUT_DIR ENGINE...
      compares OUT_DIR/ENGINE_qN.csv of every engine with Trappa's document
      (OUT_DIR/trappa.json, from `trappa analyze gaps --round 2026 --compare 2025 --by unit`):
      counts exactly, every other figure to 1e-9. Then prints the table of medians and ratios
      from OUT_DIR/ENGINE_times.json and OUT_DIR/trappa_bench.json (Google Benchmark JSON).
      Exits 1 when a result disagrees.
"""
import csv
import json
import statistics
import sys
from pathlib import Path

TOLERANCE = 1e-9
QUERIES = [
    ("q1_overall_by_area", "Q1 overall + per area", "BM_DbQ1OverallByArea"),
    ("q2_need_share_by_unit", "Q2 need share unit x competency", "BM_DbQ2NeedShareByUnitCompetency"),
    ("q3_round_comparison", "Q3 round comparison per competency", "BM_DbQ3RoundComparison"),
]
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "duckdb": "DuckDB"}


def write_framework(framework_path, out_dir):
    framework = json.loads(Path(framework_path).read_text(encoding="utf-8"))
    out = Path(out_dir)
    known = set()
    with open(out / "areas.csv", "w", newline="", encoding="utf-8") as areas, \
         open(out / "competencies.csv", "w", newline="", encoding="utf-8") as competencies:
        area_writer, competency_writer = csv.writer(areas), csv.writer(competencies)
        area_writer.writerow(["code", "ord"])
        competency_writer.writerow(["code", "area", "ord"])
        ordinal = 0
        for area_ordinal, area in enumerate(framework["areas"]):
            area_writer.writerow([area["code"], area_ordinal])
            for competency in area["competencies"]:
                competency_writer.writerow([competency["code"], area["code"], ordinal])
                known.add(competency["code"])
                ordinal += 1
    with open(out / "profiles.csv", "w", newline="", encoding="utf-8") as profiles:
        writer = csv.writer(profiles)
        writer.writerow(["role", "competency", "expected"])
        for role in framework.get("roles", []):
            for code, expected in (framework.get("profiles", {}).get(role) or {}).items():
                if code in known and expected:
                    writer.writerow([role, code, expected])


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


class Checker:
    def __init__(self, engine):
        self.engine = engine
        self.problems = []
        self.compared = 0

    def problem(self, text):
        if len(self.problems) < 20:
            self.problems.append(text)
        elif len(self.problems) == 20:
            self.problems.append("...")

    def count(self, where, expected, actual):
        self.compared += 1
        value = int(actual) if actual not in (None, "") else 0
        if expected is None:
            expected = 0
        if value != expected:
            self.problem(f"{where}: Trappa {expected}, {self.engine} {actual}")

    def number(self, where, expected, actual):
        self.compared += 1
        if expected is None or actual in (None, ""):
            if not (expected is None and actual in (None, "")):
                self.problem(f"{where}: Trappa {expected}, {self.engine} {actual!r}")
            return
        if abs(float(actual) - expected) > TOLERANCE:
            self.problem(f"{where}: Trappa {expected!r}, {self.engine} {actual} (diff {float(actual) - expected:.3g})")


def check_q1(checker, trappa, rows):
    by_code = {row["code"]: row for row in rows}
    if len(rows) != len(trappa["areas"]) or set(by_code) != {a["code"] for a in trappa["areas"]}:
        checker.problem(f"Q1: areas {sorted(by_code)} vs Trappa {[a['code'] for a in trappa['areas']]}")
    for area in trappa["areas"]:
        row = by_code.get(area["code"])
        if row is None:
            continue
        where = f"Q1 area {area['code']}"
        checker.count(f"{where} ratings", area["ratings"], row["ratings"])
        checker.count(f"{where} motivation_answers", area["motivation_answers"], row["motivation_answers"])
        for field in ("mean_level", "need_share", "people_with_need_share", "high_motivation_share"):
            checker.number(f"{where} {field}", area[field], row[field])
    for row in rows:
        checker.count("Q1 people", trappa["people"], row["people"])
        checker.count("Q1 assessed", trappa["assessed"], row["assessed"])
        checker.number("Q1 share_with_need", trappa["share_with_need"], row["share_with_need"])
        checker.number("Q1 participation", trappa["participation"], row["participation"])


def check_q2(checker, trappa, rows):
    expected = {}
    for group in trappa.get("groups", []):
        for cell in group["competencies"]:
            if cell["rated"]:
                expected[(group["key"], cell["code"])] = cell
    actual = {(row["unit"], row["competency"]): row for row in rows}
    if len(actual) != len(rows):
        checker.problem("Q2: duplicate unit × competency rows")
    for key in sorted(set(expected) - set(actual)):
        checker.problem(f"Q2 {key}: in Trappa (rated {expected[key]['rated']}), missing in {checker.engine}")
    for key in sorted(set(actual) - set(expected)):
        checker.problem(f"Q2 {key}: in {checker.engine} (rated {actual[key]['rated']}), not rated in Trappa")
    for key in sorted(set(expected) & set(actual)):
        checker.count(f"Q2 {key} rated", expected[key]["rated"], actual[key]["rated"])
        checker.number(f"Q2 {key} need_share", expected[key]["need_share"], actual[key]["need_share"])


def check_q3(checker, trappa, rows):
    expected = {c["code"]: c for c in trappa["compare"]["competencies"]
                if c["need_share_pp"] is not None or c["mean_level_delta"] is not None}
    actual = {row["code"]: row for row in rows}
    if set(expected) != set(actual):
        checker.problem(f"Q3: competencies {sorted(actual)} vs Trappa {sorted(expected)}")
    for code in sorted(set(expected) & set(actual)):
        for field in ("need_share_pp", "mean_level_delta"):
            checker.number(f"Q3 {code} {field}", expected[code][field], actual[code][field])


def trappa_medians(path):
    """Median real time in ms of each benchmark in a Google Benchmark JSON file."""
    data = json.loads(Path(path).read_text())
    medians, runs = {}, {}
    for entry in data["benchmarks"]:
        # "BM_DbQ1OverallByArea/repeats:5/real_time" -> "BM_DbQ1OverallByArea"
        name = entry.get("run_name", entry["name"]).split("/")[0]
        factor = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[entry.get("time_unit", "ns")]
        if entry.get("aggregate_name") == "median":
            medians[name] = entry["real_time"] * factor
        elif entry.get("run_type", "iteration") == "iteration":
            runs.setdefault(name, []).append(entry["real_time"] * factor)
    for name, values in runs.items():
        medians.setdefault(name, statistics.median(values))
    return medians, data.get("context", {})


def check(out_dir, engines):
    out = Path(out_dir)
    trappa = json.loads((out / "trappa.json").read_text(encoding="utf-8"))
    all_agree = True
    print(f"Results (Trappa: {trappa['people']} people, {trappa['assessed']} assessed in round {trappa['round']}; "
          f"{len(trappa.get('groups', []))} units in Q2):")
    for engine in engines:
        checker = Checker(ENGINE_NAMES.get(engine, engine))
        check_q1(checker, trappa, read_rows(out / f"{engine}_q1_overall_by_area.csv"))
        check_q2(checker, trappa, read_rows(out / f"{engine}_q2_need_share_by_unit.csv"))
        check_q3(checker, trappa, read_rows(out / f"{engine}_q3_round_comparison.csv"))
        verdict = "agree" if not checker.problems else "DISAGREE"
        print(f"  {checker.engine:<11} {verdict} with Trappa ({checker.compared} figures compared; "
              f"counts exact, others to {TOLERANCE:g})")
        for text in checker.problems:
            print(f"    {text}")
        all_agree = all_agree and not checker.problems

    medians, context = trappa_medians(out / "trappa_bench.json")
    print()
    print(f"{'engine':<11} {'query':<36} {'median ms':>12} {'vs Trappa':>10}")
    for query, label, benchmark_name in QUERIES:
        base = medians.get(benchmark_name)
        rows = [("Trappa", base)]
        for engine in engines:
            times = json.loads((out / f"{engine}_times.json").read_text())["queries"][query]
            rows.append((ENGINE_NAMES.get(engine, engine), statistics.median(times)))
        for name, value in rows:
            ratio = f"{value / base:.0f}x" if base and value is not None and name != "Trappa" else "1x"
            shown = f"{value:.1f}" if value is not None and value >= 10 else (f"{value:.2f}" if value is not None else "-")
            print(f"{name:<11} {label:<36} {shown:>12} {ratio:>10}")
    load = medians.get("BM_DbSnapshotLoad")
    if load is not None:
        print(f"\nTrappa snapshot of round 2026 from the SQLite store (organisation + facts + build): "
              f"{load / 1000:.1f} s median")
    for engine in engines:
        times = json.loads((out / f"{engine}_times.json").read_text())
        extra = f" ({times['version']})" if times.get("version") else ""
        print(f"{ENGINE_NAMES.get(engine, engine)} load{extra}: {times['load_ms'] / 1000:.1f} s")
    if context:
        load = context.get("load_avg") or []
        print(f"gap_query_bench: {context.get('num_cpus')} CPUs at {context.get('mhz_per_cpu')} MHz, "
              f"load average {' '.join(f'{x:.1f}' for x in load)} when it ran")
    return 0 if all_agree else 1


def main(argv):
    if len(argv) >= 4 and argv[1] == "framework":
        write_framework(argv[2], argv[3])
        return 0
    if len(argv) >= 3 and argv[1] == "check":
        return check(argv[2], argv[3:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
