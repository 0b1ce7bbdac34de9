import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { callServerAction, postCredentials, sessionCookie } from "@/scripts/lib/workbench-client";
import { ACTIONS, serverAction, sessionOf } from "./support/actions";
import { count, createUser, db } from "./support/database";
import { signIn, signInDirectly } from "./support/sign-in";

// Sessions and sign-in from an attacker's side: a copied session cookie after sign-out, guessing
// passwords from many forged addresses, and a callbackUrl that tries to lead off the site.

test("signing out in one browser ends the session everywhere it was copied or opened", async ({ browser, baseURL }) => {
  const user = await createUser("editor", "twice");
  const first = await browser.newContext();
  const firstPage = await first.newPage();
  await signInDirectly(firstPage, user.email, user.password);
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await signInDirectly(secondPage, user.email, user.password);

  // A third browser holds a copy of the first one's cookie, and it works, until the sign-out.
  const copy = await browser.newContext();
  await copy.addCookies(await first.cookies());
  const copyPage = await copy.newPage();
  await copyPage.goto("/workbench");
  await expect(copyPage.locator(".wb-bar .who")).toContainText(user.name);
  const copied = (await first.cookies()).filter((cookie) => cookie.name.includes("next-auth.session-token")).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  expect(copied).not.toBe("");

  await firstPage.getByRole("button", { name: "Sign out" }).click();
  await expect(firstPage).toHaveURL(/\/$/);

  await copyPage.goto("/workbench");
  await expect(copyPage).toHaveURL(/\/signin\?callbackUrl=%2Fworkbench$/);
  await secondPage.goto("/workbench/claims");
  await expect(secondPage).toHaveURL(/\/signin/);

  const statement = `Posted with a copied cookie ${randomUUID()}`;
  const reply = await callServerAction(baseURL!, serverAction(ACTIONS.createClaim), [{ statement, claimant: "A thief", language: "en" }], { cookie: copied });
  expect(reply.result).toMatchObject({ ok: false, error: { code: "unauthenticated", message: "Please sign in to do this." } });
  expect(await count("claims", "statement = $1", [statement])).toBe(0);

  // Signing in again gives a new session that works.
  await signIn(firstPage, user.email, user.password);
  await expect(firstPage.locator(".wb-bar .who")).toContainText(user.name);
});

test("an unknown account and a wrong password get the same answer; failures are throttled per account and counted against the connection, not a forged X-Forwarded-For; the owner's browser still gets in", async ({ baseURL, browser }) => {
  const baseUrl = baseURL!;
  const user = await createUser("editor", "guessed");
  // The owner signed in before in their browser, which keeps a device cookie.
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, user.email, user.password);
  expect((await owner.cookies()).map((cookie) => cookie.name)).toContain("claimwork.device");
  await ownerPage.getByRole("button", { name: "Sign out" }).click();
  await expect(ownerPage).toHaveURL(/\/$/);
  const nobody = `nobody-${randomUUID().slice(0, 8)}@e2e.claimwork.example`;
  const attempt = async (email: string, password: string, forwardedFor: string) => {
    const response = await postCredentials(baseUrl, { email, password, callbackUrl: "/workbench" }, { "x-forwarded-for": forwardedFor });
    return { status: response.status, body: await response.text(), session: sessionCookie(response) };
  };

  const wrongPassword = await attempt(user.email, "not-the-password", "203.0.113.1");
  const unknownAccount = await attempt(nobody, "not-the-password", "203.0.113.2");
  expect(wrongPassword.session).toBeNull();
  expect(unknownAccount.session).toBeNull();
  expect({ status: unknownAccount.status, body: unknownAccount.body }).toEqual({ status: wrongPassword.status, body: wrongPassword.body });

  // Four more failures, each from a different forged address: all come from this one connection's
  // address, so attempts without the owner's device cookie are refused from it all the same.
  for (let n = 3; n <= 6; n++) expect((await attempt(user.email, `wrong-${n}`, `203.0.113.${n}`)).session).toBeNull();
  const locked = await attempt(user.email, user.password, "203.0.113.7");
  expect(locked.session).toBeNull();
  expect(decodeURIComponent(locked.body)).toContain("Too many sign-in attempts");

  // The owner's browser, from that same address (everyone behind one proxy), is not locked out.
  await signIn(ownerPage, user.email, user.password);
  await expect(ownerPage.locator(".wb-bar .who")).toContainText(user.name);
  await owner.close();

  // Every attempt was counted against the address the connection came from.
  const addresses = await db().query<{ ip: string }>(`SELECT DISTINCT ip FROM sign_in_attempts WHERE email = ANY($1)`, [[user.email, nobody]]);
  expect(addresses.rows.map((row) => row.ip)).toEqual(["127.0.0.1"]);
});

test("callbackUrl only ever leads back to this site, on the sign-in page and on the credentials endpoint", async ({ baseURL, browser }) => {
  const baseUrl = baseURL!;
  const site = new URL(baseUrl);
  const hostile = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    `http://${site.host}@evil.example`,
    `http://${site.host}.evil.example/workbench`,
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    encodeURIComponent("//evil.example"),
    encodeURIComponent(encodeURIComponent("https://evil.example")),
    "data:text/html,<script>alert(1)</script>",
  ];
  const user = await createUser("editor", "callback");
  const session = await sessionOf(baseUrl, user);
  const offSite: string[] = [];
  const check = (where: string, target: string | null | undefined) => {
    if (!target) return;
    const url = new URL(target, baseUrl);
    if (url.origin !== site.origin) offSite.push(`${where}: ${target}`);
  };

  for (const value of hostile) {
    // Signed in: the sign-in page redirects straight to the callbackUrl.
    const page = await fetch(`${baseUrl}/signin?callbackUrl=${encodeURIComponent(value)}`, { redirect: "manual", headers: { cookie: session } });
    check(`/signin?callbackUrl=${value}`, page.headers.get("location"));
    // The credentials endpoint, with the callbackUrl in the form and in next-auth's cookie.
    const direct = await postCredentials(baseUrl, { email: user.email, password: user.password, callbackUrl: value });
    check(`credentials callbackUrl=${value}`, ((await direct.json()) as { url?: string }).url);
    const viaCookie = await fetch(`${baseUrl}/api/auth/signin?callbackUrl=${encodeURIComponent(value)}`, { redirect: "manual" });
    check(`/api/auth/signin?callbackUrl=${value}`, viaCookie.headers.get("location"));
  }

  // And in a real browser, the form's navigation after signing in stays on the site.
  for (const value of ["javascript:alert(1)", "//evil.example", `http://${site.host}@evil.example`]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(value)}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseUrl}/workbench`);
    await context.close();
  }
  console.log(`callbackUrl: ${hostile.length} hostile values x 3 entry points, ${offSite.length} led off the site`);
  expect(offSite).toEqual([]);
});
