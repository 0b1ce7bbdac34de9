// The normalised text is what annotation offsets point into and what the textHash covers, so the
// rules are deliberately few and conservative. Anything that changes what a reader sees (curly
// quotes, non-breaking spaces, inner whitespace, tabs, U+2028/U+2029) is kept as is; otherwise
// an anchored quote would no longer match the article.
//
// Rules, in order:
// 1. CRLF and lone CR become LF (line ends are invisible; mixing them breaks offsets).
// 2. Unicode NFC, so the same visible text always has the same code points and hash.
// 3. Leading blank lines (empty or whitespace-only lines) are removed.
// 4. Leading BOMs (U+FEFF) are removed. This runs after step 3 so that "\n\uFEFFtext" settles in
//    one pass; JavaScript counts U+FEFF as whitespace, so a line of only BOMs is blank for step 3.
// 5. Trailing whitespace at the very end of the text is removed.
// Leading spaces on the first non-blank line are kept: they are inside the text, not around it.
//
// The function is idempotent: normalizeArticleText(normalizeArticleText(x)) === normalizeArticleText(x).

const LEADING_BLANK_LINES = /^(?:[^\S\n]*\n)+/;
const LEADING_BOMS = /^\uFEFF+/;

export function normalizeArticleText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    .replace(LEADING_BLANK_LINES, "")
    .replace(LEADING_BOMS, "")
    .trimEnd();
}
