import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { createUser, db, type TestUser } from "./support/database";
import { signInDirectly } from "./support/sign-in";

// Claims pages, links between claims, suggestions and the claim graph, on the seeded corpus (the
// Maduro and Bolton claims contradict each other; Trump's supports Maduro's) plus a few claims made
// for this run.

const MADURO = "The contacts with US officials had his express authorisation";
const BOLTON = "Those who contact the US behind Maduro's back only talk about his departure";
const TRUMP = "The United States is talking to Venezuelan representatives at a very high level";
const HOSTILE = "<img src=x onerror=alert(1)>";

const token = randomUUID().slice(0, 8);
const GOVERNOR = `Governor ${token}`;
const FIRST = `The harbour talks ${token} had the governor's express authorisation`;
// The same claim in French, worded its own way, and its negation.
const SECOND = `Les pourparlers du port ${token} avaient l'autorisation expresse du gouverneur`;
const NEGATION = `The harbour talks ${token} took place without the governor's authorisation`;
const HOSTILE_CLAIMANT = `Hostile claimant ${token}`;

let editor: TestUser;
const ids = { first: randomUUID(), second: randomUUID(), negation: randomUUID(), hostile: randomUUID() };

test.beforeAll(async () => {
  editor = await createUser("editor", "claims");
  // Fixtures as rows, the way an import would leave them (claims are otherwise made in the annotator).
  const insert = (id: string, statement: string, claimant: string, language = "en") =>
    db().query(
      `INSERT INTO claims (id, statement, claimant, language, tags, created_by_id, updated_at) VALUES ($1, $2, $3, $5, ARRAY['e2e'], $4, now())`,
      [id, statement, claimant, editor.id, language],
    );
  await insert(ids.first, FIRST, GOVERNOR);
  await insert(ids.second, SECOND, GOVERNOR, "fr");
  await insert(ids.negation, NEGATION, GOVERNOR);
  await insert(ids.hostile, HOSTILE, HOSTILE_CLAIMANT);
});

/** Records any dialog instead of letting it block, so a test can show that none opened. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

test("an editor searches claims, opens Maduro's claim, follows a passage into its article and sees the contradiction", async ({ page }) => {
  await signInDirectly(page, editor.email, editor.password, "/workbench/claims");
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Search claims").fill("express authorisation");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=express\+authorisation/);
  const result = page.getByRole("link", { name: MADURO, exact: true });
  await expect(result).toBeVisible();
  // The matched words are highlighted as marks inside the link.
  await expect(result.locator("mark").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The filters are in the URL: the same list opens from a link.
  await page.getByLabel("Claimant").selectOption("Nicolás Maduro");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/claimant=Nicol%C3%A1s\+Maduro/);
  await expect(page.getByRole("link", { name: MADURO, exact: true })).toBeVisible();
  await page.getByRole("link", { name: MADURO, exact: true }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`“${MADURO}”`);
  await expect(page.getByText("Nicolás Maduro", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /^identity/ })).toHaveAttribute("rel", "nofollow noopener noreferrer");
  const passages = page.getByRole("region", { name: /^Passages/ });
  await expect(passages.locator("blockquote mark")).toHaveText(['he insists that they received his "express authorization"', "these meetings are held expressly with his presidential authorization"]);

  // The contradiction with Bolton's claim and the support from Trump's, in direction-aware words.
  const links = page.getByRole("list", { name: "Linked claims" });
  const bolton = links.getByRole("listitem").filter({ hasText: BOLTON });
  await expect(bolton).toContainText("Contradicts");
  await expect(bolton).toContainText("Rationale:");
  await expect(links.getByRole("listitem").filter({ hasText: TRUMP })).toContainText("Supported by");
  // The verdict and its history.
  await expect(page.getByRole("region", { name: "Verdict" })).toContainText("Published");
  await expect(page.getByRole("region", { name: "Verdict" }).getByRole("link", { name: "Open the verdict" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Into the article, scrolled to the highlight, which flashes.
  const firstPassage = passages.getByRole("listitem").first();
  await firstPassage.getByRole("link", { name: /^Show in the article/ }).click();
  await expect(page).toHaveURL(/\/workbench\/articles\/[0-9a-f-]+\?passage=[0-9a-f-]+$/);
  const passageId = new URL(page.url()).searchParams.get("passage")!;
  const mark = page.locator(`mark[data-ids~="${passageId}"]`).first();
  await expect(mark).toHaveClass(/hl-flash/);
  await expect(mark).toBeInViewport();
  await expect(mark).toContainText("express authorization");
});

test("an editor links the French twin from a suggestion with its reasons, sees the negation offered as a contradiction, then removes the link", async ({ page }) => {
  await signInDirectly(page, editor.email, editor.password, `/workbench/claims/${ids.first}`);
  const suggestions = page.getByRole("region", { name: "Suggestions" });
  const twins = suggestions.getByRole("region", { name: "Likely the same claim" });
  const suggestion = twins.getByRole("listitem").filter({ hasText: SECOND });
  await expect(suggestion).toContainText("Same claimant");
  await expect(suggestion).toContainText(/Statements \d+% alike in meaning/);
  await expect(suggestion.getByLabel(/^Rationale/)).toHaveValue(/^Likely the same claim: statements \d+% alike/);
  await expect(suggestion.getByText("(machine suggestion)")).toBeVisible();
  await expect(suggestion.getByRole("group").getByRole("button").first()).toHaveText(/^Same claim/);
  // The negation: a contradiction, never the same claim.
  const negation = suggestions.getByRole("region", { name: "Contradicts?" }).getByRole("listitem").filter({ hasText: NEGATION });
  await expect(negation).toContainText("Negated in the other claim (“without”)");
  await expect(negation.getByRole("group").getByRole("button").first()).toHaveText(/^Contradicts/);
  await expect(negation.getByRole("button", { name: /^Same claim/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Accepted, the rationale is the editor's: saved without the suggestion mark.
  await suggestion.getByRole("button", { name: /^Accept rationale/ }).click();
  await expect(suggestion.getByText("(machine suggestion)")).toHaveCount(0);
  await suggestion.getByRole("button", { name: /^Same claim/ }).click();
  await expect(suggestions.getByRole("status")).toContainText(`Linked as the same claim: ${GOVERNOR}’s claim`);
  const links = page.getByRole("list", { name: "Linked claims" });
  const link = links.getByRole("listitem").filter({ hasText: SECOND });
  await expect(link).toContainText("Same claim as");
  await expect(link).toContainText("Likely the same claim: statements");
  await expect(link).not.toContainText("Suggested:");
  // Linked claims are no longer suggested.
  await expect(suggestions.getByRole("listitem").filter({ hasText: SECOND })).toHaveCount(0);
  const created = await db().query<{ id: string }>(
    `SELECT id::text FROM claim_relations WHERE type = 'same_claim' AND from_claim_id = $1 AND to_claim_id = $2`,
    [ids.first, ids.second],
  );
  expect(created.rows).toHaveLength(1);
  const relationId = created.rows[0]!.id;

  await link.getByRole("button", { name: /^Remove link/ }).click();
  await link.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("region", { name: /^Links to other claims/ }).getByRole("status")).toContainText("Link removed");
  await expect(links.getByRole("listitem").filter({ hasText: SECOND })).toHaveCount(0);
  await expect(page.getByText("No link to another claim yet.")).toBeVisible();
  const audit = await db().query<{ action: string; actor: string }>(
    `SELECT action, actor_id::text AS actor FROM audit_events WHERE entity_id = $1 ORDER BY id`,
    [relationId],
  );
  expect(audit.rows).toEqual([
    { action: "relation.created", actor: editor.id },
    { action: "relation.removed", actor: editor.id },
  ]);
  // And it is suggested again.
  await expect(suggestions.getByRole("listitem").filter({ hasText: SECOND })).toHaveCount(1);
});

test("the graph shows the seeded claims and their links; a node opens its claim by keyboard, and the list links too", async ({ page }) => {
  await signInDirectly(page, editor.email, editor.password, "/workbench/graph");
  const canvas = page.getByRole("application", { name: /^Claim graph/ });
  await expect(canvas).toHaveAttribute("data-ready", "true");
  await expect(canvas.locator("canvas").first()).toBeVisible();
  await expectNoAxeViolations(page);

  const claims = page.getByRole("region", { name: /^Claims in the graph/ });
  await expect(claims.getByRole("link", { name: MADURO, exact: true })).toBeVisible();
  await expect(claims.getByRole("link", { name: BOLTON, exact: true })).toBeVisible();
  const linkRows = page.getByRole("region", { name: /^Links/ }).getByRole("row");
  await expect(linkRows.filter({ hasText: "Nicolás Maduro" }).filter({ hasText: "John Bolton" })).toContainText("contradicts");
  await expect(linkRows.filter({ hasText: "Donald Trump" }).filter({ hasText: "Nicolás Maduro" })).toContainText("supports");

  // Filtered to Maduro: his claim, and the claims linked to it as context.
  await page.getByLabel("Claimant").selectOption("Nicolás Maduro");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/claimant=Nicol%C3%A1s\+Maduro/);
  await expect(canvas).toHaveAttribute("data-ready", "true");
  await expect(canvas).toHaveAttribute("aria-label", /^Claim graph: \d+ claims, \d+ links$/);
  const nodeCount = Number(/(\d+) claims/.exec((await canvas.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
  // Maduro's claim and the claims linked to it: at least Bolton's and Trump's.
  expect(nodeCount).toBeGreaterThanOrEqual(3);
  const nodes = page.getByRole("region", { name: /^Claims in the graph/ });
  await expect(nodes.getByRole("link", { name: BOLTON, exact: true })).toBeVisible();
  await expect(nodes.getByRole("link", { name: TRUMP, exact: true })).toBeVisible();

  // The keyboard walks the claims; Enter opens the one announced.
  await canvas.focus();
  const announced = page.locator(".cl-graph-focus");
  for (let step = 0; step < nodeCount; step++) {
    await page.keyboard.press("ArrowRight");
    if ((await announced.textContent())?.startsWith(`Nicolás Maduro: “${MADURO}”`)) break;
  }
  await expect(announced).toContainText(`Nicolás Maduro: “${MADURO}”. Rated Mixed.`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workbench\/claims\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`“${MADURO}”`);

  await page.goBack();
  await page.getByRole("region", { name: /^Claims in the graph/ }).getByRole("link", { name: BOLTON, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`“${BOLTON}”`);
});

test("a claim whose statement is markup shows literally on the list, the claim page and the graph", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await signInDirectly(page, editor.email, editor.password);
  const injected = () => page.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror]').length);

  await page.goto(`/workbench/claims?claimant=${encodeURIComponent(HOSTILE_CLAIMANT)}`);
  await expect(page.getByRole("link", { name: HOSTILE, exact: true })).toBeVisible();
  expect(await injected()).toBe(0);

  await page.getByRole("link", { name: HOSTILE, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`“${HOSTILE}”`);
  expect(await injected()).toBe(0);

  await page.goto(`/workbench/graph?claimant=${encodeURIComponent(HOSTILE_CLAIMANT)}`);
  const canvas = page.getByRole("application", { name: /^Claim graph/ });
  await expect(canvas).toHaveAttribute("data-ready", "true");
  await expect(page.getByRole("region", { name: /^Claims in the graph/ }).getByRole("link", { name: HOSTILE, exact: true })).toBeVisible();
  expect(await injected()).toBe(0);
  // Its only node sits in the middle of the canvas: a click there opens the claim.
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(new RegExp(`/workbench/claims/${ids.hostile}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`“${HOSTILE}”`);

  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});
