import { expect, type Page } from "@playwright/test";

const ARTICLE_TEXT = '[aria-label^="Article text"]';

/** Screen rectangles of the first and last character of `quote` in the article text. */
async function quoteEdges(page: Page, quote: string) {
  return page.evaluate(
    ({ selector, quote }) => {
      const root = document.querySelector(selector)!;
      const full = root.textContent ?? "";
      const start = full.indexOf(quote);
      if (start < 0) throw new Error(`quote not in the article: ${quote}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const points: { node: Text; offset: number }[] = [];
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const length = node.data.length;
        for (const target of [start, start + quote.length - 1]) {
          if (target >= seen && target < seen + length) points.push({ node, offset: target - seen });
        }
        seen += length;
      }
      // Bring the quote to the middle of the viewport before measuring where its characters are.
      points[0]!.node.parentElement!.scrollIntoView({ block: "center" });
      const rect = ({ node, offset }: { node: Text; offset: number }) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left, y: box.top + box.height / 2, width: box.width };
      };
      return { first: rect(points[0]!), last: rect(points[1]!) };
    },
    { selector: ARTICLE_TEXT, quote },
  );
}

/** Drags the mouse across `quote`, as an editor would. */
export async function selectWithMouse(page: Page, quote: string): Promise<void> {
  await expect(page.locator(ARTICLE_TEXT)).toContainText(quote);
  const { first, last } = await quoteEdges(page, quote);
  await page.mouse.move(first.x + 1, first.y);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width - 1, last.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole("region", { name: "Selection" }).locator("blockquote")).toContainText(quote.slice(0, 40));
}

/** Puts the caret before `quote` and extends the selection over it with Shift+ArrowRight. */
export async function selectWithKeyboard(page: Page, quote: string): Promise<void> {
  const text = page.locator(ARTICLE_TEXT);
  await text.focus();
  await page.evaluate(
    ({ selector, quote }) => {
      const root = document.querySelector(selector)!;
      const start = (root.textContent ?? "").indexOf(quote);
      if (start < 0) throw new Error(`quote not in the article: ${quote}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (start < seen + node.data.length) {
          document.getSelection()!.collapse(node, start - seen);
          return;
        }
        seen += node.data.length;
      }
    },
    { selector: ARTICLE_TEXT, quote },
  );
  for (let i = 0; i < quote.length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByRole("region", { name: "Selection" }).locator("blockquote")).toContainText(quote.slice(0, 40));
}
