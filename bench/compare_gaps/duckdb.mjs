// DuckDB side of bench/compare_gaps.sh: loads the prepared CSV files into an in-memory DuckDB
// (the engine the @duckdb/node-api package ships), runs each query of sql/ REPEATS times and
// writes, per query, the first run's result as CSV (OUT/duckdb_qN.csv) and every run's time in
// milliseconds (OUT/duckdb_times.json, with the load time).
//
// Usage: node duckdb.mjs DATA_DIR SQL_DIR OUT_DIR REPEATS
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const [dataDir, sqlDir, outDir, repeatsText] = process.argv.slice(2);
const repeats = Number(repeatsText ?? 5);
if (!dataDir || !sqlDir || !outDir || !(repeats >= 1)) {
  console.error('usage: node duckdb.mjs DATA_DIR SQL_DIR OUT_DIR REPEATS');
  process.exit(2);
}

const tables = {
  units: { code: 'VARCHAR', name: 'VARCHAR', parent_code: 'VARCHAR', kind: 'VARCHAR' },
  areas: { code: 'VARCHAR', ord: 'INTEGER' },
  competencies: { code: 'VARCHAR', area: 'VARCHAR', ord: 'INTEGER' },
  profiles: { role: 'VARCHAR', competency: 'VARCHAR', expected: 'INTEGER' },
  participants: { round: 'VARCHAR', employee_id: 'VARCHAR', unit_code: 'VARCHAR', role: 'VARCHAR', gender: 'VARCHAR' },
  ratings: { round: 'VARCHAR', employee_id: 'VARCHAR', competency: 'VARCHAR', self_level: 'INTEGER', agreed_level: 'INTEGER' },
  motivations: { round: 'VARCHAR', employee_id: 'VARCHAR', area: 'VARCHAR', motivation: 'INTEGER' },
};
const queries = ['q1_overall_by_area', 'q2_need_share_by_unit', 'q3_round_comparison'];

const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;
const csvField = (value) => {
  if (value === null || value === undefined) return '';
  const text = String(value);  // BigInt counts and doubles print exactly
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();

const loadStart = performance.now();
for (const [table, columns] of Object.entries(tables)) {
  const columnSpec = '{' + Object.entries(columns).map(([name, type]) => `${quote(name)}: ${quote(type)}`).join(', ') + '}';
  await connection.run(
    `CREATE TABLE ${table} AS SELECT * FROM read_csv(${quote(join(dataDir, table + '.csv'))}, ` +
      `header = true, auto_detect = false, columns = ${columnSpec})`,
  );
}
const loadMs = performance.now() - loadStart;

const times = { load_ms: loadMs, version: '', queries: {} };
times.version = (await connection.runAndReadAll('SELECT version()')).getRows()[0][0];
for (const query of queries) {
  const text = readFileSync(join(sqlDir, query + '.sql'), 'utf8');
  const runs = [];
  let result;
  for (let i = 0; i < repeats; ++i) {
    const start = performance.now();
    const reader = await connection.runAndReadAll(text);
    runs.push(performance.now() - start);
    if (i === 0) result = reader;
  }
  const lines = [result.columnNames().join(',')];
  for (const row of result.getRows()) lines.push(row.map(csvField).join(','));
  writeFileSync(join(outDir, `duckdb_${query}.csv`), lines.join('\n') + '\n');
  times.queries[query] = runs;
}
writeFileSync(join(outDir, 'duckdb_times.json'), JSON.stringify(times, null, 2) + '\n');
console.log(`duckdb ${times.version}: loaded in ${(loadMs / 1000).toFixed(1)} s; ` +
  queries.map((q) => `${q.slice(0, 2)} ${Math.min(...times.queries[q]).toFixed(1)} ms best`).join(', '));
