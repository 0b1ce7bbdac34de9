import cldr from "cldr-segmentation";
import type { MatchLanguage } from "@/lib/matching/match-language";

/** A sentence of the article: its place in the text (UTF-16 offsets, as the annotator counts) and its text. */
export type Sentence = { start: number; end: number; text: string };

const OPENING_QUOTES = /[«“]/g;
const CLOSING_QUOTES = /[»”]/g;

/** True while a quotation opened in the text is not closed yet: the sentence goes on past its full stop. */
function quoteOpen(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  return (text.match(OPENING_QUOTES) ?? []).length > (text.match(CLOSING_QUOTES) ?? []).length || straight % 2 === 1;
}

/**
 * The sentences of an article. The Unicode (CLDR) sentence rules split, with CLDR's list of each
 * language's abbreviations ("Mr.", "M.", "Jan.") so they do not end a sentence; then a sentence
 * inside a quotation ("« Non ! » a-t-il dit", “No! Never.”) is joined with what follows up to the
 * quotation's end. Line breaks always end a sentence. Blank pieces are dropped.
 */
export function splitSentences(text: string, language: MatchLanguage): Sentence[] {
  const suppressions = cldr.suppressions[language];
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const pieces = line.trim() ? cldr.sentenceSplit(line, suppressions) : [];
    let pending: { start: number; text: string } | null = null;
    let at = offset;
    for (const piece of pieces) {
      const current: { start: number; text: string } = pending ? { start: pending.start, text: pending.text + piece } : { start: at, text: piece };
      at += piece.length;
      const rest = line.slice(at - offset);
      // Join while a quotation is open, or when the next piece goes on in lower case ("» a-t-il dit").
      if (rest.trim() && (quoteOpen(current.text) || /^\s*[»”"]?\s*\p{Ll}/u.test(rest))) {
        pending = current;
        continue;
      }
      pending = null;
      push(sentences, current.start, current.text);
    }
    if (pending) push(sentences, pending.start, pending.text);
    offset += line.length + 1;
  }
  return sentences;
}

function push(sentences: Sentence[], start: number, raw: string) {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text) sentences.push({ start: start + lead, end: start + lead + text.length, text });
}
