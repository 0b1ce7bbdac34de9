import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests sit beside the code they test (lib/**, scripts/**); integration tests of use cases
// against a real PostgreSQL live in test/integration and need DATABASE_URL (scripts/test.ts sets it
// to a database made for the run).
const workerDatabases = (process.env.VITEST_DATABASE_URLS ?? "").split(",").filter(Boolean);

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["node_modules", ".next", "lib/generated"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files of one worker share its database. npm test (scripts/test.ts) gives each of
    // two workers a copy of the migrated database (VITEST_DATABASE_URLS), so files run two at a
    // time; without copies (a plain `npx vitest run`, the embedded database) they run one by one.
    fileParallelism: workerDatabases.length > 1,
    maxWorkers: Math.max(1, workerDatabases.length),
    setupFiles: ["test/support/worker-database.ts"],
  },
});
