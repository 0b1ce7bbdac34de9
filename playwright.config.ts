import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/lib/find-chromium";

// Run by scripts/test.ts (npm test), which builds the app, seeds a database of the run's own and
// passes DATABASE_URL, AUTH_SECRET and DEMO_PASSWORD. The server only listens on 127.0.0.1.
const port = Number(process.env.E2E_PORT ?? 3311);
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = findChromium();

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

// Tests tagged @alone look at the whole database (a snapshot of every table, a count of all rows) or
// at what any other test may change (the published-snapshot story compares whole pages byte for byte):
// they run one at a time, after all the others, while nothing else writes. The others make records
// of their own and run two at a time, a test per worker (fullyParallel): they must not depend on
// each other's data, nor on the order they run in.
const ALONE = /@alone/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // "teardown" only orders the two: the tests run alone come after the others, whatever their outcome.
    { name: "chromium", grepInvert: ALONE, use: browser, teardown: "chromium-alone" },
    { name: "chromium-alone", grep: ALONE, workers: 1, use: browser },
  ],
  webServer: {
    // As npm start serves it: the front server with the reader cache, Next behind it.
    command: "node_modules/.bin/tsx scripts/serve.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { HOST: "127.0.0.1", PORT: String(port), NEXTAUTH_URL: baseURL, SITE_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
