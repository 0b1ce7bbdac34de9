/** Lower case, accents and ligatures removed, typographic apostrophes made plain: "Élysée’s" -> "elysee's". */
export function foldText(text: string): string {
  // Most words are plain ASCII: nothing to take apart.
  if (!/[^\x00-\x7f]/.test(text)) return text.replace(/`/g, "'").toLowerCase();
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .replace(/ß/g, "ss")
    // Letters NFD does not split into a letter and an accent: "Støre" is "Store".
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐ]/g, "d")
    .replace(/ı/g, "i")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

export type Token = { folded: string; original: string; start: number };

/**
 * Words, numbers and signs of a statement, in order. Elided French words are split off
 * ("l'OMS" -> "l'", "oms"; an English possessive is not one: "Norway's" -> "norway", "s"), hyphenated names stay whole ("Pannier-Runacher"), and a number keeps
 * its separators ("700,000", "7,1", "1 000 000" are single tokens when the groups are thousands).
 */
export function tokenize(text: string): Token[] {
  const pattern =
    /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*|(?:[cdjlmnstCDJLMNST]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu|[qQ]uoiqu)['’](?=[a-zA-Z\u00c0-\u024f])|[a-zA-Z\u00c0-\u024f]+(?:-[a-zA-Z\u00c0-\u024f]+)*|[%$€£²]/g;
  const tokens: Token[] = [];
  for (const match of text.matchAll(pattern)) {
    tokens.push({ folded: foldText(match[0]).replace(/[\u00a0\u202f]/g, " "), original: match[0], start: match.index });
  }
  return tokens;
}

/** Drops a plural "s"/"x" so "refugees" meets "refugee" and "reseaux" stays recognisable. */
export function singular(word: string): string {
  if (word.length > 4 && (word.endsWith("s") || word.endsWith("x")) && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}
