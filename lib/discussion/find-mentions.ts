/** A colleague who can be mentioned: an active editor or reviewer. */
export type MentionCandidate = { id: string; name: string };

/**
 * The colleagues a comment mentions as "@Full Name" (case-insensitive), resolved to their ids on the
 * server. Longer names are tried first, so "@Ana María" is not read as a mention of "Ana"; a name
 * must end at the end of a word.
 */
export function findMentions(body: string, candidates: readonly MentionCandidate[]): string[] {
  const text = body.toLocaleLowerCase();
  const byLength = [...candidates].sort((a, b) => b.name.length - a.name.length);
  const found = new Set<string>();
  const taken: [number, number][] = [];
  for (const person of byLength) {
    const needle = `@${person.name.toLocaleLowerCase()}`;
    for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
      const end = index + needle.length;
      const before = index === 0 ? "" : text[index - 1]!;
      const after = text.slice(end, end + 1);
      if (/[\p{L}\p{N}_]/u.test(before) || /[\p{L}\p{N}_]/u.test(after)) continue;
      if (taken.some(([start, stop]) => index < stop && end > start)) continue;
      taken.push([index, end]);
      found.add(person.id);
    }
  }
  return [...found];
}
