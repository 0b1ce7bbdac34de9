// Discussion, assignments and notifications (issue 12): who may comment, resolve and assign; four eyes
// for reviewer assignments; mentions, replies, assignments and decisions reach the right inboxes, in
// the transaction of the write, and nobody else's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { postComment } from "@/lib/discussion/post-comment";
import { setThreadResolved } from "@/lib/discussion/set-thread-resolved";
import { getDiscussion } from "@/lib/discussion/get-discussion";
import { assignClaim } from "@/lib/assignments/assign-claim";
import { assignVerdictReviewer } from "@/lib/assignments/assign-verdict-reviewer";
import { getAssignmentQueues } from "@/lib/assignments/get-assignment-queues";
import { listBoard } from "@/lib/assignments/list-board";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { databaseRefusal, expectRefusedWithoutWrites, importSmallArticle, makeClaim, makeUser, rowsWrittenBy, unique, verdictContent, verdictIn } from "@/test/integration/support";

const db = getDb();
let editor: Actor, otherEditor: Actor, reviewer: Actor, otherReviewer: Actor, admin: Actor, bystander: Actor;

beforeAll(async () => {
  [editor, otherEditor, reviewer, otherReviewer, admin, bystander] = await Promise.all([
    makeUser("editor"), makeUser("editor"), makeUser("reviewer"), makeUser("reviewer"), makeUser("admin"), makeUser("editor"),
  ]);
});
afterAll(() => db.$disconnect());

const inbox = async (actor: Actor) => (await listNotifications(actor, {})).items;

describe("discussion", () => {
  it("a reviewer asks with a mention, the editor is notified, answers, and either resolves and reopens the thread", async () => {
    const claim = await makeClaim(editor);
    const written = await rowsWrittenBy(() => postComment(reviewer, { claimId: claim.id, body: `@${editor.name} where does the 12% come from? https://example.org/report` }));
    expect(written).toEqual({ discussion_threads: 1, comments: 1, notifications: 1, audit_events: 1 });
    const [mention] = await inbox(editor);
    expect(mention).toMatchObject({ kind: "mention", actorName: reviewer.name, claimId: claim.id, read: false });
    expect(mention!.excerpt).toContain("where does the 12% come from?");
    const { threads } = await getDiscussion(editor, { claimId: claim.id });
    const thread = threads[0]!;

    // The editor answers: the reviewer, who opened the thread, is told of the reply; nobody else is.
    const bystanderBefore = await countUnreadNotifications(bystander);
    await postComment(editor, { threadId: thread.id, body: "From the ministry's annual report, table 4." });
    expect((await inbox(reviewer))[0]).toMatchObject({ kind: "reply", actorName: editor.name, href: `/workbench/claims/${claim.id}#thread-${thread.id}` });
    expect(await countUnreadNotifications(bystander)).toBe(bystanderBefore);

    const resolved = await setThreadResolved(editor, { threadId: thread.id, expectedVersion: thread.version, resolved: true });
    // A stale version, or answering a resolved thread, is refused and writes nothing.
    await expectRefusedWithoutWrites(() => setThreadResolved(reviewer, { threadId: thread.id, expectedVersion: thread.version, resolved: false }), "conflict");
    await expectRefusedWithoutWrites(() => postComment(reviewer, { threadId: thread.id, body: "One more thing" }), "illegal_transition");
    await setThreadResolved(reviewer, { threadId: thread.id, expectedVersion: resolved.version, resolved: false });
    const after = (await getDiscussion(admin, { claimId: claim.id })).threads[0]!;
    expect(after.resolved).toBeNull();
    expect(after.comments.map((comment) => comment.authorName)).toEqual([reviewer.name, editor.name]);
    const audit = await db.auditEvent.findMany({ where: { entityType: "discussion_thread", entityId: thread.id }, orderBy: { id: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["comment.posted", "comment.posted", "thread.resolved", "thread.reopened"]);
  });

  it("threads on a verdict revision belong to the revision and show on its claim", async () => {
    const verdict = await verdictIn("in_review", { author: editor, reviewer });
    const { threadId } = await postComment(reviewer, { verdictRevisionId: verdict.revisionId!, body: "The summary overstates the approval." });
    expect((await getDiscussion(editor, { verdictRevisionId: verdict.revisionId! })).threads.map((thread) => thread.id)).toEqual([threadId]);
    const onClaim = await getDiscussion(editor, { claimId: verdict.claimId });
    expect(onClaim.threads[0]).toMatchObject({ id: threadId, revision: { id: verdict.revisionId, number: 1 } });
  });

  it("admins may read but not write; nobody comments on a claim that does not exist; comments cannot be altered", async () => {
    const claim = await makeClaim(editor);
    await expectRefusedWithoutWrites(() => postComment(admin, { claimId: claim.id, body: "An admin's remark" }), "forbidden");
    await expectRefusedWithoutWrites(() => postComment(editor, { claimId: "00000000-0000-4000-8000-000000000000", body: "Hello" }), "not_found");
    await expectRefusedWithoutWrites(() => postComment(editor, { claimId: claim.id, body: "   " }), "invalid");
    const { commentId } = await postComment(editor, { claimId: claim.id, body: "Kept as written" });
    expect((await databaseRefusal((tx) => tx.comment.update({ where: { id: commentId }, data: { body: "Rewritten" } }))).code).toBe("23000");
    expect((await getDiscussion(admin, { claimId: claim.id })).canWrite).toBe(false);
  });

  it("mentions resolve to active colleagues only, and nobody is notified twice or of their own comment", async () => {
    const claim = await makeClaim(editor);
    const { threadId } = await postComment(editor, { claimId: claim.id, body: `Starting here, @${editor.name}` });
    expect(await db.notification.count({ where: { threadId } })).toBe(0);
    const { mentionedUserIds } = await postComment(reviewer, { threadId, body: `@${editor.name} and @${admin.name} and @${otherReviewer.name}, please look` });
    // Admins take no part in discussions; the editor started the thread and is mentioned: one notice, a mention.
    expect(mentionedUserIds.sort()).toEqual([editor.id, otherReviewer.id].sort());
    const notices = await db.notification.findMany({ where: { threadId }, select: { recipientId: true, kind: true } });
    expect(notices.sort((a, b) => a.recipientId.localeCompare(b.recipientId))).toEqual(
      [{ recipientId: editor.id, kind: "mention" }, { recipientId: otherReviewer.id, kind: "mention" }].sort((a, b) => a.recipientId.localeCompare(b.recipientId)),
    );
  });
});

describe("assignments", () => {
  it("a claim goes to an editor, who is notified and finds it in Assigned to me and Waiting for me", async () => {
    const claim = await makeClaim(otherEditor);
    const written = await rowsWrittenBy(() => assignClaim(reviewer, { claimId: claim.id, assigneeId: otherEditor.id }));
    expect(written).toEqual({ claim_assignments: 1, notifications: 1, audit_events: 1 });
    expect((await inbox(otherEditor))[0]).toMatchObject({ kind: "claim_assigned", claimId: claim.id, actorName: reviewer.name });
    const queues = await getAssignmentQueues(otherEditor);
    expect(queues.assignedToMe.find((item) => item.claimId === claim.id)).toMatchObject({ as: "editor", waitingForMe: true });
    expect(queues.waitingForMe.some((item) => item.claimId === claim.id)).toBe(true);
    // Assigning it again to the same person changes nothing.
    expect(await rowsWrittenBy(() => assignClaim(reviewer, { claimId: claim.id, assigneeId: otherEditor.id }))).toEqual({});
    await assignClaim(editor, { claimId: claim.id, assigneeId: null });
    expect((await getAssignmentQueues(otherEditor)).assignedToMe.some((item) => item.claimId === claim.id)).toBe(false);
  });

  it("admins may not assign, and nobody hands a claim to an admin or a disabled user", async () => {
    const claim = await makeClaim(editor);
    const disabled = await makeUser("editor", "disabled");
    await expectRefusedWithoutWrites(() => assignClaim(admin, { claimId: claim.id, assigneeId: editor.id }), "forbidden");
    await expectRefusedWithoutWrites(() => assignClaim(editor, { claimId: claim.id, assigneeId: admin.id }), "invalid");
    await expectRefusedWithoutWrites(() => assignClaim(editor, { claimId: claim.id, assigneeId: disabled.id }), "invalid");
  });

  it("four eyes: a verdict's reviewer is never one of its authors, nor an editor", async () => {
    const verdict = await verdictIn("in_review", { author: reviewer, reviewer: otherReviewer });
    const error = await expectRefusedWithoutWrites(() => assignVerdictReviewer(editor, { verdictId: verdict.verdictId, assigneeId: reviewer.id }), "forbidden");
    expect(error.message).toContain("four eyes");
    await expectRefusedWithoutWrites(() => assignVerdictReviewer(editor, { verdictId: verdict.verdictId, assigneeId: otherEditor.id }), "invalid");
    // The database refuses it too, whatever the code above it does.
    expect((await databaseRefusal((tx) => tx.verdictAssignment.create({ data: { verdictId: verdict.verdictId, assigneeId: reviewer.id, assignedById: editor.id } }))).code).toBe("23514");

    await assignVerdictReviewer(editor, { verdictId: verdict.verdictId, assigneeId: otherReviewer.id });
    const notice = (await inbox(otherReviewer))[0]!;
    expect(notice).toMatchObject({ kind: "verdict_assigned", href: `/workbench/review/${verdict.revisionId}` });
    expect((await getAssignmentQueues(otherReviewer)).waitingForMe.find((item) => item.claimId === verdict.claimId)).toMatchObject({ as: "reviewer" });
  });

  it("a draft contributor cannot be assigned as reviewer of the next revision", async () => {
    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
    const edited = await saveVerdictDraft(otherReviewer, { claimId: claim.id, expectedVersion: draft.version, ...verdictContent() });
    await expectRefusedWithoutWrites(() => assignVerdictReviewer(editor, { verdictId: draft.verdictId, assigneeId: otherReviewer.id }), "forbidden");
    await assignVerdictReviewer(editor, { verdictId: draft.verdictId, assigneeId: reviewer.id });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: edited.version });
    // Decisions on my verdict: both authors hear of it; the reviewer who decided does not.
    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "request_changes", comment: "Source the approval." });
    for (const author of [editor, otherReviewer]) {
      expect((await inbox(author))[0]).toMatchObject({ kind: "verdict_changes_requested", claimId: claim.id, excerpt: "Source the approval." });
    }
    expect(await db.notification.count({ where: { recipientId: reviewer.id, claimId: claim.id, kind: "verdict_changes_requested" } })).toBe(0);
  });
});

describe("notifications", () => {
  it("marks one or all read, only one's own, with an audit row", async () => {
    const claim = await makeClaim(editor);
    const { threadId } = await postComment(reviewer, { claimId: claim.id, body: `@${bystander.name} first` });
    await postComment(reviewer, { threadId, body: `@${bystander.name} second` });
    await postComment(editor, { threadId, body: `@${otherEditor.name} third` });
    const mine = await inbox(bystander);
    const unread = await countUnreadNotifications(bystander);
    expect(unread).toBeGreaterThanOrEqual(2);

    // Someone else's notification ids mark nothing.
    expect(await markNotificationsRead(otherEditor, { notificationIds: [mine[0]!.id] })).toEqual({ marked: 0 });
    expect(await countUnreadNotifications(bystander)).toBe(unread);
    expect(await markNotificationsRead(bystander, { notificationIds: [mine[0]!.id] })).toEqual({ marked: 1 });
    expect(await countUnreadNotifications(bystander)).toBe(unread - 1);
    expect((await listNotifications(bystander, { unreadOnly: true })).items.some((item) => item.id === mine[0]!.id)).toBe(false);
    const written = await rowsWrittenBy(() => markNotificationsRead(bystander, { all: true }));
    expect(written).toEqual({ audit_events: 1 });
    expect(await countUnreadNotifications(bystander)).toBe(0);
    expect(await countUnreadNotifications(otherEditor)).toBeGreaterThan(0);
  });

  it("approval and publication reach the author, once each, and never the reviewer who decided", async () => {
    const verdict = await verdictIn("published", { author: otherEditor, reviewer });
    const kinds = (await db.notification.findMany({ where: { claimId: verdict.claimId }, orderBy: { createdAt: "asc" } })).map((row) => [row.recipientId, row.kind]);
    expect(kinds).toEqual([[otherEditor.id, "verdict_approved"], [otherEditor.id, "verdict_published"]]);
  });
});

describe("board", () => {
  it("puts each claim in its verdict status column, filtered by assignee, tag, language and article", async () => {
    const tag = `board-${unique()}`;
    const article = await importSmallArticle(editor);
    const exact = article.text.slice(0, 20);
    const quoted = await makeClaim(editor, { tags: [tag], passage: { articleRevisionId: article.revisionId, start: 0, end: exact.length, exact } });
    const french = await makeClaim(editor, { tags: [tag], language: "fr" });
    await saveVerdictDraft(editor, { claimId: french.id, expectedVersion: null, ...verdictContent() });
    await assignClaim(reviewer, { claimId: quoted.id, assigneeId: otherEditor.id });
    const cardsOf = (board: Awaited<ReturnType<typeof listBoard>>) =>
      Object.fromEntries(board.columns.filter((column) => column.cards.length > 0).map((column) => [column.column, column.cards.map((card) => card.claimId)]));

    // Admins may look at the board too: it only reads.
    expect(cardsOf(await listBoard(admin, { tag }))).toEqual({ none: [quoted.id], draft: [french.id] });
    expect(cardsOf(await listBoard(editor, { tag, language: "fr" }))).toEqual({ draft: [french.id] });
    expect(cardsOf(await listBoard(editor, { tag, articleId: article.articleId }))).toEqual({ none: [quoted.id] });
    const mine = await listBoard(editor, { tag, assigneeId: otherEditor.id });
    expect(cardsOf(mine)).toEqual({ none: [quoted.id] });
    expect(mine.columns.find((column) => column.column === "none")!.cards[0]!.editorName).toBe(otherEditor.name);
    const draftColumn = await listBoard(editor, { tag, column: "draft" });
    expect(draftColumn.columns.map((column) => [column.column, column.total])).toEqual([["draft", 1]]);
    await expectRefusedWithoutWrites(() => listBoard(editor, { cursor: "not-a-cursor", column: "draft" }), "invalid");
  });
});
