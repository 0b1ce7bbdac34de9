import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { ACTIONS, sessionOf, perform } from "./support/actions";
import { createUser } from "./support/database";
import { signInDirectly } from "./support/sign-in";
import { selectWithMouse } from "./support/text-selection";

// The issue asks for a colleague's change on my open page within 2 s (bench:live measures the delay);
// the test waits a few seconds more, for a shared, loaded machine, and holds no stopwatch.
const SOON = { timeout: 8_000 };
const token = randomUUID().slice(0, 8);
const QUOTE = `the port handled twelve million containers, reference ${token}`;
const ARTICLE = `Port figures ${token}\n\nRotterdam (AFP)\n\nThe harbour master said ${QUOTE}.\n\nUnions said the figure counted empty boxes twice.\n`;

const relateClaims = "app/workbench/claims/[id]/actions.ts#relateClaimsAction";
const updateClaim = "app/workbench/claims/[id]/actions.ts#updateClaimAction";

async function importArticle(page: Page): Promise<string> {
  const answer = await page.request.post("/api/articles", {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: `port-${token}.txt`, mimeType: "text/plain", buffer: Buffer.from(ARTICLE) }, language: "en" },
  });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { articleId: string }).articleId;
}

const liveStatus = (page: Page) => page.getByRole("status", { name: /^Live updates:/ });

test("two editors see each other's claims, links, verdict changes and presence live, and a dropped connection catches up", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const ada = await createUser("editor", "live-ada", `Ada Lovelace ${token}`);
  const bea = await createUser("editor", "live-bea", `Bea Moreau ${token}`);
  const adaPage = await (await browser.newContext()).newPage();
  const beaPage = await (await browser.newContext()).newPage();
  await signInDirectly(adaPage, ada.email, ada.password);
  await signInDirectly(beaPage, bea.email, bea.password);
  const articleId = await importArticle(adaPage);

  // Both open the article: each is shown to the other, by name, labelled for screen readers.
  await adaPage.goto(`/workbench/articles/${articleId}`);
  await beaPage.goto(`/workbench/articles/${articleId}`);
  await expect(beaPage.getByRole("region", { name: "Also on this article" })).toContainText(ada.name, SOON);
  await expect(adaPage.getByRole("region", { name: "Also on this article" })).toContainText(bea.name, SOON);
  await expect(liveStatus(beaPage)).toHaveAccessibleName("Live updates: Live");

  // Ada creates a claim from a selection; Bea's open page lists it without a reload.
  await selectWithMouse(adaPage, QUOTE);
  await adaPage.getByRole("button", { name: "Create claim from selection" }).click();
  await adaPage.getByLabel("Statement (short, in its own language)").fill(`The port handled twelve million containers ${token}`);
  await adaPage.getByLabel("Claimant (who made it)").fill("The harbour master");
  await adaPage.getByRole("button", { name: "Save claim" }).click();
  const beaClaims = beaPage.getByRole("region", { name: "Claims" });
  await expect(beaClaims.getByRole("link", { name: `The port handled twelve million containers ${token}` })).toBeVisible(SOON);
  await expectNoAxeViolations(beaPage);
  const claimId = new URL(await beaClaims.getByRole("link").first().getAttribute("href") ?? "", baseURL).pathname.split("/").pop()!;
  const adaCookie = await sessionOf(baseURL!, ada);

  // Bea is making a claim of her own: Ada's edit waits behind a bar instead of re-rendering her
  // selection and form, and shows when Bea asks for it.
  await selectWithMouse(beaPage, "Unions said the figure counted empty boxes twice");
  await beaPage.getByRole("button", { name: "Create claim from selection" }).click();
  await perform(baseURL!, updateClaim, adaCookie, { claimId, expectedVersion: 1, statement: `The port handled 12 million containers ${token}`, claimant: "The harbour master", language: "en" });
  await expect(beaPage.getByRole("button", { name: "Updated: show" })).toBeVisible(SOON);
  await expect(beaPage.getByLabel("Statement (short, in its own language)")).toHaveValue("Unions said the figure counted empty boxes twice");
  await beaPage.getByRole("form", { name: "New claim" }).getByRole("button", { name: "Cancel" }).click();
  await beaPage.getByRole("button", { name: "Updated: show" }).click();
  await expect(beaClaims.getByRole("link", { name: `The port handled 12 million containers ${token}` })).toBeVisible(SOON);

  // Both on the claim page; Ada links it to another claim, Bea sees the link appear.
  await beaPage.goto(`/workbench/claims/${claimId}`);
  await adaPage.goto(`/workbench/claims/${claimId}`);
  await expect(beaPage.getByRole("region", { name: "Also on this claim" })).toContainText(ada.name, SOON);
  const other = await perform<{ id: string }>(baseURL!, ACTIONS.createClaim, adaCookie, {
    statement: `Empty boxes were counted twice ${token}`,
    claimant: "A union",
    language: "en",
  });
  await perform(baseURL!, relateClaims, adaCookie, { type: "contradicts", fromClaimId: claimId, toClaimId: other.id, rationale: `Double counting ${token}` });
  await expect(beaPage.getByRole("link", { name: `Empty boxes were counted twice ${token}` })).toBeVisible(SOON);

  // A dropped connection: Bea goes offline, Ada writes, Bea comes back and gets what she missed.
  await beaPage.context().setOffline(true);
  await expect(liveStatus(beaPage)).toHaveAccessibleName("Live updates: Reconnecting…", SOON);
  const third = await perform<{ id: string }>(baseURL!, ACTIONS.createClaim, adaCookie, { statement: `Twelve million is a record ${token}`, claimant: "The port", language: "en" });
  await perform(baseURL!, relateClaims, adaCookie, { type: "supports", fromClaimId: third.id, toClaimId: claimId, rationale: `Same figure ${token}` });
  await beaPage.context().setOffline(false);
  await expect(liveStatus(beaPage)).toHaveAccessibleName("Live updates: Live", { timeout: 8_000 });
  await expect(beaPage.getByRole("link", { name: `Twelve million is a record ${token}` })).toBeVisible(SOON);

  // The verdict: Bea has the draft open; Ada types in it (Bea sees her editing), then saves; Bea's
  // form is not replaced under her, an "Updated: show" bar offers Ada's version.
  const { verdictId } = await perform<{ verdictId: string }>(baseURL!, ACTIONS.saveDraft, adaCookie, {
    claimId,
    expectedVersion: null,
    rating: null,
    headline: "",
    summary: "",
    explanation: "",
  });
  expect(verdictId).toBeTruthy();
  await beaPage.goto(`/workbench/claims/${claimId}/verdict`);
  await adaPage.goto(`/workbench/claims/${claimId}/verdict`);
  const beaPresence = beaPage.getByRole("region", { name: "Also on this verdict" });
  await expect(beaPresence).toContainText(ada.name, SOON);
  await adaPage.getByLabel("Headline").fill(`Double counted ${token}`);
  await expect(beaPresence).toContainText(`${ada.name} (editing the draft)`, SOON);
  await adaPage.getByRole("button", { name: "Save draft" }).click();
  await expect(adaPage.getByText("Saved as version 2")).toBeVisible();
  const show = beaPage.getByRole("button", { name: "Updated: show" });
  await expect(show).toBeVisible(SOON);
  await expect(beaPage.getByLabel("Headline")).toHaveValue("");
  await expectNoAxeViolations(beaPage);
  await show.click();
  await expect(beaPage.getByLabel("Headline")).toHaveValue(`Double counted ${token}`);
  // Ada's own save offers her nothing to show.
  await expect(adaPage.getByRole("button", { name: "Updated: show" })).toHaveCount(0);
});
