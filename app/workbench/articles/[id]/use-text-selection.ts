"use client";

import { useEffect, useState, type RefObject } from "react";

export type TextSelection = { start: number; end: number; exact: string };

/** Offset of a DOM point in the article text: the length of the text from the start of root to it. */
function textOffset(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function trimSelection(text: string, start: number, end: number): TextSelection | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end, exact: text.slice(start, end) } : null;
}

/** The latest selection made inside the article text (root), by mouse or keyboard, in text offsets. */
export function useTextSelection(rootRef: RefObject<HTMLElement | null>, text: string) {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  useEffect(() => {
    function onSelectionChange() {
      const root = rootRef.current;
      const current = document.getSelection();
      if (!root || !current || current.rangeCount === 0) return;
      const range = current.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return;
      if (range.collapsed) {
        setSelection(null);
        return;
      }
      setSelection(trimSelection(text, textOffset(root, range.startContainer, range.startOffset), textOffset(root, range.endContainer, range.endOffset)));
    }
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [rootRef, text]);
  return [selection, setSelection] as const;
}
