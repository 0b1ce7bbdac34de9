import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { DEMO, demoPassword, signIn } from "./support/sign-in";

test("an anonymous reader who opens a workbench URL is sent to sign-in, and comes back after", async ({ page }) => {
  await page.goto("/workbench/users");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fworkbench%2Fusers$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(DEMO.admin);
  await page.getByLabel("Password").fill(demoPassword());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/workbench\/users$/);
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
});

test("an editor signs in, reaches the workbench with their role and queues, and signs out", async ({ page }) => {
  await signIn(page, DEMO.editor, demoPassword());
  await expect(page.getByRole("heading", { name: /Good to see you/ })).toBeVisible();
  await expect(page.getByText("editor@claimwork.example")).toBeVisible();
  await expect(page.locator("main .role-badge")).toHaveText("editor");
  await expect(page.getByRole("region", { name: "Your drafts" })).toBeVisible();
  // Editors do not review: the reviewer queue is not offered to them.
  await expect(page.getByRole("region", { name: "Awaiting your review" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password and an unknown account get the same generic message", async ({ page }) => {
  await page.goto("/signin");
  await expectNoAxeViolations(page);

  const messages: string[] = [];
  for (const email of [DEMO.reviewer, "nobody-here@claimwork.example"]) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? "");
  }
  expect(messages).toEqual(["Wrong email or password.", "Wrong email or password."]);
  await expect(page).toHaveURL(/\/signin/);
});
