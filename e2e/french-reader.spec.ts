import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { ARTICLE, HEADLINE, publishFrenchFactCheck, run, STATEMENT } from "./support/french-fact-check";

// Issue 16 (ADR 0018): a French fact-check is a French page, the home page and search read in both
// languages at /en and /fr with hreflang links between them, and the reader cache keeps the two apart.

/** The page's hreflang alternates, by language, as paths with their query. */
async function alternates(page: Page): Promise<Record<string, string>> {
  const links = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute("hreflang")!, node.getAttribute("href")!]));
  return Object.fromEntries(links.map(([lang, href]) => [lang!, (({ pathname, search }) => pathname + search)(new URL(href!))]));
}

/** A date as the French interface writes it ("3 juillet 2024"), from the calendar day in UTC. */
const frenchDay = (date: Date) => new Intl.DateTimeFormat("fr", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);

test("a French reader reads the home page, searches, and reads a French fact-check in French", async ({ page, baseURL }) => {
  // Publishing over HTTP and an axe scan of four pages, on a machine other suites share.
  test.setTimeout(180_000);
  const slug = await publishFrenchFactCheck(baseURL!);
  const publishedOn = frenchDay(new Date());

  // Home, in French: its own address, French words, hreflang links to both languages.
  await page.goto("/fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce qui a été dit, et ce qui tient");
  expect(await alternates(page)).toEqual({ en: "/en", fr: "/fr", "x-default": "/en" });
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/fr`);
  const card = page.getByRole("listitem").filter({ hasText: HEADLINE });
  await expect(card.getByRole("img", { name: "Note : Plutôt faux, 2 sur une échelle de 1 (faux) à 5 (vrai)" })).toBeVisible();
  await expect(card).toContainText(`Publié le ${publishedOn}`);
  await expectNoAxeViolations(page);

  // Search, in French: the form keeps the reader in French.
  await page.getByRole("searchbox", { name: "Rechercher une vérification" }).fill(run);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/search\\?q=${run}`));
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trouver une vérification");
  expect(await alternates(page)).toEqual({ en: `/en/search?q=${run}`, fr: `/fr/search?q=${run}`, "x-default": `/en/search?q=${run}` });
  await expect(page.getByRole("combobox", { name: "Note" }).locator("option")).toHaveText(["Toutes les notes", "Faux", "Plutôt faux", "Mitigé", "Plutôt vrai", "Vrai", "Invérifiable"]);
  await expectNoAxeViolations(page);

  // The fact-check: a French page, French labels and dates, the approved texts as approved.
  await page.getByRole("link", { name: HEADLINE }).click();
  await expect(page).toHaveURL(new RegExp(`/fact-checks/${slug}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADLINE);
  await expect(page.getByText("Vérification", { exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Note : Plutôt faux, 2 sur une échelle de 1 (faux) à 5 (vrai)" })).toContainText("Plutôt faux");
  await expect(page.getByText(`Publié le ${publishedOn}`)).toBeVisible();
  const claim = page.getByRole("region", { name: "La déclaration" });
  await expect(claim.locator("blockquote")).toHaveText(`« ${STATEMENT} »`);
  await expect(claim).toContainText("Déclaration de Le ministre du Travail, 2 juillet 2024");
  await expect(page.getByRole("region", { name: "Sources" }).getByRole("listitem")).toHaveText(`${ARTICLE.details.title}, Le Quotidien, 3 juillet 2024`);
  await expect(page.getByRole("heading", { name: "Notre explication" })).toBeVisible();
  await expect(page.getByText("Selon l'Insee, la part est nettement inférieure.")).toBeVisible();
  await expect(page.locator("mark")).toHaveText(ARTICLE.quote);
  const claimReview = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null") as Record<string, unknown> & { reviewRating: Record<string, unknown> };
  expect(claimReview).toMatchObject({ inLanguage: "fr", claimReviewed: STATEMENT, headline: HEADLINE });
  expect(claimReview.reviewRating).toMatchObject({ ratingValue: 2, alternateName: "Plutôt faux" });
  await expectNoAxeViolations(page);

  // The methodology, in French, with the French scale.
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Méthodologie" }).click();
  await expect(page).toHaveURL(/\/fr\/methodology$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("table").getByRole("img")).toHaveText(["Faux", "Plutôt faux", "Mitigé", "Plutôt vrai", "Vrai", "Invérifiable"].map((name) => new RegExp(name)));
  await expectNoAxeViolations(page);

  // The feed marks the entry as French and names its rating in French.
  const feed = await (await fetch(`${baseURL}/feed.xml`)).text();
  const entry = feed.split("<entry").find((part) => part.includes(`/fact-checks/${slug}"`));
  expect(entry).toMatch(/^ xml:lang="fr">/);
  expect(entry).toContain('label="Plutôt faux"');
});

test("an English reader reads the same pages in English, and the English fact-check stays English", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  for (const [path, heading] of [
    ["/en", "What was said, and what holds up"],
    ["/en/search?q=venezuela", "Find a fact-check"],
    ["/en/methodology", "Methodology"],
    ["/fact-checks/the-contacts-with-us-officials-had-his-express-authorisation", "Contacts took place; Maduro's claim of authorisation is disputed"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expectNoAxeViolations(page);
  }
  const claimReview = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null") as Record<string, unknown> & { reviewRating: Record<string, unknown> };
  expect(claimReview.inLanguage).toBe("en");
  expect(claimReview.reviewRating.alternateName).toBe("Mixed");
  // The language switch leads to the French home page, and the old address still serves English.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(`${baseURL}/fr`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.goto("/fr/search?q=venezuela");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trouver une vérification");
  await expectNoAxeViolations(page);
});

test("the reader cache never gives a French page for an English address, nor the other way round", async ({ baseURL }) => {
  const q = `langue-${run}`;
  const pages = [
    { path: "/fr", lang: "fr" },
    { path: "/en", lang: "en" },
    { path: "/", lang: "en" },
    { path: `/fr/search?q=${q}`, lang: "fr" },
    { path: `/en/search?q=${q}`, lang: "en" },
  ];
  // Each asked, again and again, by browsers and visitors who prefer one language or the other: the
  // first answer may be rendered, the rest come from the cache, and every one is in its address's language.
  const states = new Set<string>();
  for (let round = 0; round < 3; round++) {
    for (const { path, lang } of pages) {
      for (const prefers of ["fr-FR,fr;q=0.9", "en-GB,en;q=0.9"]) {
        const response = await fetch(baseURL + path, { headers: { "accept-language": prefers, cookie: `claimwork-locale=${prefers.slice(0, 2)}` } });
        expect(response.status, path).toBe(200);
        states.add(response.headers.get("x-claimwork-cache") ?? "none");
        expect((await response.text()).match(/<html lang="(\w+)"/)?.[1], `${path} for ${prefers}, round ${round}`).toBe(lang);
      }
    }
  }
  expect(states).toContain("hit");
});
