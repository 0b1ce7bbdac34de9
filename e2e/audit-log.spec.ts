import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ACTIONS, httpSession } from "./support/actions";
import { expectNoAxeViolations } from "./support/accessibility";
import { createUser } from "./support/database";
import { signInDirectly } from "./support/sign-in";

// The audit log for admins: an admin finds a change by person and action, reads what it changed,
// follows it to its record and downloads the rows the filters select; an editor reads none of it.

test("an admin finds a role change in the audit log by person and action, reads before and after, and downloads those rows as CSV", async ({ page, baseURL }) => {
  const admin = await createUser("admin", "auditing");
  const person = await createUser("editor", "promoted");
  const session = await httpSession(baseURL!, admin.email, admin.password);
  await session.must(ACTIONS.changeUserRole, { userId: person.id, role: "reviewer" });

  await signInDirectly(page, admin.email, admin.password);
  await page.getByRole("navigation", { name: "Workbench" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await page.getByLabel("Person").selectOption({ label: `${admin.name} (${admin.email})` });
  await page.getByLabel("Action").selectOption("user.role_changed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=user\.role_changed/);

  const rows = page.getByRole("table", { name: "Audit rows, newest first" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(admin.name);
  await expect(rows.first().locator("dd del")).toHaveText("before: editor");
  await expect(rows.first().locator("dd ins")).toHaveText("after: reviewer");
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these rows as CSV" }).click();
  const csv = readFileSync((await (await downloading).path())!, "utf8").trim().split("\r\n");
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(`"${admin.email}","user.role_changed","user","${person.id}"`);

  await rows.first().getByRole("link", { name: /^User/ }).click();
  await expect(page).toHaveURL(/\/workbench\/users$/);
});

test("an editor has no audit log: no link, the page says so, and the export answers 403", async ({ page }) => {
  const editor = await createUser("editor", "curious");
  await signInDirectly(page, editor.email, editor.password);
  await expect(page.getByRole("navigation", { name: "Workbench" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto("/workbench/audit");
  await expect(page.getByText("Only an admin can read the audit log.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  const answer = await page.request.get("/workbench/audit/export");
  expect(answer.status()).toBe(403);
  expect(await answer.text()).not.toContain("user.");
});
