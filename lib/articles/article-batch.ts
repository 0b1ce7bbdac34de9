// Server only. What importing and previewing many files in one request share: the batch's limits,
// its zod shape, reading each file on its own (one file's problem refuses that file, not the batch)
// and the duplicate check done for the whole batch in one query.
import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import type { ErrorMessageKey } from "@/lib/refusal";
import { parseArticle, type ParseArticleResult } from "./parse-article";

/** Files in one batch: enough to spread a request's fixed cost thin, few enough to answer in a second or two. */
export const MAX_FILES_PER_BATCH = 100;
/** One batch's request body: room for many articles of a few KB, bounded so that a request holds little memory. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

export const batchFileSchema = z.object({
  name: z.string().min(1).max(1000),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "the file's bytes"),
  mediaType: z.string().max(200),
});
export type BatchFile = z.infer<typeof batchFileSchema>;

/** A batch of files of the given shape: at least one, at most MAX_FILES_PER_BATCH. */
export function fileBatch<Item extends z.ZodType>(item: Item) {
  return z.array(item).min(1, "Choose at least one file.").max(MAX_FILES_PER_BATCH, `Send at most ${MAX_FILES_PER_BATCH} files at once.`);
}

/** A file refused, with why in English and, when the catalogue words it, its message key (the page words it). */
export type RefusedFile = { name: string; status: "refused"; reason: string; refusal?: ErrorMessageKey };
export type ParsedFile = Extract<ParseArticleResult, { ok: true }>;

/** Each file read as an article; HTML pages go to the worker threads side by side. */
export function parseFiles(files: BatchFile[]): Promise<ParseArticleResult[]> {
  return Promise.all(files.map((file) => parseArticle(file.bytes, file.mediaType)));
}

export type ImportedText = { articleId: string; title: string };

/**
 * The articles (not deleted) that already hold each of these texts, by text hash, in one query: the
 * duplicate check of a whole batch. Where several hold the same text, the first imported is named.
 */
export async function findImportedTexts(db: Db | Tx, hashes: string[]): Promise<Map<string, ImportedText>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.$queryRaw<{ textHash: string; articleId: string; title: string }[]>`
    SELECT DISTINCT ON (r.text_hash) r.text_hash AS "textHash", a.id::text AS "articleId", a.title
    FROM article_revisions r JOIN articles a ON a.id = r.article_id
    WHERE r.text_hash = ANY(${hashes}::text[]) AND a.deleted_at IS NULL
    ORDER BY r.text_hash, r.created_at, r.id`;
  return new Map(rows.map((row) => [row.textHash, { articleId: row.articleId, title: row.title }]));
}

export const alreadyImportedMessage = (title: string) => `The same text is already imported as “${title}”.`;
