import { expect, test, type Request } from "@playwright/test";
import { count, createUser, userRole } from "./support/database";
import { signInDirectly } from "./support/sign-in";

/** The server action POST the browser sent: what an attacker could replay by hand. */
type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

function capture(request: Request): CapturedAction {
  const headers = request.headers();
  return {
    url: request.url(),
    headers: { "next-action": headers["next-action"] ?? "", "content-type": headers["content-type"] ?? "", accept: "text/x-component" },
    body: request.postDataBuffer() ?? Buffer.alloc(0),
  };
}

test("a demoted reviewer loses review at once, and a disabled user is signed out on the next request", async ({ browser }) => {
  const admin = await createUser("admin", "admin");
  const reviewer = await createUser("reviewer", "reviewer");
  const adminPage = await (await browser.newContext()).newPage();
  const reviewerPage = await (await browser.newContext()).newPage();

  await signInDirectly(reviewerPage, reviewer.email, reviewer.password);
  await expect(reviewerPage.getByRole("region", { name: "Awaiting your review" })).toBeVisible();

  await signInDirectly(adminPage, admin.email, admin.password, "/workbench/users");
  const row = adminPage.getByRole("row").filter({ hasText: reviewer.email });
  await row.getByLabel(`Role of ${reviewer.name}`, { exact: true }).selectOption("editor");
  await row.getByRole("button", { name: `Save role of ${reviewer.name}` }).click();
  await expect(row.getByRole("status")).toHaveText("Saved");
  expect((await userRole(reviewer.id)).role).toBe("editor");

  // Same session cookie, next request: the role is read from the database, not from the token.
  await reviewerPage.reload();
  await expect(reviewerPage.locator("main .role-badge")).toHaveText("editor");
  await expect(reviewerPage.getByRole("region", { name: "Awaiting your review" })).toHaveCount(0);

  await row.getByRole("button", { name: `Disable ${reviewer.name}` }).click();
  await expect(row.getByRole("button", { name: `Enable ${reviewer.name}` })).toBeVisible();
  await reviewerPage.goto("/workbench");
  await expect(reviewerPage).toHaveURL(/\/signin/);
});

test("a server action replayed by a direct POST without a session, or with an editor's session, writes nothing", { lock: "-exclusive-" }, async ({ browser, playwright }) => {
  const admin = await createUser("admin", "admin");
  const target = await createUser("editor", "target");
  const editor = await createUser("editor", "editor");

  // The admin's browser makes one legitimate change; we keep the request it sent.
  const adminPage = await (await browser.newContext()).newPage();
  await signInDirectly(adminPage, admin.email, admin.password, "/workbench/users");
  const row = adminPage.getByRole("row").filter({ hasText: target.email });
  const sent = adminPage.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await row.getByLabel(`Role of ${target.name}`, { exact: true }).selectOption("reviewer");
  await row.getByRole("button", { name: `Save role of ${target.name}` }).click();
  const action = capture(await sent);
  await expect(row.getByRole("status")).toHaveText("Saved");
  expect((await userRole(target.id)).role).toBe("reviewer");

  // Put the role back through the UI, then replay the captured "make reviewer" POST as others.
  await row.getByLabel(`Role of ${target.name}`, { exact: true }).selectOption("editor");
  await row.getByRole("button", { name: `Save role of ${target.name}` }).click();
  await expect.poll(async () => (await userRole(target.id)).role).toBe("editor");
  const auditBefore = await count("audit_events");

  const anonymous = await playwright.request.newContext();
  const anonymousReply = await anonymous.post(action.url, { headers: action.headers, data: action.body });
  expect(anonymousReply.status()).toBeLessThan(500);
  expect(await anonymousReply.text()).toContain("Please sign in to do this.");

  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signInDirectly(editorPage, editor.email, editor.password);
  const editorReply = await editorContext.request.post(action.url, { headers: action.headers, data: action.body });
  expect(editorReply.status()).toBeLessThan(500);
  expect(await editorReply.text()).toContain("You are not allowed to do this.");

  expect((await userRole(target.id)).role).toBe("editor");
  expect(await count("audit_events")).toBe(auditBefore);
  await anonymous.dispose();
});
