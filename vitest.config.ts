import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests sit beside the code they test (lib/**, scripts/**); integration tests of use cases
// against a real PostgreSQL live in test/integration and need DATABASE_URL (scripts/test.ts sets it
// to a database made for the run).
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["node_modules", ".next", "lib/generated"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files share one database per run; running files one by one keeps the two-core
    // machines responsive and avoids lock waits between files.
    fileParallelism: false,
  },
});
