// The change feed of live updates (lib/live, ADR 0011) against a real PostgreSQL: which topics a write
// names, the order changes are handed out in, catching up from a change id, and who may follow what.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { readSettledChanges } from "@/lib/live/read-settled-changes";
import { authorizeLiveTopics } from "@/lib/live/authorize-live-topics";
import { openLiveStream } from "@/lib/live/open-live-stream";
import { getLivePosition } from "@/lib/live/get-live-position";
import { listPresentPeople } from "@/lib/live/list-present-people";
import { topicOf, type LiveEvent, type LiveTopic } from "@/lib/live/live-topics";
import { relateClaims } from "@/lib/relations/relate-claims";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { expectDomainError, importSmallArticle, makeClaim, makeUser, verdictContent } from "@/test/integration/support";

async function readStream(stream: ReadableStream<Uint8Array>, until: (text: string) => boolean): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 10_000;
  while (!until(text) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  await reader.cancel();
  return text;
}

/**
 * readSettledChanges, asked again until `enough` holds (10 s at most): a transaction still open
 * anywhere on the server (another test's) holds back what committed after it began.
 */
async function settledChanges(after: string, enough: (events: LiveEvent[]) => boolean, topics?: LiveTopic[]): Promise<LiveEvent[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { events } = await readSettledChanges(getDb(), after, topics);
    if (enough(events) || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("live changes", () => {
  it("names the article, claim and verdict pages a write shows on, in commit-safe order", async () => {
    const editor = await makeUser("editor");
    const start = await getLivePosition(editor);
    const { articleId, revisionId, text, token } = await importSmallArticle(editor);
    const at = text.indexOf(`reference ${token}`);
    const quoted = await makeClaim(editor, { passage: { articleRevisionId: revisionId, start: at, end: at + 10 + token.length, exact: `reference ${token}` } });
    const other = await makeClaim(editor);
    await relateClaims(editor, { type: "supports", fromClaimId: quoted.id, toClaimId: other.id, rationale: "the same talks" });
    const { verdictId } = await saveVerdictDraft(editor, { claimId: quoted.id, expectedVersion: null, ...verdictContent() });

    const byEditor = (events: LiveEvent[]) => events.filter((event) => event.actorId === editor.id);
    const mine = byEditor(await settledChanges(start, (events) => byEditor(events).length >= 5));
    expect(mine.map((event) => event.topics.sort())).toEqual([
      [`article:${articleId}`],
      [`article:${articleId}`, `claim:${quoted.id}`].sort(),
      [`claim:${other.id}`],
      [`claim:${other.id}`, `claim:${quoted.id}`].sort(),
      ["queue", `claim:${quoted.id}`, `verdict:${verdictId}`].sort(),
    ]);
    const ids = mine.map((event) => BigInt(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));

    // Catching up from the id of the third change gives the last two, and only the topics asked for.
    const resumed = await readSettledChanges(getDb(), mine[2]!.id, [`claim:${quoted.id}`]);
    expect(resumed.events.filter((event) => event.actorId === editor.id).map((event) => event.id)).toEqual([mine[3]!.id, mine[4]!.id]);
  });

  it("holds back a committed change while an older transaction may still commit before it", async () => {
    const editor = await makeUser("editor");
    const start = await getLivePosition(editor);
    const topic = topicOf("claim", randomUUID());
    let releaseOlder: () => void = () => {};
    const olderWaits = new Promise<void>((resolve) => (releaseOlder = resolve));
    let olderStarted: () => void = () => {};
    const olderHasId = new Promise<void>((resolve) => (olderStarted = resolve));
    const older = getDb().$transaction(
      async (tx) => {
        await tx.workbenchChange.create({ data: { actorId: editor.id, kind: "data", topics: [topic, "older"] } });
        olderStarted();
        await olderWaits;
      },
      { timeout: 10_000 },
    );
    await olderHasId;
    await getDb().workbenchChange.create({ data: { actorId: editor.id, kind: "data", topics: [topic, "newer"] } });

    const whileOpen = await readSettledChanges(getDb(), start, [topic]);
    expect(whileOpen.events).toEqual([]);
    releaseOlder();
    await older;
    const afterCommit = await settledChanges(start, (events) => events.length >= 2, [topic]);
    expect(afterCommit.map((event) => event.topics.filter((name) => name !== topic))).toEqual([["older"], ["newer"]]);
    // A follower that had read on from whileOpen.position misses neither.
    const resumed = await readSettledChanges(getDb(), whileOpen.position, [topic]);
    expect(resumed.events).toHaveLength(2);
  });

  it("streams only the topics asked for, catching up from Last-Event-ID first", async () => {
    const editor = await makeUser("editor");
    const first = await makeClaim(editor);
    const since = await getLivePosition(editor);
    const unrelated = await makeClaim(editor);
    await relateClaims(editor, { type: "contradicts", fromClaimId: first.id, toClaimId: unrelated.id, rationale: "opposite figures" });
    const stream = await openLiveStream(editor, { topics: [`claim:${first.id}`], since });
    const text = await readStream(stream, (received) => received.includes("event: data"));
    expect(text).toContain(`"topics":["claim:${first.id}"]`);
    expect(text).not.toContain(unrelated.id);
  });

  it("shows a follower to the others while the stream is open, and no longer once the browser leaves", async () => {
    const [editor, colleague] = [await makeUser("editor"), await makeUser("editor")];
    const { id } = await makeClaim(editor);
    const topic = topicOf("claim", id);
    const leave = new AbortController();
    const stream = await openLiveStream(editor, { topics: [topic], present: topic }, leave.signal);
    const reader = stream.getReader();
    await reader.read();
    const present = async () => (await listPresentPeople(colleague, { topic })).map((person) => person.name);
    for (let tries = 0; tries < 50 && (await present()).length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await present()).toEqual([editor.name]);
    expect(await listPresentPeople(editor, { topic })).toEqual([]);
    leave.abort();
    for (let tries = 0; tries < 50 && (await present()).length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await present()).toEqual([]);
    // What was queued before the browser left is still read, then the stream ends.
    let ended = false;
    for (let reads = 0; reads < 20 && !ended; reads++) ended = (await reader.read()).done;
    expect(ended).toBe(true);
  });

  it("lets only signed-in, active staff follow records that exist", async () => {
    const editor = await makeUser("editor");
    const admin = await makeUser("admin");
    const disabled = await makeUser("editor", "disabled");
    const { id } = await makeClaim(editor);
    await expect(authorizeLiveTopics(admin, [`claim:${id}`, "queue"])).resolves.toMatchObject({ id: admin.id });
    await expectDomainError(authorizeLiveTopics(null, [`claim:${id}`]), "unauthenticated");
    await expectDomainError(authorizeLiveTopics(disabled, [`claim:${id}`]), "forbidden");
    await expectDomainError(authorizeLiveTopics(editor, [`article:${id}`]), "not_found");
    await expectDomainError(openLiveStream(editor, { topics: ["users:everyone"] }), "invalid");
    await expectDomainError(openLiveStream(editor, { topics: [`claim:${id}`], present: `verdict:${randomUUID()}` }), "invalid");
  });
});
