import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { createUser, db } from "./support/database";
import { publishFrenchFactCheck } from "./support/french-fact-check";
import { signInDirectly } from "./support/sign-in";

// Issue 16: axe on every page in both languages. Each page of the app is opened in English and in
// French and checked with axe: the workbench (as an admin, who may open every page of it) in the
// language the browser asks for, the sign-in, account-link and missing pages likewise, and the reader
// pages at their English and French addresses and for a fact-check in each language. When a page
// is added to app/, its address belongs in one of the lists below.

const LOCALES = [
  { language: "en", browser: "en-GB", nav: "Workbench" },
  { language: "fr", browser: "fr-FR", nav: "Atelier" },
] as const;

type Records = {
  articleId: string;
  claimId: string;
  revisionId: string;
  publishedSlugs: { slug: string; number: number; language: string }[];
};

async function one<T>(sql: string, what: string): Promise<T> {
  const { rows } = await db().query<T & object>(sql);
  if (!rows[0]) throw new Error(`the seeded database has no ${what}`);
  return rows[0];
}

/** A published fact-check in French: the seed's are English; one is published when none is yet. */
async function frenchSlug(baseURL: string): Promise<void> {
  const { rows } = await db().query(
    `SELECT 1 FROM publications p JOIN verdicts v ON v.id = p.verdict_id JOIN claims c ON c.id = v.claim_id WHERE c.language = 'fr' LIMIT 1`,
  );
  if (rows.length === 0) await publishFrenchFactCheck(baseURL);
}

/** Records every page with an id in its address needs: an annotated article, a verdict in review, published fact-checks in each language. */
async function records(baseURL: string): Promise<Records> {
  await frenchSlug(baseURL);
  const article = await one<{ id: string }>(
    `SELECT a.id FROM articles a JOIN article_revisions r ON r.article_id = a.id JOIN passages p ON p.article_revision_id = r.id
      WHERE a.deleted_at IS NULL GROUP BY a.id ORDER BY min(a.created_at) LIMIT 1`,
    "annotated article",
  );
  const verdict = await one<{ claim_id: string; revision_id: string }>(
    `SELECT claim_id, current_revision_id AS revision_id FROM verdicts WHERE current_revision_id IS NOT NULL ORDER BY created_at LIMIT 1`,
    "verdict with a revision",
  );
  const { rows } = await db().query<{ slug: string; number: number; language: string }>(
    `SELECT DISTINCT ON (c.language) p.slug, r.number, c.language
       FROM publications p JOIN verdicts v ON v.id = p.verdict_id JOIN claims c ON c.id = v.claim_id
       JOIN verdict_revisions r ON r.id = p.published_revision_id
      WHERE c.language IN ('en', 'fr') ORDER BY c.language, p.first_published_at`,
  );
  expect(rows.map((row) => row.language)).toEqual(["en", "fr"]);
  return { articleId: article.id, claimId: verdict.claim_id, revisionId: verdict.revision_id, publishedSlugs: rows };
}

function workbenchPages({ articleId, claimId, revisionId }: Records): string[] {
  return [
    "/workbench",
    "/workbench/to-check",
    "/workbench/articles",
    "/workbench/articles/import",
    `/workbench/articles/${articleId}`,
    `/workbench/articles/${articleId}/revise`,
    "/workbench/claims",
    `/workbench/claims/${claimId}`,
    `/workbench/claims/${claimId}/verdict`,
    "/workbench/board",
    "/workbench/review",
    `/workbench/review/${revisionId}`,
    "/workbench/sources",
    "/workbench/inbox",
    "/workbench/graph",
    "/workbench/exchange",
    "/workbench/exchange/import",
    "/workbench/exchange/ratings",
    "/workbench/users",
    "/workbench/audit",
    "/workbench/account",
  ];
}

/** Opens each page, and checks its language and axe; every page is checked even when one fails. */
async function checkPages(page: Page, paths: string[], language: (path: string) => string, ready?: (path: string) => Promise<void>) {
  for (const path of paths) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect.soft(page.locator("html"), path).toHaveAttribute("lang", language(path));
      if (ready) await ready(path);
      await expectNoAxeViolations(page, { soft: true, label: path });
    });
  }
}

for (const { language, browser, nav } of LOCALES) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: browser });

    test(`every workbench page, the sign-in, account-link and missing pages pass axe in ${language}`, async ({ page, baseURL }) => {
      test.setTimeout(300_000);
      const found = await records(baseURL!);
      // Pages for someone signed out: they follow the browser's language.
      await checkPages(page, ["/signin", "/account/link/not-a-real-link-token", "/no-such-page"], () => language);
      const admin = await createUser("admin", `axe-${language}`);
      await signInDirectly(page, admin.email, admin.password);
      await checkPages(page, workbenchPages(found), () => language, async (path) => {
        await expect.soft(page.getByRole("navigation", { name: nav }), path).toBeVisible();
      });
    });
  });
}

test("every reader page passes axe at its English and French addresses, and a fact-check in each language", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const { publishedSlugs } = await records(baseURL!);
  const paths = ["en", "fr"].flatMap((language) => [`/${language}`, `/${language}/search?q=minister`, `/${language}/search?q=zzzz-nothing-matches`, `/${language}/methodology`]);
  const factChecks = publishedSlugs.flatMap(({ slug, number }) => [`/fact-checks/${slug}`, `/fact-checks/${slug}/revisions/${number}`]);
  const languageOf = (path: string) => (path.startsWith("/fr") ? "fr" : path.startsWith("/en") ? "en" : publishedSlugs.find(({ slug }) => path.includes(slug))!.language);
  await checkPages(page, [...paths, ...factChecks], languageOf);
});
