import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { createUser, db } from "./support/database";
import { signInDirectly } from "./support/sign-in";

// Check-worthiness triage (issue 14): the annotator shows the sentences worth checking, faintly and
// with their reasons; an editor makes a claim of one with the keyboard alone; the "to check" list
// links to the sentences still uncovered.

// Letters only, so that the token is never read as a figure.
const token = randomUUID().slice(0, 8).replace(/\d/g, (digit) => "ghijklmnop"[Number(digit)]!);
const STATISTIC = `"Violent crime is down 11 percent since I took office," Governor Mark Ellison said at the ${token} rally.`;
const RENTS = `According to the Bureau of Statistics, rents in the ${token} region rose by 8.9% last year, the fastest pace on record.`;
const TEXT = [
  `Campaign notebook ${token}`,
  "",
  "It was a warm evening at the fairground.",
  "",
  STATISTIC,
  "",
  "Will voters believe him?",
  "",
  RENTS,
  "",
  "I think the race will be close.",
].join("\n");

// Exclusive: the to-check list shows every recent article's sentences, which other tests import.
test("an editor makes a claim from a triage candidate with the keyboard only, and finds the rest in the to-check list", { lock: "-exclusive-" }, async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const editor = await createUser("editor", "triage");
  await signInDirectly(page, editor.email, editor.password);
  const imported = await page.request.post("/api/articles", {
    headers: { origin: baseURL! },
    multipart: { file: { name: `triage-${token}.txt`, mimeType: "text/plain", buffer: Buffer.from(TEXT) }, language: "en" },
  });
  expect(imported.status()).toBe(200);
  const { articleId } = (await imported.json()) as { articleId: string };

  await page.goto(`/workbench/articles/${articleId}`);
  const candidates = page.getByRole("list").filter({ has: page.getByRole("button", { name: /Violent crime/ }) });
  // The two factual sentences are candidates; the scene, the question and the opinion are not.
  await expect(candidates.getByRole("button")).toHaveText([/Violent crime is down 11 percent/, /According to the Bureau of Statistics/]);
  await expect(page.locator(".article-text .cand")).toHaveText([STATISTIC, RENTS]);
  await expect(page.locator("mark.hl")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Keyboard only: ] jumps to the first candidate, arrows move, its reasons are read with it.
  await page.keyboard.press("]");
  await expect(page.getByRole("button", { name: /Violent crime is down 11 percent/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const rents = page.getByRole("button", { name: /According to the Bureau of Statistics/ });
  await expect(rents).toBeFocused();
  await expect(rents).toHaveAccessibleDescription(/figure: 8\.9%.*attributed: according to/);
  await expect(page.locator(".article-text .cand-active")).toHaveText(RENTS);
  await page.keyboard.press("ArrowUp");
  const statistic = page.getByRole("button", { name: /Violent crime is down 11 percent/ });
  await expect(statistic).toBeFocused();
  await expect(statistic).toHaveAccessibleDescription(/quotation.*names: Mark Ellison/);

  // Enter proposes the claim from the sentence; the editor edits the statement, then saves with Enter.
  await page.keyboard.press("Enter");
  const statement = page.getByLabel("Statement (short, in its own language)");
  await expect(statement).toBeFocused();
  await expect(statement).toHaveValue("Violent crime is down 11 percent since I took office");
  await expect(page.getByLabel("Claimant (who made it)")).toHaveValue("Mark Ellison");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(` (${token})`);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Claimant (who made it)")).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByText("Claim created from the sentence.")).toBeVisible();
  await expect(page.locator("mark.hl")).toHaveText(STATISTIC);
  // Covered now: only the other sentence is proposed.
  await expect(page.locator(".article-text .cand")).toHaveText([RENTS]);
  const rows = await db().query<{ statement: string; claimant: string; exact: string }>(
    `SELECT c.statement, c.claimant, p.exact FROM claims c JOIN passages p ON p.claim_id = c.id WHERE p.article_id = $1`,
    [articleId],
  );
  expect(rows.rows).toEqual([{ statement: `Violent crime is down 11 percent since I took office (${token})`, claimant: "Mark Ellison", exact: STATISTIC }]);

  // The to-check list, from the workbench bar: the uncovered sentence links to its place.
  await page.getByRole("navigation", { name: "Workbench" }).getByRole("link", { name: "To check" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("To check");
  const list = page.getByRole("list", { name: "Sentences to check" });
  await expect(list.getByRole("link", { name: RENTS })).toBeVisible();
  await expect(list.getByRole("link", { name: STATISTIC })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await list.getByRole("link", { name: RENTS }).click();
  await expect(page).toHaveURL(new RegExp(`/workbench/articles/${articleId}\\?sentence=\\d+$`));
  await expect(page.locator(".article-text .cand-active")).toHaveText(RENTS);

  // One click on a dotted sentence proposes its claim too; the editor may cancel.
  await page.locator(".article-text .cand", { hasText: "Bureau of Statistics" }).click();
  await expect(page.getByLabel("Statement (short, in its own language)")).toHaveValue(`Rents in the ${token} region rose by 8.9% last year, the fastest pace on record.`);
  await expect(page.getByLabel("Claimant (who made it)")).toHaveValue("Bureau of Statistics");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("Statement (short, in its own language)")).toHaveCount(0);
});
