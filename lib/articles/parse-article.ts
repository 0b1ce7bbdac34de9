// Server only: uses node:crypto for the hash and a worker thread for HTML. Everything else it calls is pure.
import { createHash } from "node:crypto";

import { englishMessage, type ErrorMessageKey } from "@/lib/errors";
import { decodeArticleBytes } from "./decode-article-bytes";
import { extractArticleMetadata, type ArticleMetadata } from "./extract-article-metadata";
import { checkDeclaredCharset } from "./html-to-text";
import { htmlToArticleTextOffThread } from "./html-to-text-pool";
import { normalizeArticleText } from "./normalize-article-text";
import type { HtmlMetadata } from "./read-html-metadata";

/** What the import proposes: the text's metadata, with what an HTML page says of itself. */
export type ProposedDetails = ArticleMetadata & { author: string | null; url: string | null; updatedAt: Date | null };

export type ParseArticleResult =
  | { ok: true; text: string; metadata: ProposedDetails; textHash: string }
  /** A refusal: its catalogue message (`errors.messages`), and that message in English (logs, API, tests). */
  | { ok: false; refusal: ErrorMessageKey; reason: string };

// 2 MiB is far more than any news article (the seeds are 2-4 KB) and small enough to hold in memory
// several times over while normalising and hashing.
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

// A long news article runs to about 100,000 characters, a very long investigation or a hearing's
// transcript to two or three times that. A million characters is ten long articles: more is not an
// article (and is what a page built to blow up gives), and would make every page showing it, every
// re-anchoring and every search over it slow. It holds however the article was sent: 2 MiB of plain
// text can hold twice as many characters, and an HTML page up to three per byte (html-to-text.ts).
export const MAX_ARTICLE_TEXT_LENGTH = 1_000_000;

const ACCEPTED_MEDIA_TYPES = ["text/plain", "text/markdown", "text/html"];

/**
 * Reads an uploaded article. The bytes must be UTF-8: a charset in the media type is not trusted,
 * and an HTML page's own <meta charset> must agree with that reading (checkDeclaredCharset). An
 * HTML page is first turned into its readable text (see html-to-text.ts), in a worker thread with
 * a time limit (html-to-text-pool.ts); from then on it goes through the same normalisation,
 * metadata extraction and hashing as plain text, except that what the page says of itself
 * (read-html-metadata.ts: address, outlet, authors, dates, language, og:title or JSON-LD headline)
 * is preferred over what the text suggests, and its own headline (first <h1>, else <title>) over
 * the title guessed from the text. A page's declared language wins over the detected one: a short
 * text cannot be told apart, and the declaration is the newsroom's own. The caller keeps the raw bytes; the
 * returned text is what passages point into. The text may not be longer than MAX_ARTICLE_TEXT_LENGTH.
 */
function refused(refusal: ErrorMessageKey): ParseArticleResult {
  return { ok: false, refusal, reason: englishMessage(refusal) };
}

export async function parseArticle(bytes: Uint8Array, mediaType: string): Promise<ParseArticleResult> {
  // "text/plain; charset=utf-8" -> "text/plain". The charset is not trusted: the bytes must be UTF-8.
  const essence = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
  if (!ACCEPTED_MEDIA_TYPES.includes(essence)) {
    return refused(essence === "" ? { key: "fileTypeMissing" } : { key: "fileTypeRefused", params: { type: essence } });
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return refused({ key: "fileTooLarge" });
  }

  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return refused(decoded.refusal);

  let source = decoded.text;
  let page: { title: string | null; metadata: HtmlMetadata } | null = null;
  if (essence === "text/html") {
    const converted = await htmlToArticleTextOffThread(decoded.text);
    if (!converted.ok) return refused(converted.refusal);
    const charsetProblem = checkDeclaredCharset(converted.declaredCharset, bytes, decoded.text);
    if (charsetProblem !== null) return refused(charsetProblem);
    source = converted.text;
    page = converted;
  }

  const text = normalizeArticleText(source);
  if (text === "") {
    return refused({ key: essence === "text/html" ? "pageNoText" : "fileNoText" });
  }
  if (text.length > MAX_ARTICLE_TEXT_LENGTH) {
    return refused({ key: "articleTooLong", params: { length: text.length, limit: MAX_ARTICLE_TEXT_LENGTH } });
  }

  const fromText = extractArticleMetadata(text);
  const fromPage = page?.metadata;
  return {
    ok: true,
    text,
    metadata: {
      ...fromText,
      title: fromPage?.title ?? page?.title ?? fromText.title,
      outlet: fromPage?.outlet ?? fromText.outlet,
      publishedAt: fromPage?.publishedAt ?? fromText.publishedAt,
      language: fromPage?.language ?? fromText.language,
      author: fromPage?.author ?? null,
      url: fromPage?.url ?? null,
      updatedAt: fromPage?.updatedAt ?? null,
    },
    textHash: createHash("sha256").update(text, "utf8").digest("hex"),
  };
}
