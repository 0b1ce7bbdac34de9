import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, demoPassword } from "./support/sign-in";
import { freePort } from "../scripts/lib/free-port";

async function waitForHealth(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early with code ${child.exitCode}`);
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm start did not become healthy within ${deadlineMs / 1000} s`);
}

test("npm start without DATABASE_URL, on an empty data folder, serves the seeded corpus", async ({ browser }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "claimwork-start-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), CLAIMWORK_DATA_DIR: dataDir, NEXTAUTH_URL: `http://127.0.0.1:${port}` };
  delete env.DATABASE_URL;
  // What `npm start` runs, started directly so that the signal reaches it (npm does not forward it).
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, 200_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${output}`);
    });
    expect(output).toContain("No DATABASE_URL: starting the embedded PostgreSQL");
    expect(output).toContain("5 article(s) imported");

    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Contacts took place; Maduro's claim of authorisation is disputed" })).toBeVisible();

    // The demo accounts work on the embedded database too.
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.reviewer);
    await page.getByLabel("Password").fill(demoPassword());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/workbench$/);
    await expect(page.locator(".stat").filter({ hasText: "published fact-check" })).toContainText("1");
    await context.close();
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
