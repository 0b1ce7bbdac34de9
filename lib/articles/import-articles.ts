import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { describeIssues, parseInput, safeParseInput } from "@/lib/validation";
import { articleDetailsSchema, articleFieldsOf } from "@/lib/articles/import-article";
import { articleDetailsOf } from "@/lib/articles/article-details";
import { batchFileSchema, fileBatch, findImportedTexts, parseFiles, type ParsedFile, type RefusedFile } from "@/lib/articles/article-batch";

export const importArticlesSchema = z.object({
  // Each file's details are checked on their own (articleDetailsSchema), so that bad details refuse that file only.
  files: fileBatch(batchFileSchema.extend({ details: z.record(z.string(), z.unknown()).optional() })),
});
export type ImportArticlesInput = z.input<typeof importArticlesSchema>;

export type ImportedFileResult =
  | { name: string; status: "imported"; articleId: string; revisionId: string; title: string }
  | { name: string; status: "duplicate"; articleId: string; title: string }
  | RefusedFile;

type NewArticle = { index: number; parsed: ParsedFile; article: ReturnType<typeof articleFieldsOf> & { id: string } };

/**
 * Imports many article files at once, as importArticle does one: raw bytes kept exactly, the same
 * text never stored twice, one audit row per article. Each file gets its own answer in the order
 * sent: imported, duplicate (of an earlier import or of an earlier file of the batch) or refused
 * with its reason; a refused file does not stop the others. All the batch's articles are written in
 * one transaction with multi-row inserts (ADR 0016): a handful of statements for the whole batch
 * instead of six per article.
 */
export async function importArticles(actor: Actor, input: ImportArticlesInput): Promise<{ results: ImportedFileResult[] }> {
  requirePermission(actor, "articles.write");
  const { files } = parseInput(importArticlesSchema, input);
  const parsedFiles = await parseFiles(files);

  const results: (ImportedFileResult | undefined)[] = files.map(() => undefined);
  const candidates: NewArticle[] = [];
  files.forEach((file, index) => {
    const parsed = parsedFiles[index]!;
    const details = safeParseInput(articleDetailsSchema, file.details ?? {});
    if (!details.success) return (results[index] = { name: file.name, status: "refused", reason: describeIssues(details.error) });
    if (!parsed.ok) return (results[index] = { name: file.name, status: "refused", reason: parsed.reason, refusal: parsed.refusal });
    candidates.push({ index, parsed, article: { id: randomUUID(), ...articleFieldsOf(details.data, parsed.metadata) } });
  });

  if (candidates.length > 0) {
    await getDb().$transaction(async (tx) => {
      const hashes = [...new Set(candidates.map((candidate) => candidate.parsed.textHash))].sort();
      // The same locks as importArticle takes, in one order, so that imports of the same text (one
      // file or a batch) wait for each other and two batches cannot deadlock.
      await tx.$executeRaw`SELECT count(pg_advisory_xact_lock(key)) FROM (SELECT hashtextextended(hash, 0) AS key FROM unnest(${hashes}::text[]) AS hash ORDER BY key) AS keys`;
      const known = await findImportedTexts(tx, hashes);
      const fresh: NewArticle[] = [];
      for (const candidate of candidates) {
        const name = files[candidate.index]!.name;
        const earlier = known.get(candidate.parsed.textHash);
        if (earlier) {
          results[candidate.index] = { name, status: "duplicate", ...earlier };
          continue;
        }
        known.set(candidate.parsed.textHash, { articleId: candidate.article.id, title: candidate.article.title });
        fresh.push(candidate);
      }
      if (fresh.length === 0) return;

      const revisions = fresh.map((candidate) => ({ id: randomUUID(), articleId: candidate.article.id }));
      await tx.article.createMany({ data: fresh.map(({ article }) => ({ ...article, createdById: actor.id })) });
      await tx.articleRevision.createMany({
        data: fresh.map((candidate, at) => ({
          ...revisions[at]!,
          number: 1,
          raw: new Uint8Array(files[candidate.index]!.bytes),
          rawMediaType: files[candidate.index]!.mediaType,
          text: candidate.parsed.text,
          textHash: candidate.parsed.textHash,
          createdById: actor.id,
        })),
      });
      // One audit row per article, and the live stream hears of the batch once, naming every new article's page.
      await recordAuditEvents(
        tx,
        actor,
        fresh.map(({ article, parsed }, at) => ({
          action: "article.imported",
          entityType: "article",
          entityId: article.id,
          after: { ...articleDetailsOf(article), revisionId: revisions[at]!.id, textHash: parsed.textHash },
        })),
      );
      fresh.forEach((candidate, at) => {
        const { id: articleId, title } = candidate.article;
        results[candidate.index] = { name: files[candidate.index]!.name, status: "imported", articleId, revisionId: revisions[at]!.id, title };
      });
      // Prisma's default of 5 s is too short for a large batch on a busy machine; each statement still stops after 10 s.
    }, { timeout: 60_000, maxWait: 10_000 });
  }
  return { results: results.map((result) => result!) };
}
