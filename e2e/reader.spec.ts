import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";

test("a reader finds the seeded fact-check on the home page and reads it with its ClaimReview data", async ({ page }) => {
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ hasText: "The contacts with US officials had his express authorisation" });
  await expect(card).toBeVisible();
  await expect(card.getByLabel(/Rating: Mixed, 3 on a scale of 1 \(false\) to 5 \(true\)/)).toBeVisible();
  await expectNoAxeViolations(page);

  await card.getByRole("link").click();
  await expect(page).toHaveURL(/\/fact-checks\/the-contacts-with-us-officials-had-his-express-authorisation$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contacts took place; Maduro's claim of authorisation is disputed");
  await expect(page.getByText("Claimed by Nicolás Maduro")).toBeVisible();
  // The quoted passages, highlighted, with the articles they come from.
  await expect(page.locator("mark").filter({ hasText: 'he insists that they received his "express authorization"' })).toBeVisible();
  await expect(page.locator("mark").filter({ hasText: "these meetings are held expressly with his presidential authorization" })).toBeVisible();

  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
  const claimReview = JSON.parse(jsonLd ?? "null") as {
    "@type": string;
    claimReviewed: string;
    reviewRating: Record<string, unknown>;
    itemReviewed: { author: { name: string }; appearance: unknown[] };
  };
  expect(claimReview["@type"]).toBe("ClaimReview");
  expect(claimReview.claimReviewed).toBe("The contacts with US officials had his express authorisation");
  expect(claimReview.reviewRating).toMatchObject({ ratingValue: 3, bestRating: 5, worstRating: 1, alternateName: "Mixed" });
  expect(claimReview.itemReviewed.author.name).toBe("Nicolás Maduro");
  expect(claimReview.itemReviewed.appearance).toHaveLength(2);
  // Shared anywhere, the page names its one address and the newsroom.
  const address = new URL(page.url()).pathname;
  expect(new URL((await page.locator('link[rel="canonical"]').getAttribute("href"))!).pathname).toBe(address);
  expect(new URL((await page.locator('meta[property="og:url"]').getAttribute("content"))!).pathname).toBe(address);
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", /\S/);
  await expectNoAxeViolations(page);
});

test("an unknown fact-check is a plain 404", async ({ page }) => {
  const response = await page.goto("/fact-checks/no-such-fact-check");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("the health endpoint reports the database as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
});

test("a reader searches published fact-checks by words and filters by rating", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search fact-checks" }).fill("authorisation contacts");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=authorisation\+contacts/);
  const results = page.getByRole("list", { name: "Matching fact-checks" });
  await expect(results.getByRole("link", { name: "Contacts took place; Maduro's claim of authorisation is disputed" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Rating", { exact: true }).selectOption("false");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No published fact-check matches this search.")).toBeVisible();
});
