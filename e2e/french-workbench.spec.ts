import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { createUser, db } from "./support/database";
import { signInDirectly } from "./support/sign-in";

// The workbench in French (issue 16): each person picks the language from the navigation and keeps it
// on their account, from browser to browser; someone who has not picked one gets their browser's.

/** An article of the seed with at least one claim anchored in it: the annotator has something to show. */
async function annotatedArticleId(): Promise<string> {
  const { rows } = await db().query<{ id: string }>(
    `SELECT a.id FROM articles a JOIN article_revisions r ON r.article_id = a.id JOIN passages p ON p.article_revision_id = r.id
      WHERE a.deleted_at IS NULL GROUP BY a.id ORDER BY a.created_at LIMIT 1`,
  );
  if (!rows[0]) throw new Error("the seeded database has no annotated article");
  return rows[0].id;
}

async function interfaceLanguage(userId: string): Promise<string | null> {
  const { rows } = await db().query<{ interface_language: string | null }>(`SELECT interface_language FROM users WHERE id = $1`, [userId]);
  return rows[0]!.interface_language;
}

const nav = (page: Page) => page.locator("header nav");

test("an editor switches the workbench to French from the navigation, with the keyboard, and keeps it from browser to browser", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const editor = await createUser("editor", "francophone");
  await signInDirectly(page, editor.email, editor.password);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(nav(page).getByRole("link", { name: "Claims", exact: true })).toBeVisible();

  // The switch is a labelled select and a button, reached with Tab like everything else.
  const language = page.getByLabel("Language", { exact: true });
  await expect(language).toHaveValue("");
  await language.focus();
  await language.selectOption("fr");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Apply" })).toBeFocused();
  await page.keyboard.press("Enter");

  // The workbench home in French: navigation, greeting, counts with their plural, queues.
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(nav(page).getByRole("link", { name: "Affirmations", exact: true })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Files d’attente" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour, ${editor.name}`);
  await expect(page.locator(".stat").filter({ hasText: /\d+ affirmations?$/ })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Vos brouillons" })).toBeVisible();
  await expect(page.getByLabel("Langue", { exact: true })).toHaveValue("fr");
  expect(await interfaceLanguage(editor.id)).toBe("fr");

  // The claims list.
  await nav(page).getByRole("link", { name: "Affirmations", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Affirmations");
  await expect(page.getByRole("search", { name: "Rechercher et filtrer les affirmations" })).toBeVisible();
  await expect(page.getByLabel("Rechercher des affirmations")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Auteur" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rechercher" })).toBeVisible();

  // The articles list, with its dates in French, and an article in the annotator.
  await nav(page).getByRole("link", { name: "Articles", exact: true }).click();
  await expect(page.locator(".article-table").getByText(/importé le \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/).first()).toBeVisible();
  await page.goto(`/workbench/articles/${await annotatedArticleId()}`);
  await expect(page.getByRole("complementary", { name: "Affirmations de cet article" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sélection" })).toContainText("Sélectionnez un passage du texte");
  await expect(page.getByRole("heading", { name: /^Affirmations \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Versions" })).toBeVisible();

  // Still French after a reload, and in another browser where the same person signs in: it is theirs, not a cookie's.
  await page.reload();
  await expect(page.getByRole("region", { name: "Sélection" })).toBeVisible();
  const elsewhere = await browser.newContext({ locale: "en-US" });
  const otherPage = await elsewhere.newPage();
  await signInDirectly(otherPage, editor.email, editor.password);
  await expect(otherPage.locator("html")).toHaveAttribute("lang", "fr");
  await expect(nav(otherPage).getByRole("link", { name: "Affirmations", exact: true })).toBeVisible();

  // Back to the browser's language: English again for this English-speaking browser.
  await otherPage.getByLabel("Langue", { exact: true }).selectOption("");
  await otherPage.getByRole("button", { name: "Appliquer" }).click();
  await expect(otherPage.locator("html")).toHaveAttribute("lang", "en");
  await expect(nav(otherPage).getByRole("link", { name: "Claims", exact: true })).toBeVisible();
  expect(await interfaceLanguage(editor.id)).toBeNull();
  await elsewhere.close();
});

test.describe("a browser that asks for French", () => {
  test.use({ locale: "fr-FR" });

  test("a person with no setting gets the sign-in page and the workbench in French", async ({ page }) => {
    const editor = await createUser("editor", "navigateur");
    await page.goto("/signin");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await page.getByLabel("Adresse e-mail").fill(editor.email);
    await page.getByLabel("Mot de passe").fill(editor.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/workbench$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour, ${editor.name}`);
    await expect(page.getByLabel("Langue", { exact: true })).toHaveValue("");
    await page.getByRole("link", { name: /^Votre compte/ }).click();
    await expect(page.getByRole("heading", { name: "Changer votre mot de passe" })).toBeVisible();
    expect(await interfaceLanguage(editor.id)).toBeNull();
  });

  test("a refusal is in French: a claim saved without its claimant names the field and the reason, and nothing is saved", async ({ page }) => {
    const editor = await createUser("editor", "refus");
    const { rows } = await db().query<{ id: string; claimant: string; version: number }>(`SELECT id, claimant, version FROM claims ORDER BY created_at LIMIT 1`);
    const claim = rows[0]!;
    await signInDirectly(page, editor.email, editor.password, `/workbench/claims/${claim.id}`);
    await page.getByRole("button", { name: "Modifier l’affirmation" }).click();
    // A space passes the browser's `required`; the server trims it and refuses.
    await page.getByLabel("Auteur (qui l’a faite)").fill(" ");
    await page.getByRole("button", { name: "Enregistrer l’affirmation" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Rien n’a été enregistré. auteur de l’affirmation : dites qui a fait l’affirmation");
    await expect(page.getByLabel("Auteur (qui l’a faite)")).toHaveAccessibleDescription(/dites qui a fait l’affirmation/);
    const after = await db().query<{ claimant: string; version: number }>(`SELECT claimant, version FROM claims WHERE id = $1`, [claim.id]);
    expect(after.rows[0]).toEqual({ claimant: claim.claimant, version: claim.version });
  });

  test("the workbench pages in French pass axe", async ({ page }) => {
    test.setTimeout(120_000);
    const reviewer = await createUser("reviewer", "accessible");
    await signInDirectly(page, reviewer.email, reviewer.password);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    const { rows } = await db().query<{ claim_id: string; revision_id: string | null }>(
      `SELECT claim_id, current_revision_id AS revision_id FROM verdicts WHERE current_revision_id IS NOT NULL ORDER BY created_at LIMIT 1`,
    );
    const verdict = rows[0]!;
    const pages = [
      "/workbench",
      "/workbench/claims",
      "/workbench/articles",
      `/workbench/articles/${await annotatedArticleId()}`,
      `/workbench/claims/${verdict.claim_id}`,
      `/workbench/claims/${verdict.claim_id}/verdict`,
      "/workbench/review",
      `/workbench/review/${verdict.revision_id}`,
      "/workbench/inbox",
      "/workbench/board",
      "/workbench/sources",
      "/workbench/account",
    ];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("html"), path).toHaveAttribute("lang", "fr");
      await expect(page.getByRole("navigation", { name: "Atelier" })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
});
