import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { createUser, db } from "./support/database";
import { signInDirectly } from "./support/sign-in";

const token = randomUUID().slice(0, 8);
const ARTICLES = 60;
/** A batch of the page's 25 files and one of 5: few, since every imported article stays in the shared e2e database. */
const RESUME_ARTICLES = 30;

function articleText(index: number): string {
  return [`Port report ${index} ${token}`, "", `Caracas Daily, 2 July 2024`, "", `Tanker number ${index} left the port of Jose on reference ${token}.`].join("\n");
}

test("an editor imports a folder of many files a batch at a time, and choosing it again imports nothing twice", async ({ page }) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(path.join(tmpdir(), "claimwork-folder-"));
  try {
    for (let index = 1; index <= ARTICLES; index++) writeFileSync(path.join(folder, `report-${String(index).padStart(3, "0")}.txt`), articleText(index));
    writeFileSync(path.join(folder, "empty.txt"), "");
    writeFileSync(path.join(folder, "photo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

    const editor = await createUser("editor", "folder");
    await signInDirectly(page, editor.email, editor.password, "/workbench/articles/import");
    await page.getByLabel("Choose a folder").setInputFiles(folder);

    // The picture is left out; every text file is read, the empty one refused with its reason.
    const progress = page.getByRole("region", { name: "Import progress" });
    await expect(progress).toContainText(`Read ${ARTICLES + 1} of ${ARTICLES + 1} files`, { timeout: 60_000 });
    await expect(progress).toContainText("1 refused");
    await expect(page.getByRole("navigation", { name: "Pages of files" })).toContainText(`Files 1–50 of ${ARTICLES + 1}`);
    await expect(page.getByRole("list", { name: "Files" }).getByRole("listitem")).toHaveCount(50);
    await expectNoAxeViolations(page);

    await progress.getByRole("button", { name: `Import all ${ARTICLES} checked files` }).click();
    await expect(progress).toContainText(`Imported ${ARTICLES} of ${ARTICLES}`, { timeout: 90_000 });
    await expect(progress).toContainText(`${ARTICLES} imported · 0 already in Claimwork · 1 refused`);
    // The empty file's reason is on its row, on one of the three pages of files.
    const pages = page.getByRole("navigation", { name: "Pages of files" });
    const empty = page.getByRole("listitem", { name: "empty.txt" });
    for (let turn = 1; turn < 3 && (await empty.count()) === 0; turn++) {
      await pages.getByRole("button", { name: "Next files" }).click();
      await expect(pages).toContainText(`Files ${turn * 50 + 1}–`);
    }
    await expect(empty.getByRole("status")).toHaveText("Refused");
    await expect(empty).toContainText("The file is empty.");

    // The same folder again imports nothing twice: this browser remembers every file it imported.
    await page.reload();
    await page.getByLabel("Choose a folder").setInputFiles(folder);
    await expect(progress).toContainText(`Read ${ARTICLES + 1} of ${ARTICLES + 1} files`, { timeout: 60_000 });
    await expect(progress).toContainText(`0 imported · ${ARTICLES} already in Claimwork · 1 refused`);
    await expect(progress.getByRole("button", { name: /^Import all/ })).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Files" }).getByText(/^Imported earlier from this browser as “Port report \d+ /).first()).toBeVisible();

    const stored = await db().query<{ n: number }>("SELECT count(*)::int AS n FROM articles WHERE title LIKE $1", [`Port report % ${token}`]);
    expect(stored.rows[0]?.n).toBe(ARTICLES);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("an import left half-way is resumed by choosing the same folder again, on this browser or another", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(path.join(tmpdir(), "claimwork-folder-"));
  const resumeToken = randomUUID().slice(0, 8);
  const text = (index: number) => articleText(index).replaceAll(token, resumeToken);
  try {
    for (let index = 1; index <= RESUME_ARTICLES; index++) writeFileSync(path.join(folder, `report-${String(index).padStart(3, "0")}.txt`), text(index));
    const editor = await createUser("editor", "resume");
    await signInDirectly(page, editor.email, editor.password, "/workbench/articles/import");

    // The first batch of imports goes through; the connection hangs on the next one, and the editor leaves.
    let sent = 0;
    let hold = true;
    await page.route("**/api/articles/batch", async (route) => {
      if (sent++ === 0 || !hold) await route.continue();
      // else the request hangs until the editor leaves, which cancels it
    });
    await page.getByLabel("Choose a folder").setInputFiles(folder);
    const progress = page.getByRole("region", { name: "Import progress" });
    await expect(progress).toContainText(`Read ${RESUME_ARTICLES} of ${RESUME_ARTICLES} files`, { timeout: 60_000 });
    await progress.getByRole("button", { name: `Import all ${RESUME_ARTICLES} checked files` }).click();
    await expect(progress.getByRole("status")).not.toContainText(/^0 imported/, { timeout: 60_000 });
    const before = Number(/^(\d+) imported/.exec((await progress.getByRole("status").textContent()) ?? "")?.[1]);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(RESUME_ARTICLES);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.goto("/workbench/articles");
    hold = false;

    // Back on the import page, the same folder: what was imported is recognised, the rest is imported.
    await page.goto("/workbench/articles/import");
    await page.getByLabel("Choose a folder").setInputFiles(folder);
    await expect(progress).toContainText(`Read ${RESUME_ARTICLES} of ${RESUME_ARTICLES} files`, { timeout: 60_000 });
    await expect(progress).toContainText(`0 imported · ${before} already in Claimwork`);
    await progress.getByRole("button", { name: `Import all ${RESUME_ARTICLES - before} checked files` }).click();
    await expect(progress).toContainText(`${RESUME_ARTICLES - before} imported · ${before} already in Claimwork · 0 refused`, { timeout: 60_000 });

    // Another browser remembers nothing, and the server's duplicate check answers for every file.
    const otherContext = await browser.newContext({ baseURL });
    const other = await otherContext.newPage();
    try {
      await signInDirectly(other, editor.email, editor.password, "/workbench/articles/import");
      await other.getByLabel("Choose a folder").setInputFiles(folder);
      const otherProgress = other.getByRole("region", { name: "Import progress" });
      await expect(otherProgress).toContainText(`Read ${RESUME_ARTICLES} of ${RESUME_ARTICLES} files`, { timeout: 60_000 });
      await otherProgress.getByRole("button", { name: `Import all ${RESUME_ARTICLES} checked files` }).click();
      await expect(otherProgress).toContainText(`0 imported · ${RESUME_ARTICLES} already in Claimwork · 0 refused`);
    } finally {
      await otherContext.close();
    }

    const stored = await db().query<{ n: number }>("SELECT count(*)::int AS n FROM articles WHERE title LIKE $1", [`Port report % ${resumeToken}`]);
    expect(stored.rows[0]?.n).toBe(RESUME_ARTICLES);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("where the browser has a folder picker, the chosen folder is listed and each file opened on its turn", async ({ page }) => {
  test.setTimeout(120_000);
  const pickerToken = randomUUID().slice(0, 8);
  const files = Array.from({ length: RESUME_ARTICLES }, (_, at) => ({
    name: `report-${String(at + 1).padStart(3, "0")}.txt`,
    text: articleText(at + 1).replaceAll(token, pickerToken),
  }));
  const editor = await createUser("editor", "picker");
  await signInDirectly(page, editor.email, editor.password, "/workbench/articles/import");
  // The picker's own dialog cannot be driven: it answers with a folder of the page's private file
  // system holding the files, in a subfolder as a real folder may have them. The page's code is unchanged.
  await page.evaluate(async (folderFiles) => {
    type Writable = { write(text: string): Promise<void>; close(): Promise<void> };
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle(`picked-${folderFiles.length}`, { create: true });
    const inner = await folder.getDirectoryHandle("inner", { create: true });
    for (const [at, file] of folderFiles.entries()) {
      const handle = await (at % 2 === 0 ? folder : inner).getFileHandle(file.name, { create: true });
      const writable = (await (handle as unknown as { createWritable(): Promise<Writable> }).createWritable());
      await writable.write(file.text);
      await writable.close();
    }
    (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () => folder;
  }, files);
  await page.getByText("Choose a folder", { exact: true }).click();

  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress).toContainText(`Read ${RESUME_ARTICLES} of ${RESUME_ARTICLES} files`, { timeout: 60_000 });
  await progress.getByRole("button", { name: `Import all ${RESUME_ARTICLES} checked files` }).click();
  await expect(progress).toContainText(`${RESUME_ARTICLES} imported · 0 already in Claimwork · 0 refused`, { timeout: 60_000 });
  const stored = await db().query<{ n: number }>("SELECT count(*)::int AS n FROM articles WHERE title LIKE $1", [`Port report % ${pickerToken}`]);
  expect(stored.rows[0]?.n).toBe(RESUME_ARTICLES);
});
