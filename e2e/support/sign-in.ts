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

/**
 * Signs in the way the sign-in form's script does (next-auth's credentials endpoint, with its CSRF
 * token), from the page's own browser context so that it keeps the same cookies, without drawing
 * the sign-in page first; then opens `path` (the workbench unless said) and checks it stays there.
 * For tests whose subject is not signing in.
 */
export async function signInDirectly(page: Page, email: string, password: string, path = "/workbench"): Promise<void> {
  const request = page.context().request;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(answer.status(), `sign-in of ${email}`).toBe(200);
  await page.goto(path);
  await expect(page).toHaveURL(path);
}
