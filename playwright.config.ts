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

// Two workers, a test each (fullyParallel): tests make their own users and records, and must not
// depend on each other's data nor on the order they run in. A test that looks at the whole database
// (a snapshot of every table, a count of all rows) or at pages any test may change declares
// { lock: "-exclusive-" }: Playwright runs it while no other test runs.
// The specs that sign in as the seeded demo accounts (signing out ends every session of the account)
// are a project of their own with one worker: never two of them at once, but beside the others.
const DEMO_ACCOUNTS = /\/(sign-in|source-change-story)\.spec\.ts$/;

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
    // Recording a trace of every test costs about an eighth of the suite's CPU; to get one for a
    // failing test, rerun it with --trace=retain-on-failure.
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    // First, so that its long story starts early instead of running last on its own.
    { name: "chromium-demo-accounts", testMatch: DEMO_ACCOUNTS, workers: 1, use: browser },
    { name: "chromium", testIgnore: DEMO_ACCOUNTS, use: browser },
  ],
  webServer: {
    // As npm start serves it: the front server with the reader cache, Next behind it.
    command: "node --import tsx scripts/serve.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { HOST: "127.0.0.1", PORT: String(port), NEXTAUTH_URL: baseURL, SITE_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
