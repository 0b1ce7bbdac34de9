// Server only: uses node:crypto for the hash. Everything else it calls is pure.
import { createHash } from "node:crypto";

import { decodeArticleBytes } from "./decode-article-bytes";
import { extractArticleMetadata, type ArticleMetadata } from "./extract-article-metadata";
import { normalizeArticleText } from "./normalize-article-text";

export type ParseArticleResult =
  | { ok: true; text: string; metadata: ArticleMetadata; textHash: string }
  | { ok: false; reason: string };

// 2 MiB is far more than any news article (the seeds are 2-4 KB) and small enough to hold in memory
// several times over while normalising and hashing.
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

// HTML import is a separate piece of work; until then only plain text is accepted.
const ACCEPTED_MEDIA_TYPES = ["text/plain", "text/markdown"];

export function parseArticle(bytes: Uint8Array, mediaType: string): ParseArticleResult {
  // "text/plain; charset=utf-8" -> "text/plain". The charset is not trusted: the bytes must be UTF-8.
  const essence = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
  if (!ACCEPTED_MEDIA_TYPES.includes(essence)) {
    const shown = essence === "" ? "no file type" : `"${essence}"`;
    return {
      ok: false,
      reason: `Only plain text (.txt, text/plain) and Markdown (.md, text/markdown) can be imported, not ${shown}.`,
    };
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { ok: false, reason: "The file is larger than the 2 MiB limit for an article." };
  }

  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return decoded;

  const text = normalizeArticleText(decoded.text);
  if (text === "") return { ok: false, reason: "The file contains no text, only blank space." };

  return {
    ok: true,
    text,
    metadata: extractArticleMetadata(text),
    textHash: createHash("sha256").update(text, "utf8").digest("hex"),
  };
}
