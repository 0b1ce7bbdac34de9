import { createHash, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { createUser, db } from "./support/database";
import { signIn, signInDirectly } from "./support/sign-in";

// Accounts: an admin invites a person, who opens the link, chooses a password and signs in; an admin
// gives a reset link; a user changes their password. No admin ever chooses anyone's password.

/** Fills the link page's two fields by keyboard only, and submits with Enter. */
async function choosePasswordByKeyboard(page: Page, password: string): Promise<void> {
  const field = page.getByLabel("New password", { exact: true });
  for (let presses = 0; presses < 30 && !(await field.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(field).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("New password again")).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
}

test("an admin invites a person, who opens the link, chooses a password and signs in; the link works once", async ({ page, browser }) => {
  const admin = await createUser("admin", "inviting");
  const email = `invited-${randomUUID().slice(0, 8)}@e2e.claimwork.example`;
  const name = `Invited ${randomUUID().slice(0, 6)}`;
  await signInDirectly(page, admin.email, admin.password);
  await page.getByRole("navigation", { name: "Workbench" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Invite a person" })).toBeVisible();
  const invite = page.getByRole("form", { name: "Invite a person" });
  await invite.getByLabel("Name").fill(name);
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("reviewer");
  await invite.getByRole("button", { name: "Make an invitation link" }).click();
  const linkField = page.getByLabel(`Invitation link for ${email}`);
  await expect(linkField).toBeVisible();
  await expectNoAxeViolations(page);
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/account\/link\/[A-Za-z0-9_-]{43}$/);
  const token = link.split("/").at(-1)!;
  await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();

  // No account exists yet, and the database holds only the token's hash.
  expect((await db().query(`SELECT 1 FROM users WHERE email = $1`, [email])).rowCount).toBe(0);
  const stored = await db().query<{ token_hash: string }>(`SELECT token_hash FROM account_links WHERE email = $1`, [email]);
  expect(stored.rows).toEqual([{ token_hash: createHash("sha256").update(token).digest("hex") }]);

  const person = await browser.newContext();
  const personPage = await person.newPage();
  await personPage.goto(link);
  await expect(personPage.getByRole("heading", { name: "Welcome to Claimwork" })).toBeVisible();
  await expect(personPage.getByText(email)).toBeVisible();
  await expectNoAxeViolations(personPage);
  const password = `my own password ${randomUUID().slice(0, 8)}`;
  await choosePasswordByKeyboard(personPage, password);
  await expect(personPage.getByRole("main").getByRole("status")).toContainText("Your password is set");

  await signIn(personPage, email, password);
  await expect(personPage.locator(".wb-bar .who")).toContainText(name);
  await expect(personPage.locator(".wb-bar .role-badge")).toHaveText("reviewer");

  // Used once, for good.
  await personPage.goto(link);
  await expect(personPage.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await person.close();
});

test("an admin gives a reset link; the person chooses a new password and the old one stops working", async ({ page, browser }) => {
  const admin = await createUser("admin", "resetting");
  const user = await createUser("editor", "forgetful");
  await signInDirectly(page, admin.email, admin.password, "/workbench/users");
  await page.getByRole("button", { name: `Reset link for ${user.name}` }).click();
  const linkField = page.getByLabel(`Password reset link for ${user.email}`);
  await expect(linkField).toBeVisible();
  const link = await linkField.inputValue();

  const person = await browser.newContext();
  const personPage = await person.newPage();
  await personPage.goto(link);
  await expect(personPage.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(personPage);
  // Too short: the server says why (the browser's own check is bypassed to see the message).
  await personPage.locator("form").evaluate((form) => form.setAttribute("novalidate", ""));
  await personPage.getByLabel("New password", { exact: true }).fill("short");
  await personPage.getByLabel("New password again").fill("short");
  await personPage.getByRole("button", { name: "Set password" }).click();
  await expect(personPage.getByRole("main").getByRole("alert")).toContainText("at least 12 characters");
  const password = `a new password ${randomUUID().slice(0, 8)}`;
  await personPage.getByLabel("New password", { exact: true }).fill(password);
  await personPage.getByLabel("New password again").fill(password);
  await personPage.getByRole("button", { name: "Set password" }).click();
  await expect(personPage.getByRole("main").getByRole("status")).toContainText("Your password is set");

  await personPage.goto("/signin");
  await personPage.getByLabel("Email").fill(user.email);
  await personPage.getByLabel("Password").fill(user.password);
  await personPage.getByRole("button", { name: "Sign in" }).click();
  await expect(personPage.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await signIn(personPage, user.email, password);
  await person.close();
});

test("a user changes their password from Your account: signed out everywhere, then in with the new one", async ({ page, browser }) => {
  const user = await createUser("reviewer", "changing");
  const elsewhere = await browser.newContext();
  const elsewherePage = await elsewhere.newPage();
  await signInDirectly(elsewherePage, user.email, user.password);

  await signInDirectly(page, user.email, user.password);
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectNoAxeViolations(page);
  const password = `changed password ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("not your current password");

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin\?changed=1/);
  await expect(page.getByRole("status")).toContainText("Your password was changed");

  // The other browser's session ended too.
  await elsewherePage.goto("/workbench");
  await expect(elsewherePage).toHaveURL(/\/signin/);
  await elsewhere.close();

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/workbench\/account$/);
});
