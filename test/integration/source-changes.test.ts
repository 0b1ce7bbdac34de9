// Source-change alerts (issue 9, item 3): a new article revision that changes, moves or loses a
// passage quoted by a fact-check in review, approved or published raises exactly one open item,
// which a reviewer closes by confirming it or a new revision closes by going through review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { reviseArticle } from "@/lib/articles/revise-article";
import { addPassage } from "@/lib/claims/add-passage";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { resolveSourceChange } from "@/lib/sources/resolve-source-change";
import { getSourceChangesForVerdict } from "@/lib/sources/get-source-changes-for-verdict";
import { listSourceChanges } from "@/lib/sources/list-source-changes";
import { countSourceChanges } from "@/lib/sources/count-source-changes";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { expectRefusedWithoutWrites, importSmallArticle, makeClaim, makeUser, rowsWrittenBy, unique, verdictContent } from "./support";

const db = getDb();
const encode = (text: string) => new TextEncoder().encode(text);

let editor: Actor;
let reviewer: Actor;
let otherEditor: Actor;
let admin: Actor;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
  otherEditor = await makeUser("editor");
  admin = await makeUser("admin");
});
afterAll(() => db.$disconnect());

const QUOTE = "the contacts had his express authorisation";

/** An article of three paragraphs; the second holds the quoted words. */
async function article() {
  const token = unique();
  const title = `Source change ${token}`;
  const paragraphs = [
    `First paragraph ${token}: the delegation arrived in the capital on Monday evening for talks.`,
    `Second paragraph: the minister said ${QUOTE} from the start.`,
    "Third paragraph: opposition leaders disputed that account the next morning in a statement.",
  ];
  const imported = await importSmallArticle(editor, { title, body: paragraphs.join("\n\n") });
  /** Revises the article to these paragraphs. */
  const revise = (expectedRevisionNumber: number, ...body: string[]) =>
    reviseArticle(editor, { articleId: imported.articleId, expectedRevisionNumber, bytes: encode(`${title}\n\n${body.join("\n\n")}\n`), mediaType: "text/plain" });
  return { ...imported, title, paragraphs, revise };
}

type Stage = "draft" | "in_review" | "approved" | "published";
const STAGES: Stage[] = ["draft", "in_review", "approved", "published"];

/** A fact-check whose claim quotes QUOTE in each of these articles, brought to `stage` by the use cases. */
async function factCheck(stage: Stage, articles: Awaited<ReturnType<typeof article>>[]) {
  const claim = await makeClaim(editor);
  const passageIds: string[] = [];
  for (const source of articles) {
    const start = source.text.indexOf(QUOTE);
    passageIds.push((await addPassage(editor, { claimId: claim.id, articleRevisionId: source.revisionId, start, end: start + QUOTE.length, exact: QUOTE })).id);
  }
  const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
  const verdictId = draft.verdictId;
  const reached = (revisionId?: string) => ({ claimId: claim.id, verdictId, revisionId, passageIds });
  if (stage === "draft") return reached();
  const submitted = await submitVerdict(editor, { verdictId, expectedVersion: draft.version });
  if (STAGES.indexOf(stage) >= STAGES.indexOf("approved")) {
    await reviewVerdict(reviewer, { verdictId, revisionId: submitted.revisionId, decision: "approve" });
  }
  if (stage === "published") await publishVerdict(reviewer, { verdictId, revisionId: submitted.revisionId });
  return reached(submitted.revisionId);
}

const itemsOf = (verdictId: string) => db.sourceChangeItem.findMany({ where: { verdictId }, include: { passages: true }, orderBy: { createdAt: "asc" } });
const versionOf = async (verdictId: string) => (await db.verdict.findUniqueOrThrow({ where: { id: verdictId } })).version;
const openItem = async (verdictId: string) => (await db.sourceChangeItem.findFirstOrThrow({ where: { verdictId, status: "open" } }));

/** Edits the verdict again and submits it: the new revision's snapshot quotes the articles as they are now. */
async function resubmit(verdictId: string, claimId: string) {
  const edited = await saveVerdictDraft(editor, { claimId, expectedVersion: await versionOf(verdictId), ...verdictContent() });
  return submitVerdict(editor, { verdictId, expectedVersion: edited.version });
}

describe("raising source changes", () => {
  it("gives a published fact-check exactly one open item when its quote changes, and keeps it one when the article changes again", async () => {
    const source = await article();
    const [first, second, third] = source.paragraphs;
    const fc = await factCheck("published", [source]);

    const written = await rowsWrittenBy(() => source.revise(1, first!, second!.replace("express", "explicit"), third!));
    expect(written).toMatchObject({ source_change_items: 1, source_change_passages: 1, audit_events: 2 });
    const [item] = await itemsOf(fc.verdictId);
    expect(item).toMatchObject({ status: "open", version: 1 });
    expect(item!.passages).toEqual([expect.objectContaining({ quotedPassageId: fc.passageIds[0], anchorStatus: "fuzzy" })]);

    const view = await getSourceChangesForVerdict(reviewer, { claimId: fc.claimId });
    expect(view?.open?.quotes).toEqual([
      expect.objectContaining({
        approved: expect.objectContaining({ exact: QUOTE }),
        now: "the contacts had his explicit authorisation",
        anchorStatus: "fuzzy",
        article: expect.objectContaining({ title: source.title, revisionNumber: 2 }),
      }),
    ]);
    const diff = view!.open!.quotes[0]!.diff!;
    expect(diff.filter((part) => part.kind === "removed").map((part) => part.text.trim())).toEqual(["express"]);
    expect(diff.filter((part) => part.kind === "added").map((part) => part.text.trim())).toEqual(["explicit"]);

    // The outlet then drops the paragraph: the same item gains the loss.
    const again = await rowsWrittenBy(() => source.revise(2, first!, third!));
    expect(again).toMatchObject({ source_change_passages: 1, audit_events: 2 });
    expect(again.source_change_items).toBeUndefined();
    const items = await itemsOf(fc.verdictId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: "open", version: 2 });
    const lost = (await getSourceChangesForVerdict(reviewer, { verdictId: fc.verdictId }))!.open!.quotes;
    expect(lost).toEqual([expect.objectContaining({ now: null, diff: null, anchorStatus: "orphaned", article: expect.objectContaining({ revisionNumber: 3 }) })]);
    const audits = await db.auditEvent.findMany({ where: { entityType: "source_change_item", entityId: item!.id } });
    expect(audits.map((audit) => audit.action)).toEqual(["source_change.raised", "source_change.raised"]);
  });

  it("tells the fact-check's author of a new item, not the colleague who revised the article, and only once per item", async () => {
    const source = await article();
    const [first, second, third] = source.paragraphs;
    const fc = await factCheck("published", [source]);
    const reviseAs = (actor: Actor, expectedRevisionNumber: number, ...body: string[]) =>
      reviseArticle(actor, { articleId: source.articleId, expectedRevisionNumber, bytes: encode(`${source.title}\n\n${body.join("\n\n")}\n`), mediaType: "text/plain" });
    const notified = () => db.notification.findMany({ where: { claimId: fc.claimId, kind: "source_change" }, select: { recipientId: true, actorId: true } });
    await reviseAs(otherEditor, 1, first!, second!.replace("express", "explicit"), third!);
    expect(await notified()).toEqual([{ recipientId: editor.id, actorId: otherEditor.id }]);
    await reviseAs(otherEditor, 2, first!, third!);
    expect(await notified()).toHaveLength(1);
  });

  it("raises nothing for an unchanged quote, and recognises the quote when a later revision changes it", async () => {
    const source = await article();
    const [first, second, third] = source.paragraphs;
    const fc = await factCheck("published", [source]);
    await source.revise(1, ...source.paragraphs, "A fourth paragraph was added at the end.");
    expect(await itemsOf(fc.verdictId)).toEqual([]);

    // Revision 3 re-anchors from revision 2's passage, which the published snapshot never quoted.
    await source.revise(2, third!, first!, second!);
    const items = await itemsOf(fc.verdictId);
    expect(items).toHaveLength(1);
    expect(items[0]!.passages).toEqual([expect.objectContaining({ quotedPassageId: fc.passageIds[0], anchorStatus: "moved" })]);
  });

  it("raises nothing for a verdict still in draft that was never published, only for the published one", async () => {
    const source = await article();
    const draft = await factCheck("draft", [source]);
    const published = await factCheck("published", [source]);
    const written = await rowsWrittenBy(() => source.revise(1, source.paragraphs[0]!, source.paragraphs[2]!));
    expect(written).toMatchObject({ source_change_items: 1 });
    expect(await itemsOf(draft.verdictId)).toEqual([]);
    expect(await itemsOf(published.verdictId)).toHaveLength(1);
  });

  it("raises one item when two articles quoted by one fact-check are revised at the same moment", async () => {
    const sources = [await article(), await article()];
    const fc = await factCheck("published", sources);
    await Promise.all(sources.map((source) => source.revise(1, source.paragraphs[0]!, source.paragraphs[2]!)));
    const items = await itemsOf(fc.verdictId);
    expect(items).toHaveLength(1);
    expect(new Set(items[0]!.passages.map((passage) => passage.quotedPassageId))).toEqual(new Set(fc.passageIds));
  });
});

describe("deciding on a source change", () => {
  it("refuses to approve a revision quoting a changed passage, until a reviewer confirms that nothing needs to change", async () => {
    const source = await article();
    const fc = await factCheck("in_review", [source]);
    await source.revise(1, source.paragraphs[0]!, source.paragraphs[1]!.replace("express", "explicit"), source.paragraphs[2]!);
    const item = await openItem(fc.verdictId);

    const refusal = await expectRefusedWithoutWrites(
      () => reviewVerdict(reviewer, { verdictId: fc.verdictId, revisionId: fc.revisionId!, decision: "approve" }),
      "conflict",
    );
    expect(refusal.message).toContain(source.title);
    expect(refusal.message).toMatch(/confirm .* or the editor must resubmit/);

    const note = "The outlet only changed a word; the quote still says the same.";
    await expectRefusedWithoutWrites(() => resolveSourceChange(editor, { itemId: item.id, expectedVersion: 1, note }), "forbidden");
    await expectRefusedWithoutWrites(() => resolveSourceChange(reviewer, { itemId: item.id, expectedVersion: 1, note: "" }), "invalid");
    await expectRefusedWithoutWrites(() => resolveSourceChange(reviewer, { itemId: item.id, expectedVersion: 2, note }), "conflict");

    const written = await rowsWrittenBy(() => resolveSourceChange(reviewer, { itemId: item.id, expectedVersion: 1, note }));
    expect(written).toEqual({ audit_events: 1 });
    expect(await db.sourceChangeItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      status: "confirmed",
      resolutionNote: note,
      resolvedById: reviewer.id,
      version: 2,
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: item.id }, orderBy: { id: "desc" } })).toMatchObject({
      action: "source_change.confirmed",
      actorId: reviewer.id,
    });

    const twice = await expectRefusedWithoutWrites(() => resolveSourceChange(reviewer, { itemId: item.id, expectedVersion: 2, note }), "conflict");
    expect(twice.message).toMatch(/already confirmed/);

    await reviewVerdict(reviewer, { verdictId: fc.verdictId, revisionId: fc.revisionId!, decision: "approve" });
    expect((await db.verdict.findUniqueOrThrow({ where: { id: fc.verdictId } })).status).toBe("approved");
  });

  it("refuses to publish an approved revision whose quote changed after the approval, until a reviewer confirms it", async () => {
    const source = await article();
    const fc = await factCheck("approved", [source]);
    await source.revise(1, source.paragraphs[0]!, source.paragraphs[1]!.replace("express", "explicit"), source.paragraphs[2]!);
    const refusal = await expectRefusedWithoutWrites(() => publishVerdict(reviewer, { verdictId: fc.verdictId, revisionId: fc.revisionId! }), "conflict");
    expect(refusal.message).toMatch(/Before it can be published/);
    const item = await openItem(fc.verdictId);
    await resolveSourceChange(reviewer, { itemId: item.id, expectedVersion: item.version, note: "One word changed; the meaning did not." });
    expect(await publishVerdict(reviewer, { verdictId: fc.verdictId, revisionId: fc.revisionId! })).toMatchObject({ corrected: false });
  });

  it("closes the item as revised when a revision quoting the new text is approved", async () => {
    const source = await article();
    const fc = await factCheck("approved", [source]);
    await source.revise(1, source.paragraphs[0]!, source.paragraphs[1]!.replace("express", "explicit"), source.paragraphs[2]!);
    const item = await openItem(fc.verdictId);

    const resubmitted = await resubmit(fc.verdictId, fc.claimId);
    await reviewVerdict(reviewer, { verdictId: fc.verdictId, revisionId: resubmitted.revisionId, decision: "approve" });
    expect(await db.sourceChangeItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      status: "revised",
      resolvedById: reviewer.id,
      resolvedByRevisionId: resubmitted.revisionId,
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: item.id }, orderBy: { id: "desc" } })).toMatchObject({ action: "source_change.revised" });
    const view = await getSourceChangesForVerdict(editor, { verdictId: fc.verdictId });
    expect(view).toMatchObject({ open: null, closed: [expect.objectContaining({ status: "revised", resolution: expect.objectContaining({ revisionNumber: 2 }) })] });
  });

  it("tells readers, in the correction that follows a changed source, when the source was updated", async () => {
    const source = await article();
    const fc = await factCheck("published", [source]);
    const revised = await source.revise(1, source.paragraphs[0]!, source.paragraphs[1]!.replace("express", "explicit"), source.paragraphs[2]!);
    const resubmitted = await resubmit(fc.verdictId, fc.claimId);
    await reviewVerdict(reviewer, { verdictId: fc.verdictId, revisionId: resubmitted.revisionId, decision: "approve" });
    const published = await publishVerdict(reviewer, {
      verdictId: fc.verdictId,
      revisionId: resubmitted.revisionId,
      correction: { kind: "update", whatChanged: "The quote follows the outlet's new wording.", why: "The outlet updated its story." },
    });
    const articleRevision = await db.articleRevision.findUniqueOrThrow({ where: { id: revised.revisionId } });
    const page = await getPublishedFactCheck(published.slug);
    expect(page?.corrections).toMatchObject([{ kind: "update", sourceUpdatedAt: articleRevision.createdAt, fromRevision: 1, toRevision: 2 }]);
    expect(page?.passages.map((passage) => passage.exact)).toEqual([QUOTE.replace("express", "explicit")]);
  });

  it("asks the fact-check's editor and every reviewer, and nobody else", async () => {
    const source = await article();
    const fc = await factCheck("published", [source]);
    const counts = await Promise.all([editor, reviewer, otherEditor, admin].map((actor) => countSourceChanges(actor)));
    await source.revise(1, source.paragraphs[0]!, source.paragraphs[2]!);
    const item = await openItem(fc.verdictId);

    const listed = async (actor: Actor) => (await listSourceChanges(actor)).some((entry) => entry.itemId === item.id);
    expect(await listed(editor)).toBe(true);
    expect(await listed(reviewer)).toBe(true);
    expect(await listed(otherEditor)).toBe(false);
    expect(await listed(admin)).toBe(false);
    const [entry] = (await listSourceChanges(editor)).filter((candidate) => candidate.itemId === item.id);
    expect(entry).toMatchObject({ claimId: fc.claimId, verdictStatus: "published", articles: [{ title: source.title, revisionNumber: 2 }] });

    // Other tests write items meanwhile: the counts grow by at least this one, and stay put for the others.
    expect(await countSourceChanges(editor)).toBeGreaterThan(counts[0]!);
    expect(await countSourceChanges(reviewer)).toBeGreaterThan(counts[1]!);
    expect(await countSourceChanges(otherEditor)).toBe(counts[2]);
    expect(await countSourceChanges(admin)).toBe(0);

    // The editor may read it on the claim page but not decide on it; the reviewer may.
    expect(await getSourceChangesForVerdict(editor, { claimId: fc.claimId })).toMatchObject({ canResolve: false, open: { id: item.id } });
    expect(await getSourceChangesForVerdict(reviewer, { claimId: fc.claimId })).toMatchObject({ canResolve: true });
  });
});
