"use client";

import { useMemo, type RefObject } from "react";
import { useTranslations } from "next-intl";
import type { AnnotatedPassage } from "@/lib/articles/get-article-for-annotation";
import { segmentHighlights } from "@/lib/articles/segment-highlights";

/**
 * The article text with its passages highlighted (overlaps deepen the colour, the active claim's are
 * marked). Clicking a highlight makes the innermost passage's claim active.
 */
export function ArticleText({
  rootRef,
  text,
  language,
  passages,
  activeClaimId,
  selectable,
  onChooseClaim,
}: {
  rootRef: RefObject<HTMLDivElement | null>;
  text: string;
  language: string;
  passages: AnnotatedPassage[];
  activeClaimId: string | null;
  selectable: boolean;
  onChooseClaim: (claimId: string) => void;
}) {
  const t = useTranslations("workbenchArticles.annotator");
  const passageById = useMemo(() => new Map(passages.map((passage) => [passage.id, passage])), [passages]);
  const segments = useMemo(() => {
    const placed = passages.filter((passage): passage is AnnotatedPassage & { start: number; end: number } => passage.start !== null && passage.end !== null);
    return segmentHighlights(text.length, placed.map(({ id, start, end }) => ({ id, start, end })));
  }, [text.length, passages]);
  const activeIds = new Set(passages.filter((passage) => passage.claimId === activeClaimId).map((passage) => passage.id));

  function onClick(event: React.MouseEvent<HTMLDivElement>) {
    const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-ids]");
    if (!mark || !document.getSelection()?.isCollapsed) return;
    // The innermost (shortest) passage under the pointer is the one the reader means.
    const innermost = (mark.dataset.ids ?? "")
      .split(" ")
      .map((id) => passageById.get(id))
      .filter((passage): passage is AnnotatedPassage => Boolean(passage))
      .sort((a, b) => (a.end ?? 0) - (a.start ?? 0) - ((b.end ?? 0) - (b.start ?? 0)))[0];
    if (innermost) onChooseClaim(innermost.claimId);
  }

  return (
    <div
      ref={rootRef}
      className="article-text"
      lang={language !== "und" ? language : undefined}
      // contentEditable gives a keyboard caret (Shift+arrows select); every edit is refused below.
      contentEditable={selectable}
      suppressContentEditableWarning
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      aria-label={t("textLabel")}
      tabIndex={0}
      spellCheck={false}
      onBeforeInput={(event) => event.preventDefault()}
      onPaste={(event) => event.preventDefault()}
      onDrop={(event) => event.preventDefault()}
      onCut={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {segments.map((segment) => {
        const content = text.slice(segment.start, segment.end);
        if (segment.ids.length === 0) return <span key={segment.start}>{content}</span>;
        const statuses = new Set(segment.ids.map((id) => passageById.get(id)?.status));
        const className = [
          "hl",
          `hl-depth-${Math.min(segment.ids.length, 3)}`,
          statuses.has("fuzzy") ? "hl-fuzzy" : statuses.has("moved") ? "hl-moved" : "",
          segment.ids.some((id) => activeIds.has(id)) ? "hl-active" : "",
        ]
          .filter(Boolean)
          .join(" ");
        return (
          <mark key={segment.start} className={className} data-ids={segment.ids.join(" ")}>
            {content}
          </mark>
        );
      })}
    </div>
  );
}
