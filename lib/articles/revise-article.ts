import { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import type { AnchorStatus } from "@/lib/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { parseArticle } from "@/lib/articles/parse-article";
import { randomUUID } from "node:crypto";
import { lost, type AnchorResult } from "@/lib/anchoring/reanchor";
import { reanchorRevision } from "@/lib/anchoring/reanchor-revision";
import { STORED_STATUS } from "@/lib/anchoring/passage-status";
import { createSelectors, type PassageSelectors } from "@/lib/anchoring/create-selectors";
import { parseInput } from "@/lib/validation";
import { raiseSourceChanges, type ReanchoredPassage } from "@/lib/sources/raise-source-changes";

export const reviseArticleSchema = z.object({
  articleId: z.uuid(),
  /** The revision the editor was looking at: a newer one in the meantime is a conflict. */
  expectedRevisionNumber: z.number().int().min(1),
});

export type ReanchorSummary = { anchored: number; moved: number; fuzzy: number; orphaned: number };

/**
 * Gives an article a new revision (the outlet updated its story). Every passage of the current
 * revision is re-anchored into the new text (diff first, lib/anchoring/reanchor-revision.ts) as a
 * new passage row linked to the old one: kept, moved, changed (the new wording, for the editor to
 * confirm, stored as fuzzy) or lost (orphaned), never silently put in a doubtful place.
 * The earlier revision and its passages stay as they were.
 */
export async function reviseArticle(
  actor: Actor,
  rawInput: z.input<typeof reviseArticleSchema> & { bytes: Uint8Array; mediaType: string },
): Promise<{ revisionId: string; revisionNumber: number; summary: ReanchorSummary }> {
  requirePermission(actor, "articles.write");
  const input = parseInput(reviseArticleSchema, rawInput);
  const parsed = await parseArticle(rawInput.bytes, rawInput.mediaType);
  if (!parsed.ok) throw invalid(parsed.refusal);

  // Re-anchoring works on the two texts alone, within its time budget: done before the write
  // transaction, so that a slow one neither holds the article's lock nor runs into the
  // transaction's time limit. Inside, passages are taken from here unless they changed meanwhile.
  const opened = await currentRevision(getDb(), input.articleId, input.expectedRevisionNumber, parsed.textHash);
  const reanchoredEarly = reanchorPassages(opened.text, parsed.text, opened.passages);

  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM articles WHERE id = ${input.articleId}::uuid FOR UPDATE`;
    const current = await currentRevision(tx, input.articleId, input.expectedRevisionNumber, parsed.textHash);
    const late = current.passages.filter((passage) => reanchoredEarly.get(passage.id)?.key !== selectorKey(passage));
    const reanchoredLate = late.length === 0 ? new Map() : reanchorPassages(current.text, parsed.text, late);
    const placementOf = (passage: StoredPassage): Placement => (reanchoredLate.get(passage.id) ?? reanchoredEarly.get(passage.id))!;

    const revision = await tx.articleRevision.create({
      data: {
        articleId: input.articleId,
        number: current.number + 1,
        raw: new Uint8Array(rawInput.bytes),
        rawMediaType: rawInput.mediaType,
        text: parsed.text,
        textHash: parsed.textHash,
        createdById: actor.id,
      },
      select: { id: true, number: true },
    });

    const summary: ReanchorSummary = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    const reanchored: ReanchoredPassage[] = [];
    const rows: PassageRow[] = [];
    const taken = new Set<string>();
    for (const passage of current.passages) {
      let { result: anchor, selectors } = placementOf(passage);
      // Two passages of one claim edited into one range: the claim keeps one passage there.
      const place = anchor.status === "lost" ? "" : `${passage.claimId}:${anchor.start}:${anchor.end}`;
      if (anchor.status !== "lost" && taken.has(place)) {
        anchor = lost("Another passage of this claim now has the same place.");
        selectors = null;
      }
      taken.add(place);
      const status = STORED_STATUS[anchor.status];
      summary[status]++;
      // A lost passage keeps its stored quote, so the editor can see what was lost and re-attach it.
      const { quote, position } = selectors ?? { quote: passage, position: { start: null, end: null } };
      const row: PassageRow = {
        id: randomUUID(),
        claimId: passage.claimId,
        articleId: input.articleId,
        articleRevisionId: revision.id,
        previousPassageId: passage.id,
        createdById: actor.id,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        start: position.start,
        end: position.end,
        status,
        confidence: anchor.confidence,
      };
      rows.push(row);
      reanchored.push({ before: passage, after: { id: row.id, exact: row.exact, status, confidence: anchor.confidence } });
    }
    await insertPassages(tx, rows);
    // Fact-checks that quote a passage this revision changed, moved or lost need a decision.
    await raiseSourceChanges(tx, actor, { articleId: input.articleId, articleRevisionId: revision.id, text: parsed.text, passages: reanchored });

    await tx.article.update({ where: { id: input.articleId }, data: { version: { increment: 1 } } });
    await recordAuditEvent(tx, actor, {
      action: "article.revised",
      entityType: "article",
      entityId: input.articleId,
      before: { revisionId: current.id, revisionNumber: current.number },
      after: { revisionId: revision.id, revisionNumber: revision.number, textHash: parsed.textHash, reanchored: summary },
    });
    return { revisionId: revision.id, revisionNumber: revision.number, summary };
  });
}

/**
 * One INSERT of arrays, column by column: an article may have thousands of passages, and a row-by-row
 * insert (or Prisma's createMany, a parameter per value) takes seconds of the transaction's five.
 */
async function insertPassages(tx: Tx, rows: PassageRow[]): Promise<void> {
  const column = <K extends keyof PassageRow>(key: K): PassageRow[K][] => rows.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO passages (id, claim_id, article_id, article_revision_id, previous_passage_id, created_by_id,
                          exact, prefix, suffix, start, "end", status, confidence, updated_at)
    SELECT id, claim_id, article_id, article_revision_id, previous_passage_id, created_by_id,
           exact, prefix, suffix, start, "end", status, confidence, now()
      FROM unnest(${column("id")}::uuid[], ${column("claimId")}::uuid[], ${column("articleId")}::uuid[],
                  ${column("articleRevisionId")}::uuid[], ${column("previousPassageId")}::uuid[], ${column("createdById")}::uuid[],
                  ${column("exact")}::text[], ${column("prefix")}::text[], ${column("suffix")}::text[],
                  ${column("start")}::int[], ${column("end")}::int[], ${column("status")}::"AnchorStatus"[], ${column("confidence")}::float8[])
        AS row (id, claim_id, article_id, article_revision_id, previous_passage_id, created_by_id,
                exact, prefix, suffix, start, "end", status, confidence)`;
}

type PassageRow = {
  id: string;
  claimId: string;
  articleId: string;
  articleRevisionId: string;
  previousPassageId: string;
  createdById: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  status: AnchorStatus;
  confidence: number;
};

type StoredPassage = { id: string; claimId: string; exact: string; prefix: string; suffix: string; start: number | null; end: number | null; status: AnchorStatus };

/** The article's current revision with its passages, checked against what the editor saw. */
async function currentRevision(db: Tx | ReturnType<typeof getDb>, articleId: string, expectedNumber: number, newTextHash: string) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    include: { revisions: { orderBy: { number: "desc" }, take: 1, omit: { raw: true }, include: { passages: true } } },
  });
  if (!article || article.deletedAt) throw notFound("article");
  const current = article.revisions[0];
  if (!current) throw notFound("articleText");
  if (current.number !== expectedNumber) {
    throw conflict({ key: "articleRevisedMeanwhile", params: { number: current.number } });
  }
  if (current.textHash === newTextHash) throw invalid({ key: "sameArticleText" });
  return current;
}

/** What re-anchoring was given for a passage: a passage re-attached meanwhile is re-anchored again. */
function selectorKey(passage: StoredPassage): string {
  return JSON.stringify([passage.exact, passage.prefix, passage.suffix, passage.start, passage.end]);
}

/** A passage's re-anchoring and, when it has a place, its selectors in the new text. */
type Placement = { key: string; result: AnchorResult; selectors: PassageSelectors | null };

/** Done before the transaction: the selectors too (cutting context between graphemes is not free). */
function reanchorPassages(oldText: string, newText: string, passages: StoredPassage[]): Map<string, Placement> {
  const placed = passages.filter((passage) => passage.start !== null && passage.end !== null);
  const results = reanchorRevision(
    oldText,
    newText,
    placed.map((passage) => ({ exact: passage.exact, prefix: passage.prefix, suffix: passage.suffix, start: passage.start!, end: passage.end! })),
  );
  const byId = new Map<string, Placement>();
  placed.forEach((passage, index) => {
    const result = results[index]!;
    const made = result.status === "lost" ? null : createSelectors(newText, result.start, result.end);
    if (made && !made.ok) throw new Error(`re-anchoring returned an invalid range: ${made.reason}`);
    byId.set(passage.id, { key: selectorKey(passage), result, selectors: made && made.selectors });
  });
  // A passage without a place (lost before) stays lost: its stored quote is kept for the editor.
  for (const passage of passages) {
    if (!byId.has(passage.id)) byId.set(passage.id, { key: selectorKey(passage), result: lost("The passage had no place in the earlier revision."), selectors: null });
  }
  return byId;
}
