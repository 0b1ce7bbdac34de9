import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { createUser, db } from "./support/database";
import { signInDirectly } from "./support/sign-in";

// One journey through other fact-checkers' work: an editor uploads a CSV with a bad row, sees the row
// named in the preview, maps a column, confirms importing only the good row, follows the progress,
// and finds "Already checked by" on the claim it checks.
test("an editor imports another fact-checker's CSV with a bad row and sees it on the matching claim", async ({ page }) => {
  const token = randomUUID().slice(0, 8);
  const editor = await createUser("editor", "exchange");
  const statement = `The contacts with US officials had his express authorisation, said minister ${token}`;
  const claimId = randomUUID();
  await db().query(`INSERT INTO claims (id, statement, claimant, language, created_by_id, updated_at) VALUES ($1, $2, 'Nicolás Maduro', 'en', $3, now())`, [
    claimId,
    statement,
    editor.id,
  ]);
  const reviewUrl = `https://verify.example.org/checks/${token}`;
  const csv = [
    "Fact-checker,Link,Statement,Who said it,Verdict,Lang",
    `Example Verify,${reviewUrl},"${statement}",Nicolás Maduro,Pants on Fire,en`,
    `Example Verify,not a web address,Another claim ${token},Someone,False,en`,
  ].join("\n");

  await signInDirectly(page, editor.email, editor.password, "/workbench/exchange/import");
  await page.locator("#exchange-file").setInputFiles({ name: `reviews-${token}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "1 item has a problem" })).toBeVisible();
  await expect(preview.getByRole("row", { name: "line 3 the review's address must be an http(s) address" })).toBeVisible();
  await preview.getByLabel("Claimant").selectOption("Who said it");
  await preview.getByRole("button", { name: "Check again with these columns" }).click();
  await expect(preview.getByRole("row", { name: /line 2 .* Example Verify/ })).toBeVisible();

  const importButton = preview.getByRole("button", { name: "Import 1 fact-check" });
  await expect(importButton).toBeDisabled();
  await expectNoAxeViolations(page);
  await preview.getByLabel("Import only the 1 good row and leave out the 1 with a problem").check();
  await importButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 1;" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveAttribute("value", "1");

  await page.goto(`/workbench/claims/${claimId}`);
  // This run's review (earlier runs' reviews of a similar claim may be listed beside it).
  const checkedBy = page.getByRole("region", { name: /Already checked elsewhere/ }).getByRole("listitem").filter({ has: page.locator(`a[href="${reviewUrl}"]`) });
  await expect(checkedBy).toContainText("Already checked by Example Verify: Their rating: “Pants on Fire”");
  await expect(checkedBy.getByRole("img", { name: /Rating: False/ })).toBeVisible();
  await expect(checkedBy.getByRole("link", { name: /Read their fact-check/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
