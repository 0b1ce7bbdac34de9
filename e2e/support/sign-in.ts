import { expect, type Page } from "@playwright/test";

export const DEMO = {
  editor: "editor@claimwork.example",
  reviewer: "reviewer@claimwork.example",
  admin: "admin@claimwork.example",
};

export function demoPassword(): string {
  const password = process.env.DEMO_PASSWORD;
  if (!password) throw new Error("DEMO_PASSWORD is not set: run the end-to-end tests through npm test");
  return password;
}

/** Signs in through the sign-in page, as a person would, and waits for the workbench. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/workbench$/);
}
