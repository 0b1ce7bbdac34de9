import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO, demoPassword, signIn } from "./support/sign-in";
import { selectWithMouse } from "./support/text-selection";

// Issue 9, the whole story in Chromium: a fact-check is published; the outlet revises its article so
// that the quoted sentence changes; readers keep the approved quote; the editor and a reviewer each
// see the source-change item with its word diff; the editor resubmits quoting the new text, the
// reviewer approves it and publishes it as a correction; readers see the new quote and the note.
//
// The article is the spec's own (unique text), so the seeded corpus other specs rely on is untouched,
// and the spec can run again on the same database. Open items of other specs may exist: the counts
// in the navigation are checked relative to what each person saw before the revision.

const token = randomUUID().slice(0, 8);
const TITLE = `Harbour bridge budget ${token}`;
const OLD_QUOTE = "the bridge would cost 40 million reais and open in March";
const NEW_QUOTE = "the bridge would cost 65 million reais and open in May";
const ARTICLE = [
  TITLE,
  "",
  "Porto Velho (Reuters)",
  "",
  "The city council met on Tuesday to discuss the harbour bridge.",
  "",
  `Mayor Ana Costa told reporters that ${OLD_QUOTE}, reference ${token}.`,
  "",
  "Engineers said the schedule depended on the weather.",
].join("\n");
const REVISED = ARTICLE.replace(OLD_QUOTE, NEW_QUOTE);
const STATEMENT = `The harbour bridge will cost 40 million reais ${token}`;
const HEADLINE = `The bridge's price was confirmed by the mayor ${token}`;
const WHAT_CHANGED = "The mayor now gives 65 million reais and May; the quote and the explanation follow the updated article.";
const WHY = "Reuters updated its article after the fact-check was published.";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, demoPassword());
  return page;
}

/** The number next to "Source changes" in the workbench navigation (0 when none is shown). */
async function navCount(page: Page): Promise<number> {
  const link = page.getByRole("navigation", { name: "Workbench" }).getByRole("link", { name: /^Source changes/ });
  await expect(link).toBeVisible();
  const badge = link.locator(".nav-count");
  return (await badge.count()) === 0 ? 0 : Number((await badge.innerText()).replace(/\D+/g, ""));
}

async function expectNavCount(page: Page, expected: number) {
  const badge = page.getByRole("navigation", { name: "Workbench" }).getByRole("link", { name: /^Source changes/ }).locator(".nav-count");
  if (expected === 0) await expect(badge).toHaveCount(0);
  else await expect(badge).toHaveText(`${expected} open`);
}

/** The word diff from the approved quote to the words now (removed and added words are announced). */
async function expectWordDiff(scope: Locator) {
  await expect(scope.locator("del")).toHaveText(["[removed: 40]", "[removed: March]"]);
  await expect(scope.locator("ins")).toHaveText(["[added: 65]", "[added: May]"]);
  await expect(scope).toContainText(/the bridge would cost .*40.*65.* million reais and open in .*March.*May/);
}

/** The panel on the claim and review pages, open: approved quote, the words now, the word diff, the anchoring. */
async function expectOpenPanel(page: Page) {
  const panel = page.getByRole("region", { name: "Source changed: a decision is needed" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("note")).toContainText("no revision quoting the old text can be approved");
  const quote = panel.getByRole("list", { name: "Changed quotes" }).getByRole("listitem");
  await expect(quote).toHaveCount(1);
  await expect(quote).toContainText(TITLE);
  await expect(quote).toContainText("revision 2");
  await expect(quote.getByText(/^Changed \(\d+% sure\)$/)).toBeVisible();
  const definition = (term: string) => quote.locator(`dt:has-text("${term}") + dd`);
  await expect(definition("Approved quote").locator("mark")).toHaveText(OLD_QUOTE);
  await expect(definition("What the article says now")).toHaveText(NEW_QUOTE);
  await expectWordDiff(definition("Word diff"));
  await expect(quote.getByRole("link", { name: /^Check the passage in the article\b.*, revision 2$/ })).toBeVisible();
  return panel;
}

test("a published fact-check's source changes: readers keep the approved quote, editor and reviewer see the diff, a correction resolves it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const editor = await signedIn(browser, DEMO.editor);
  const reviewer = await signedIn(browser, DEMO.reviewer);
  const reader = await (await browser.newContext()).newPage();

  // Setup, in the UI: the editor pastes an article of the spec's own and anchors a claim in it.
  await editor.goto("/workbench/articles/import");
  await editor.getByRole("region", { name: "Paste text" }).getByLabel("Article text").fill(ARTICLE);
  await editor.getByRole("button", { name: "Read pasted text" }).click();
  const files = editor.getByRole("list", { name: "Files" });
  await expect(files.getByText("Check the details, then import")).toHaveCount(1);
  await files.getByRole("button", { name: /^Import / }).click();
  await expect(files.getByText("Imported", { exact: true })).toBeVisible();
  await files.getByRole("link", { name: "Open the article" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  const articleUrl = editor.url();
  await selectWithMouse(editor, OLD_QUOTE);
  await editor.getByRole("button", { name: "Create claim from selection" }).click();
  await editor.getByLabel("Statement (short, in its own language)").fill(STATEMENT);
  await editor.getByLabel("Claimant (who made it)").fill("Ana Costa");
  await editor.getByRole("button", { name: "Save claim" }).click();
  await expect(editor.getByText("Claim created from the selection.")).toBeVisible();

  // The editor drafts the verdict quoting the passage and submits it.
  await editor.getByRole("region", { name: "Claims" }).getByRole("link", { name: STATEMENT, exact: true }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`“${STATEMENT}”`);
  const claimUrl = editor.url();
  await editor.goto(`${claimUrl}/verdict`);
  await editor.getByRole("radio", { name: /^Mostly true/ }).check();
  await editor.getByLabel("Headline").fill(HEADLINE);
  await editor.getByLabel("Summary").fill("The mayor gave the price and the opening month to reporters.");
  await editor.getByLabel("Explanation").fill("Reuters quotes the mayor:");
  await editor.getByText("Cite a passage in the explanation").click();
  await editor.getByRole("button", { name: "Insert quote" }).click();
  await expect(editor.getByLabel("Explanation")).toHaveValue(new RegExp(OLD_QUOTE));
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Draft saved (version 1)." })).toBeVisible();
  await editor.getByRole("button", { name: "Submit for review" }).click();
  await expect(editor.getByText("In review:")).toBeVisible();

  // The reviewer approves and publishes it.
  await reviewer.goto("/workbench/review");
  await reviewer.getByRole("region", { name: /Awaiting your review/ }).getByRole("link", { name: new RegExp(`Review revision 1: ${HEADLINE}`) }).click();
  await reviewer.getByRole("button", { name: "Approve revision 1" }).click();
  await reviewer.getByRole("button", { name: "Publish revision 1" }).click();
  const publicAt = reviewer.getByText(/^Public at \/fact-checks\//);
  await expect(publicAt).toBeVisible();
  const factCheckPath = (await publicAt.innerText()).match(/\/fact-checks\/[a-z0-9-]+/)![0];
  await reader.goto(factCheckPath);
  await expect(reader.locator("mark").filter({ hasText: OLD_QUOTE })).toBeVisible();

  const editorBefore = await navCount(editor);
  const reviewerBefore = await navCount(reviewer);

  // 1. The outlet updates its story: the editor saves the new text; the quoted sentence changed.
  await editor.goto(articleUrl);
  await editor.getByRole("link", { name: "New revision" }).click();
  await editor.getByLabel("New text of the article").fill(REVISED);
  await editor.getByRole("button", { name: "Save as revision 2" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Revision 2 saved" })).toContainText("1 changed");

  // 2. Readers still read the approved quote, never the new wording.
  await reader.goto(factCheckPath);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(HEADLINE);
  await expect(reader.locator("mark").filter({ hasText: OLD_QUOTE })).toBeVisible();
  await expect(reader.getByText(/65 million/)).toHaveCount(0);

  // 3. The editor sees one more open source change in the navigation, the item in the queue, and
  // the panel on the claim page, with the reviewer's decision left to a reviewer.
  await editor.goto("/workbench");
  await expectNavCount(editor, editorBefore + 1);
  await editor.getByRole("navigation", { name: "Workbench" }).getByRole("link", { name: /^Source changes/ }).click();
  await expect(editor).toHaveURL(/\/workbench\/sources$/);
  const editorRow = editor.getByRole("row").filter({ hasText: HEADLINE });
  await expect(editorRow).toContainText(STATEMENT);
  await expect(editorRow).toContainText(`${TITLE} (revision 2)`);
  await expect(editorRow.getByText(/^Changed \(\d+% sure\)$/)).toBeVisible();
  await expectWordDiff(editorRow);
  // The editor cannot decide on it (a reviewer can): they open the claim to resubmit.
  await expect(editorRow.getByRole("link", { name: /^Decide/ })).toHaveCount(0);
  await editorRow.getByRole("link", { name: /^Open\b/ }).click();
  await expect(editor).toHaveURL(new RegExp(`${claimUrl}#source-changes$`));
  const editorPanel = await expectOpenPanel(editor);
  await expect(editorPanel.getByRole("form", { name: "Decide on the source change" })).toHaveCount(0);
  await expect(editorPanel.getByRole("link", { name: "resubmits the verdict" })).toBeVisible();
  await editor.screenshot({ path: "test-results/source-change-story/claim-page.png", fullPage: true });

  // 4. The reviewer too, with the queue checked by axe while the item is open.
  await reviewer.goto("/workbench/sources");
  await expectNavCount(reviewer, reviewerBefore + 1);
  const reviewerRow = reviewer.getByRole("row").filter({ hasText: HEADLINE });
  await expect(reviewerRow).toContainText(`${TITLE} (revision 2)`);
  await expectWordDiff(reviewerRow);
  const axe = await new AxeBuilder({ page: reviewer }).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  await reviewer.screenshot({ path: "test-results/source-change-story/sources.png", fullPage: true });
  await reviewerRow.getByRole("link", { name: /^Decide\b/ }).click();
  const reviewerPanel = await expectOpenPanel(reviewer);
  // This reviewer wrote none of it, so they could confirm that nothing needs to change; here it must.
  await expect(reviewerPanel.getByRole("form", { name: "Decide on the source change" })).toBeVisible();

  // 5. The editor starts a correction: the explanation quotes the article as it is now.
  await editorPanel.getByRole("link", { name: "resubmits the verdict" }).click();
  await expect(editor.getByText("Published. Saving changes starts a correction")).toBeVisible();
  await editor.getByLabel("Explanation").fill("Reuters, in its updated article, quotes the mayor:");
  await editor.getByText("Cite a passage in the explanation").click();
  // The list also offers the passage of the article's first revision, with its old words and
  // nothing to say it is no longer current (reported): the editor picks the new words.
  await editor.locator(".cite-box li").filter({ hasText: NEW_QUOTE }).getByRole("button", { name: "Insert quote" }).click();
  await expect(editor.getByLabel("Explanation")).toHaveValue(new RegExp(NEW_QUOTE));
  await editor.getByRole("button", { name: "Save and submit for review" }).click();
  await expect(editor.getByText("In review:")).toBeVisible();

  // 6. The reviewer opens revision 2 from the review queue: the source change is on the review page
  // too; approving it (it quotes the new text) closes the item; they publish it as a correction.
  await reviewer.goto("/workbench/review");
  await reviewer.getByRole("region", { name: /Awaiting your review/ }).getByRole("link", { name: new RegExp(`Review revision 2: ${HEADLINE}`) }).click();
  await expect(reviewer.getByText("Review of a correction")).toBeVisible();
  await expectOpenPanel(reviewer);
  await reviewer.getByRole("button", { name: "Approve revision 2" }).click();
  await reviewer.getByLabel("What changed").fill(WHAT_CHANGED);
  await reviewer.getByLabel("Why").fill(WHY);
  await reviewer.getByRole("button", { name: "Publish correction" }).click();
  await expect(reviewer.getByText(`Public at ${factCheckPath}`)).toBeVisible();

  // 7. The item is closed: the counts are back, the queue no longer lists it, and the claim page
  // keeps the decision on the record.
  await reviewer.goto("/workbench/sources");
  await expectNavCount(reviewer, reviewerBefore);
  await expect(reviewer.getByRole("row").filter({ hasText: HEADLINE })).toHaveCount(0);
  await editor.goto(claimUrl);
  await expectNavCount(editor, editorBefore);
  const closed = editor.getByRole("region", { name: "Source changes" });
  await expect(closed).toBeVisible();
  await expect(editor.getByRole("region", { name: "Source changed: a decision is needed" })).toHaveCount(0);
  await closed.getByText("Earlier decisions (1)").click();
  await expect(closed).toContainText("Revised: revision 2 quotes the new text");

  // 8. Readers see the new quote and the correction note.
  await expect(async () => {
    await reader.goto(factCheckPath);
    await expect(reader.locator("mark").filter({ hasText: NEW_QUOTE })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(reader.locator("mark").filter({ hasText: OLD_QUOTE })).toHaveCount(0);
  const note = reader.locator(".correction").filter({ hasText: WHAT_CHANGED });
  await expect(note).toContainText(`Why: ${WHY}`);
  await expect(note.getByRole("link", { name: "Read the version before this correction" })).toBeVisible();
});

// A revision that replaces the last word of a quoted passage with a longer one ("…and open in March"
// to "…and open in September"): the changed passage holds the whole new word, never "…in Septe".
test("a revision that lengthens the last word of a quote re-anchors the whole new word", async ({ page }) => {
  const id = randomUUID().slice(0, 8);
  const text = ARTICLE.replaceAll(token, id);
  await signIn(page, DEMO.editor, demoPassword());
  await page.goto("/workbench/articles/import");
  await page.getByRole("region", { name: "Paste text" }).getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Read pasted text" }).click();
  const files = page.getByRole("list", { name: "Files" });
  await files.getByRole("button", { name: /^Import / }).click();
  await files.getByRole("link", { name: "Open the article" }).click();
  await selectWithMouse(page, OLD_QUOTE);
  await page.getByRole("button", { name: "Create claim from selection" }).click();
  await page.getByLabel("Statement (short, in its own language)").fill(`The harbour bridge opens in March ${id}`);
  await page.getByLabel("Claimant (who made it)").fill("Ana Costa");
  await page.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByText("Claim created from the selection.")).toBeVisible();
  await page.getByRole("link", { name: "New revision" }).click();
  await page.getByLabel("New text of the article").fill(text.replace("open in March", "open in September"));
  await page.getByRole("button", { name: "Save as revision 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Revision 2 saved" })).toContainText("1 changed");
  await page.getByRole("link", { name: "Check the passages that changed" }).click();
  await expect(page.getByRole("region", { name: "Passages that need your decision" }).getByText("Changed", { exact: true }).first()).toBeVisible();
  await expect(page.locator("mark.hl")).toHaveText("the bridge would cost 40 million reais and open in September", { timeout: 2_000 });
});
