import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { ACTIONS, perform, sessionOf } from "./support/actions";
import { createUser, type TestUser } from "./support/database";
import { signInDirectly } from "./support/sign-in";

// Issue 12, working together, in Chromium: a reviewer asks a question on a claim with an @mention
// picked from the suggestions; the editor sees the count in the navigation, finds it in the inbox,
// answers and resolves the thread; an assignment reaches the editor's inbox and "Assigned to me".
// The people and the claim are the spec's own, so counts start at zero.

async function signedIn(browser: Browser, user: TestUser, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInDirectly(page, user.email, user.password, path);
  return page;
}

test("a mention and an assignment reach the editor's inbox; the editor answers and resolves the thread", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const editor = await createUser("editor", "writer");
  const reviewer = await createUser("reviewer", "asker");
  const statement = `The ferry fare doubled last year (${editor.id.slice(0, 8)})`;
  const claim = await perform<{ id: string }>(baseURL!, ACTIONS.createClaim, await sessionOf(baseURL!, editor), { statement, claimant: "A port official", language: "en" });
  const claimPath = `/workbench/claims/${claim.id}`;

  // The reviewer types "@" and the first letters of the editor's name, and picks the suggestion by keyboard.
  const asking = await signedIn(browser, reviewer, claimPath);
  const question = asking.getByLabel("Start a thread about this claim");
  await question.click();
  await question.pressSequentially(`@${editor.name.slice(0, 4)}`);
  await expect(asking.getByRole("listbox", { name: "Colleagues to mention" }).getByRole("option", { name: editor.name })).toBeVisible();
  await question.press("Enter");
  await question.pressSequentially("where does the doubling come from? See https://example.org/fares");
  await expect(question).toHaveValue(`@${editor.name} where does the doubling come from? See https://example.org/fares`);
  await asking.getByRole("button", { name: "Post question" }).click();
  const thread = asking.getByRole("article", { name: `Thread started by ${reviewer.name}` });
  await expect(thread.getByRole("link", { name: /https:\/\/example\.org\/fares/ })).toHaveAttribute("rel", "noopener nofollow ugc");

  // The reviewer also assigns the claim to the editor.
  await asking.getByLabel("editor of this claim", { exact: true }).selectOption({ label: editor.name });
  await asking.getByRole("button", { name: "Assign (editor of this claim)" }).click();
  await expect(asking.locator(".as-panel dd").first()).toHaveText(editor.name);

  // The editor sees two unread notifications in the navigation, and both in the inbox.
  const answering = await signedIn(browser, editor, "/workbench");
  await expect(answering.getByTestId("inbox-link")).toHaveText("Inbox2 unread");
  await expect(answering.getByRole("region", { name: "Assigned to me" }).getByRole("link", { name: statement })).toBeVisible();
  await expect(answering.getByRole("region", { name: "Waiting for me" }).getByRole("link", { name: statement })).toBeVisible();
  await answering.getByTestId("inbox-link").click();
  await expect(answering.getByRole("heading", { name: "Inbox" })).toBeVisible();
  const items = answering.locator(".ib-item");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(`${reviewer.name} assigned you a claim`);
  await expect(items.nth(1)).toContainText(`${reviewer.name} mentioned you`);
  await expectNoAxeViolations(answering);

  // Marking the assignment read lowers the count; the mention leads to the thread, which the editor answers and resolves.
  await items.nth(0).getByRole("button", { name: /Mark read/ }).click();
  await expect(answering.getByTestId("inbox-link")).toHaveText("Inbox1 unread");
  await items.nth(1).getByRole("link", { name: statement }).click();
  await expect(answering).toHaveURL(new RegExp(`${claimPath}#thread-`));
  const ownThread = answering.getByRole("article", { name: `Thread started by ${reviewer.name}` });
  await ownThread.getByLabel("Answer").fill("From the port authority's 2025 tariff sheet.");
  await ownThread.getByRole("button", { name: "Post answer" }).click();
  await expect(ownThread.getByText("From the port authority's 2025 tariff sheet.")).toBeVisible();
  await ownThread.getByRole("button", { name: "Resolve thread" }).click();
  await expect(answering.getByRole("article", { name: `Thread started by ${reviewer.name}, resolved` })).toBeVisible();

  // The reviewer is told of the answer; the board shows the claim under "No verdict yet", assigned to the editor.
  await asking.goto("/workbench/inbox");
  await expect(asking.locator(".ib-item").first()).toContainText(`${editor.name} answered in a thread you take part in`);
  await asking.goto(`/workbench/board?assignee=${editor.id}`);
  const column = asking.getByRole("region", { name: /No verdict yet/ });
  await expect(column.getByRole("link", { name: statement })).toBeVisible();
  await expect(column).toContainText(`Editor: ${editor.name}`);
  await expectNoAxeViolations(asking);
});
