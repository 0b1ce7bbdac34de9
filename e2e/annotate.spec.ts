import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { createUser, db } from "./support/database";
import { signInDirectly } from "./support/sign-in";
import { selectWithKeyboard, selectWithMouse } from "./support/text-selection";

const token = randomUUID().slice(0, 8);
const ENGLISH = [
  `Caracas talks ${token}`,
  "",
  "Washington (AFP)",
  "",
  "The White House said on Wednesday that its contacts with Caracas aimed only at the departure of the president.",
  "",
  `The president of Venezuela insisted on state television that the meetings were held with his express authorisation, reference ${token}.`,
  "",
  "Opposition leaders said the talks were about free elections and nothing else.",
  "",
  "© 2019 AFP",
].join("\n");
const FRENCH = [
  `Les contacts de Caracas ${token}`,
  "",
  "Le président vénézuélien a affirmé à la télévision d’État que ces rencontres avaient reçu son autorisation expresse, selon l’AFP.",
  "",
  `L’opposition a contesté cette version et parlé d’élections libres, référence ${token}.`,
].join("\n");

const ENGLISH_QUOTE = "the meetings were held with his express authorisation";
const FRENCH_QUOTE = "ces rencontres avaient reçu son autorisation expresse";

test("an editor imports two files at once, anchors claims with mouse and keyboard across languages, and handles a revision", async ({ page }) => {
  test.setTimeout(120_000);
  const editor = await createUser("editor", "annotator");
  await signInDirectly(page, editor.email, editor.password);

  // Two files at once, each with its own progress and result.
  await page.goto("/workbench/articles/import");
  await page.getByLabel("Choose files").setInputFiles([
    { name: `english-${token}.txt`, mimeType: "text/plain", buffer: Buffer.from(ENGLISH) },
    { name: `french-${token}.txt`, mimeType: "text/plain", buffer: Buffer.from(FRENCH) },
  ]);
  const files = page.getByRole("list", { name: "Files" });
  await expect(files.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("progressbar", { name: `Progress of english-${token}.txt` })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: `Progress of french-${token}.txt` })).toBeVisible();
  await expect(files.getByText("Check the details, then import")).toHaveCount(2);
  // The importer proposed the outlet from the dateline and the language of each text.
  await expect(page.getByLabel("Outlet").first()).not.toHaveValue("");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Import all 2 checked files" }).click();
  await expect(files.getByText("Imported", { exact: true })).toHaveCount(2);

  // Open the English article and create a claim from a mouse selection.
  await files.getByRole("listitem", { name: `english-${token}.txt` }).getByRole("link", { name: "Open the article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Caracas talks ${token}`);
  await selectWithMouse(page, ENGLISH_QUOTE);
  await page.getByRole("button", { name: "Create claim from selection" }).click();
  await page.getByLabel("Statement (short, in its own language)").fill(`The meetings had his express authorisation ${token}`);
  await page.getByLabel("Claimant (who made it)").fill("Nicolás Maduro");
  await page.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByText("Claim created from the selection.")).toBeVisible();
  await expect(page.locator("mark.hl")).toHaveText(ENGLISH_QUOTE);
  const englishUrl = page.url();
  await expectNoAxeViolations(page);

  // In the French article, select with the keyboard and attach to the same claim.
  await page.goto("/workbench/articles");
  await page.getByRole("link", { name: `Les contacts de Caracas ${token}` }).click();
  await selectWithKeyboard(page, FRENCH_QUOTE);
  await page.getByRole("button", { name: "Attach to existing claim" }).click();
  await page.getByLabel("Find the claim (any article, English or French)").fill(`authorisation ${token}`);
  await page.getByRole("list", { name: "Matching claims" }).getByRole("button", { name: new RegExp(`express authorisation ${token}`) }).click();
  await expect(page.getByText(/Passage attached to/)).toBeVisible();
  await expect(page.locator("mark.hl")).toHaveText(FRENCH_QUOTE);
  const claimLanguages = await db().query<{ language: string }>(
    `SELECT a.language FROM passages p JOIN articles a ON a.id = p.article_id JOIN claims c ON c.id = p.claim_id WHERE c.statement = $1 ORDER BY a.language`,
    [`The meetings had his express authorisation ${token}`],
  );
  expect(claimLanguages.rows.map((row) => row.language)).toEqual(["en", "fr"]);

  // The outlet updates its story: a paragraph is inserted above, the passage moves.
  await page.goto(englishUrl);
  await page.getByRole("link", { name: "New revision" }).click();
  const moved = ENGLISH.replace("Washington (AFP)\n\n", "Washington (AFP)\n\nUpdated at 18:00 with reactions from the opposition.\n\n");
  await page.getByLabel("New text of the article").fill(moved);
  await page.getByRole("button", { name: "Save as revision 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Revision 2 saved" })).toContainText("1 moved");
  await page.getByRole("link", { name: "Check the passages that changed" }).click();
  const decisions = page.getByRole("region", { name: "Passages that need your decision" });
  await expect(decisions.getByText("Moved", { exact: true })).toBeVisible();
  await expect(page.locator("mark.hl")).toHaveText(ENGLISH_QUOTE);
  await decisions.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Passage confirmed in its new place.")).toBeVisible();
  await expect(decisions).toHaveCount(0);

  // A later edit destroys the passage: it is orphaned, shown, and re-attached by the editor.
  await page.getByRole("link", { name: "New revision" }).click();
  const destroyed = moved.replace(
    `The president of Venezuela insisted on state television that the meetings were held with his express authorisation, reference ${token}.`,
    `The president of Venezuela, speaking on state television, said he had personally approved every one of these meetings, reference ${token}.`,
  );
  await page.getByLabel("New text of the article").fill(destroyed);
  await page.getByRole("button", { name: "Save as revision 3" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Revision 3 saved" })).toContainText("1 lost");
  await page.getByRole("link", { name: "Check the passages that changed" }).click();
  await expect(decisions.getByText("Lost", { exact: true })).toBeVisible();
  await expect(decisions.getByText("Revision 2 said:")).toBeVisible();
  await expect(page.locator("mark.hl")).toHaveCount(0);
  await decisions.getByRole("button", { name: "Re-attach…" }).click();
  await selectWithMouse(page, "he had personally approved every one of these meetings");
  await page.getByRole("button", { name: "Re-attach passage here" }).click();
  await expect(page.getByText("The passage is attached to the selected text.")).toBeVisible();
  await expect(page.locator("mark.hl")).toHaveText("he had personally approved every one of these meetings");

  // Earlier revisions stay readable, with the passage where it was.
  await page.getByRole("navigation", { name: "Revisions" }).getByRole("link", { name: "1", exact: true }).click();
  await expect(page.getByText("This is an earlier revision")).toBeVisible();
  await expect(page.locator("mark.hl")).toHaveText(ENGLISH_QUOTE);
});

test("bad uploads get a clear answer and nothing is saved", { lock: "-exclusive-" }, async ({ page }) => {
  const editor = await createUser("editor", "uploader");
  await signInDirectly(page, editor.email, editor.password);
  const before = await db().query<{ n: string }>("SELECT count(*)::text AS n FROM articles");
  await page.goto("/workbench/articles/import");
  const cases = [
    { name: `empty-${token}.txt`, buffer: Buffer.alloc(0), message: "The file is empty." },
    { name: `binary-${token}.txt`, buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]), message: "binary" },
    { name: `latin1-${token}.txt`, buffer: Buffer.from("Le président a été très clair à ce sujet.", "latin1"), message: "Windows-1252" },
    { name: `huge-${token}.txt`, buffer: Buffer.alloc(3 * 1024 * 1024, "a"), message: "MiB limit" },
  ];
  await page.getByLabel("Choose files").setInputFiles(cases.map(({ name, buffer }) => ({ name, mimeType: "text/plain", buffer })));
  for (const { name, message } of cases) {
    const item = page.getByRole("list", { name: "Files" }).getByRole("listitem", { name });
    await expect(item.getByRole("status")).toHaveText("Refused");
    await expect(item).toContainText(message);
  }
  const after = await db().query<{ n: string }>("SELECT count(*)::text AS n FROM articles");
  expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
});

test("HTML full of scripts and event handlers is stored as clean text", async ({ page }) => {
  const editor = await createUser("editor", "html");
  await signInDirectly(page, editor.email, editor.password);
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Hostile page ${token}</title>
<script>alert("head")</script><style>p { color: red }</style></head>
<body onload="alert('body')"><h1>Hostile page ${token}</h1>
<p>The minister spoke <img src=x onerror="alert('img')"> at length about the &lt;script&gt; tag.</p>
<svg onload="alert('svg')"><circle r="4"/></svg><a href="javascript:alert('link')">a link</a>
<iframe src="javascript:alert('frame')"></iframe><p>Second paragraph ${token}.</p></body></html>`;
  await page.goto("/workbench/articles/import");
  await page.getByLabel("Choose files").setInputFiles([{ name: `hostile-${token}.html`, mimeType: "text/html", buffer: Buffer.from(html) }]);
  const item = page.getByRole("list", { name: "Files" }).getByRole("listitem", { name: `hostile-${token}.html` });
  await expect(item.getByRole("status")).toHaveText("Check the details, then import");
  await item.getByRole("button", { name: `Import hostile-${token}.html` }).click();
  await expect(item.getByRole("status")).toHaveText("Imported");
  await item.getByRole("link", { name: "Open the article" }).click();
  const text = page.locator('[aria-label^="Article text"]');
  await expect(text).toContainText(`Second paragraph ${token}.`);
  await expect(text).toContainText("about the <script> tag.");
  const stored = await db().query<{ text: string }>(
    "SELECT r.text FROM article_revisions r JOIN articles a ON a.id = r.article_id WHERE a.title = $1",
    [`Hostile page ${token}`],
  );
  const storedText = stored.rows[0]?.text ?? "";
  for (const forbidden of ["alert(", "onerror", "onload", "javascript:", "<svg", "color: red"]) expect(storedText).not.toContain(forbidden);
  expect(dialogs).toBe(0);
});

test("a passage with offsets outside the text or a wrong quote, sent straight to the server action, is refused", { lock: "-exclusive-" }, async ({ page }) => {
  const editor = await createUser("editor", "direct");
  await signInDirectly(page, editor.email, editor.password, "/workbench/articles");
  await page.getByRole("link").filter({ hasText: "The White House tried Wednesday" }).click();
  await selectWithMouse(page, "the United States continues to strengthen their sanctions");
  await page.getByRole("button", { name: "Create claim from selection" }).click();
  await page.getByLabel("Claimant (who made it)").fill("Opposition");
  const sent = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await page.getByRole("button", { name: "Save claim" }).click();
  const request = await sent;
  await expect(page.getByText("Claim created from the selection.")).toBeVisible();

  const [input] = JSON.parse(request.postData() ?? "[]") as [{ passage: { start: number; end: number; exact: string } } & Record<string, unknown>];
  const headers = { "next-action": request.headers()["next-action"] ?? "", "content-type": request.headers()["content-type"] ?? "", accept: "text/x-component" };
  const claimsBefore = await db().query<{ n: string }>("SELECT count(*)::text AS n FROM claims");
  for (const [passage, message] of [
    [{ ...input.passage, start: 999_999, end: 1_000_010 }, "outside the article's text"],
    [{ ...input.passage, exact: "words the article never said" }, "does not match the article's text"],
  ] as const) {
    const reply = await page.request.post(request.url(), { headers, data: JSON.stringify([{ ...input, statement: `Forged ${token}`, passage }]) });
    expect(reply.status()).toBeLessThan(500);
    expect(await reply.text()).toContain(message);
  }
  const claimsAfter = await db().query<{ n: string }>("SELECT count(*)::text AS n FROM claims");
  expect(claimsAfter.rows[0]?.n).toBe(claimsBefore.rows[0]?.n);
});

test("an HTML page's own details are proposed at import, and corrected afterwards on the article page", async ({ page }) => {
  const editor = await createUser("editor", "details");
  await signInDirectly(page, editor.email, editor.password);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="canonical" href="https://daily.example/vote-${token}">
<meta property="og:site_name" content="Caracas Daily"><meta name="author" content="Ana Pérez">
<meta property="article:published_time" content="2024-07-02T13:30:00Z">
<meta property="article:modified_time" content="2024-07-03T08:00:00Z"></head>
<body><h1>Vote disputed ${token}</h1><p>The opposition claimed victory on Sunday, reference ${token}.</p></body></html>`;
  await page.goto("/workbench/articles/import");
  await page.getByLabel("Choose files").setInputFiles([{ name: `details-${token}.html`, mimeType: "text/html", buffer: Buffer.from(html) }]);
  const item = page.getByRole("list", { name: "Files" }).getByRole("listitem", { name: `details-${token}.html` });
  await expect(item.getByRole("status")).toHaveText("Check the details, then import");
  await expect(item.getByLabel("Address (URL)")).toHaveValue(`https://daily.example/vote-${token}`);
  await expect(item.getByLabel("Outlet", { exact: true })).toHaveValue("Caracas Daily");
  await expect(item.getByLabel("Author(s)")).toHaveValue("Ana Pérez");
  await expect(item.getByLabel("Published")).toHaveValue("2024-07-02");
  await expect(item.getByLabel("Updated by the outlet")).toHaveValue("2024-07-03");
  await item.getByRole("button", { name: `Import details-${token}.html` }).click();
  await item.getByRole("link", { name: "Open the article" }).click();

  await page.getByRole("button", { name: "Edit details" }).click();
  const form = page.getByRole("form", { name: "Article details" });
  await form.getByLabel("Author(s)").fill("Ana Pérez, Luis Gómez");
  await expectNoAxeViolations(page);
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();
  await expect(page.locator("p.meta").first()).toContainText("Ana Pérez, Luis Gómez");
  const stored = await db().query<{ published_at: Date; source_updated_at: Date }>("SELECT published_at, source_updated_at FROM articles WHERE url = $1", [
    `https://daily.example/vote-${token}`,
  ]);
  // The form shows days; the page's times of day are kept.
  expect(stored.rows).toEqual([{ published_at: new Date("2024-07-02T13:30:00Z"), source_updated_at: new Date("2024-07-03T08:00:00Z") }]);
  const audit = await db().query<{ after: Record<string, unknown> }>(
    `SELECT e.after FROM audit_events e JOIN articles a ON a.id::text = e.entity_id::text WHERE e.action = 'article.details_updated' AND a.url = $1`,
    [`https://daily.example/vote-${token}`],
  );
  expect(audit.rows.map((row) => row.after)).toEqual([{ version: 2, author: "Ana Pérez, Luis Gómez" }]);
});
