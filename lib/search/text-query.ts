// SQL pieces shared by the two searches. Every user value goes in as a bind parameter of a
// Prisma.sql template; nothing here concatenates input into SQL text.
import { getDb, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** Longest free-text query accepted. */
export const MAX_QUERY_LENGTH = 200;

/** Least trigram similarity for a known word to stand in for an unknown one ("madurro" ~ "maduro": 0.67). */
export const CORRECTION_SIMILARITY = 0.45;

/** Words of one query looked up for correction, at most. */
const MAX_TOKENS_CORRECTED = 8;

/**
 * The query as typed, OR'ed with its typo correction when there is one, as one tsquery
 * (claimwork_search_query in the migration: english, french and simple parses, as typed and
 * accent-folded, distinct parses OR'ed). NULL when no word is searchable.
 */
export function fullTextQuery(q: string, corrected: string | null): Prisma.Sql {
  return corrected
    ? Prisma.sql`claimwork_search_query(${websearchText(q)}::text, ${websearchText(corrected)}::text)`
    : Prisma.sql`claimwork_search_query(${websearchText(q)}::text)`;
}

/** Words of a query OR'ed for near matches, at most. */
const MAX_ANY_WORDS = 16;

/**
 * A tsquery matching claims that hold any word of the query or of its correction (the words a
 * search asks for: not those it negates with "-", not "or"), or null when there is none. It stands
 * for near matches: claims with some of the words, ranked by how many and where.
 */
export function anyWordQuery(q: string, corrected: string | null): Prisma.Sql | null {
  const words = new Set<string>();
  for (const text of [q, corrected]) {
    for (const term of text ? websearchText(text).split(/\s+/) : []) {
      if (term.startsWith("-")) continue;
      for (const word of term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (word !== "or") words.add(word);
    }
  }
  const list = [...words].slice(0, MAX_ANY_WORDS);
  return list.length > 0 ? Prisma.sql`claimwork_search_query(VARIADIC ${list}::text[])` : null;
}

// websearch_to_tsquery reads a "-" where a word may start as NOT, and skips spaces and the operator
// characters of to_tsquery (! & | ( ) <) there. So "---x", "- - - x" or "-(-(-x" is NOT NOT NOT x:
// each sign one more level on the parser's stack, which holds 32, and past it the query fails with
// "tsquery stack too small" (64 "-" in a search box made the search answer 500). A run of signs,
// whatever separates them, is replaced by what it means: one "-" when their number is odd, nothing
// when it is even. A "-" inside a word ("covid-19", "x--y") is the parser's, left as it is.
const NEGATION_RUN = /(?<=^|[^\p{L}\p{N}_-])-(?:[^\p{L}\p{N}_"-]*-)+/gu;

/** The search text as websearch_to_tsquery may safely read it (see NEGATION_RUN). */
export function websearchText(q: string): string {
  return q.replace(NEGATION_RUN, (run) => ((run.match(/-/g)?.length ?? 0) % 2 === 1 ? " -" : " "));
}

/** Longest word whose spelling neighbours (claimwork_spelling_neighbours) are looked up. */
const MAX_EDITED_LENGTH = 24;

/**
 * The query with each word that appears in no claim replaced by the likeliest word that does, or
 * null when nothing needs correcting. "Madurro contacts" -> "Maduro contacts", "thrid" -> "third".
 * The caller searches for both. One call of claimwork_correct_words (migration
 * 20261206020100_typo_correction) over the claimwork_search.words vocabulary (distinct words, not
 * claims, so its cost does not grow with the claims): an unknown word's spelling neighbours (one
 * slip away: claimwork_spelling_neighbours) by primary key, the likelier slip first (a swap, then a
 * missing or extra letter, then a wrong one), then the most similar; only for a word with none, the
 * most similar word by trigrams (pg_trgm's GIN index), for words further off.
 */
export async function correctQuery(q: string, db: Pick<Db, "$queryRaw"> = getDb()): Promise<string | null> {
  const tokens = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])]
    .filter((token) => token.length >= 4 && token.length <= 40 && /\p{L}/u.test(token))
    .slice(0, MAX_TOKENS_CORRECTED);
  if (tokens.length === 0) return null;
  const corrections = await db.$queryRaw<{ token: string; word: string }[]>`
    SELECT token, word FROM claimwork_correct_words(${tokens}::text[], ${MAX_EDITED_LENGTH}::int, ${CORRECTION_SIMILARITY}::real)`;
  if (corrections.length === 0) return null;
  let corrected = q;
  for (const { token, word } of corrections) {
    const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"), word);
  }
  return corrected === q ? null : corrected;
}

/** Spaces instead of control characters (PostgreSQL refuses NUL in text), inner runs of spaces squeezed. */
export function cleanQuery(raw: string): string {
  return raw.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
}

// Private-use characters mark highlights inside ts_headline's output; they are removed from the text
// first, so a statement cannot fake a highlight.
const START = "\uE000";
const STOP = "\uE001";

export type SnippetPart = { text: string; match: boolean };

/** ts_headline over `text` in the row's configuration, marking matched words with the markers above. */
export function headline(config: Prisma.Sql, text: Prisma.Sql, query: Prisma.Sql, options = "HighlightAll=true"): Prisma.Sql {
  return Prisma.sql`ts_headline(${config}, translate(${text}, ${START + STOP}::text, ''), ${query},
    ${`${options}, StartSel=${START}, StopSel=${STOP}`}::text)`;
}

/** The highlighted text as parts, for the page to render as React nodes (never as markup). */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = "";
  for (const char of marked) {
    if (char === START || char === STOP) {
      if (text) parts.push({ text, match });
      text = "";
      match = char === START;
    } else {
      text += char;
    }
  }
  if (text) parts.push({ text, match });
  return parts;
}
