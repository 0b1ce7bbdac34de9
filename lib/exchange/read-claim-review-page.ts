// A fact-checker's HTML page: the ClaimReviews of its JSON-LD blocks. A review without its own
// address takes the page's canonical address; without a language, the page's <html lang>.
import { Parser } from "htmlparser2";
import { claimReviewInput, collectClaimReviews, type FoundItem } from "./read-json-ld-claim-reviews";

export function readClaimReviewPage(html: string): FoundItem[] {
  const blocks: { line: number; text: string }[] = [];
  let block: { line: number; text: string } | null = null;
  let canonical: string | undefined;
  let language: string | undefined;
  // Line numbers counted once through the page, from the last block on (blocks come in page order).
  let counted = { index: 0, line: 1 };
  const lineAt = (index: number) => {
    for (let at = html.indexOf("\n", counted.index); at !== -1 && at < index; at = html.indexOf("\n", at + 1)) counted = { index: at + 1, line: counted.line + 1 };
    return counted.line;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "html") language ??= attributes.lang;
        else if (name === "link" && (attributes.rel ?? "").toLowerCase().split(/\s+/u).includes("canonical")) canonical ??= attributes.href;
        else if (name === "script" && (attributes.type ?? "").trim().toLowerCase() === "application/ld+json") {
          block = { line: lineAt(parser.startIndex), text: "" };
        }
      },
      ontext(text) {
        if (block) block.text += text;
      },
      onclosetag(name) {
        if (name === "script" && block) {
          blocks.push(block);
          block = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);

  const items: FoundItem[] = [];
  for (const { line, text } of blocks) {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      items.push({ location: `line ${line}`, problem: "this JSON-LD block is not valid JSON" });
      continue;
    }
    let index = 0;
    collectClaimReviews(document, (node) => {
      index += 1;
      items.push({ location: `line ${line}, ClaimReview ${index}`, input: claimReviewInput(node, { url: canonical, language }) });
    });
  }
  return items;
}
