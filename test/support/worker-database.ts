// Runs in each Vitest worker before its test files: a worker uses its own copy of the test database
// when npm test made one per worker (vitest.config.ts), so files running at once never share rows.
const workerDatabases = (process.env.VITEST_DATABASE_URLS ?? "").split(",").filter(Boolean);
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
if (workerDatabases.length > 0) {
  const url = workerDatabases[worker - 1];
  if (!url) throw new Error(`no test database for Vitest worker ${worker} of ${workerDatabases.length}`);
  process.env.DATABASE_URL = url;
}
