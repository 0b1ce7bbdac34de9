import { LinkifyIt } from "linkify-it";

/** A comment's text cut into plain runs and web links, for rendering without any HTML from the author. */
export type TextPart = { text: string } | { text: string; href: string };

// Only full http(s) addresses become links: no mailto:, ftp:, protocol-relative "//host" nor bare
// "example.com" (a reader cannot tell where those lead, and they are not what people paste).
const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false }).add("ftp:", null).add("mailto:", null).add("//", null);

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of linkify.match(text) ?? []) {
    if (!/^https?:\/\//i.test(match.url)) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ text: match.raw, href: match.url });
    at = match.lastIndex;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
