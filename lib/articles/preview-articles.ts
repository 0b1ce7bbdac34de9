import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import type { ArticlePreview } from "@/lib/articles/preview-article";
import { batchFileSchema, fileBatch, findImportedTexts, parseFiles, type RefusedFile } from "@/lib/articles/article-batch";

export const previewArticlesSchema = z.object({ files: fileBatch(batchFileSchema) });

export type PreviewedFileResult = { name: string; status: "ready"; preview: ArticlePreview } | RefusedFile;

/**
 * What importing each of many files would store, as previewArticle tells of one, with the duplicate
 * check of the whole batch in one query. A file that cannot be imported is refused with its reason;
 * the others are still read. Writes nothing.
 */
export async function previewArticles(actor: Actor, input: z.input<typeof previewArticlesSchema>): Promise<{ results: PreviewedFileResult[] }> {
  requirePermission(actor, "articles.write");
  const { files } = parseInput(previewArticlesSchema, input);
  const parsedFiles = await parseFiles(files);
  const hashes = parsedFiles.flatMap((parsed) => (parsed.ok ? [parsed.textHash] : []));
  const known = await findImportedTexts(getDb(), [...new Set(hashes)]);
  return {
    results: files.map((file, index): PreviewedFileResult => {
      const parsed = parsedFiles[index]!;
      if (!parsed.ok) return { name: file.name, status: "refused", reason: parsed.reason, refusal: parsed.refusal };
      const { metadata } = parsed;
      return {
        name: file.name,
        status: "ready",
        preview: {
          title: metadata.title,
          outlet: metadata.outlet,
          author: metadata.author,
          url: metadata.url,
          publishedAt: metadata.publishedAt?.toISOString() ?? null,
          sourceUpdatedAt: metadata.updatedAt?.toISOString() ?? null,
          language: metadata.language,
          characters: parsed.text.length,
          duplicateOf: known.get(parsed.textHash) ?? null,
        },
      };
    }),
  };
}
