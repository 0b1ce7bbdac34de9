import type { MentionCandidate } from "@/lib/discussion/find-mentions";

/** The "@words" being typed just before the caret, if any: what the colleague list is filtered by. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}][\p{L}\p{N} .'’-]{0,40})?$/u.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? "";
  return { start: caret - query.length - 1, query };
}

/** Colleagues whose name starts with the query (or with a word of it), at most `limit`. */
export function suggestColleagues(colleagues: readonly MentionCandidate[], query: string, limit = 6): MentionCandidate[] {
  const wanted = query.toLocaleLowerCase();
  return colleagues
    .filter((person) => {
      const name = person.name.toLocaleLowerCase();
      return name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted));
    })
    .slice(0, limit);
}
