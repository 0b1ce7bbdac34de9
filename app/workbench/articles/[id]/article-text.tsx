"use client";

import { memo, useMemo, type RefObject } from "react";
import { useTranslations } from "next-intl";
import type { AnnotatedPassage } from "@/lib/articles/get-article-for-annotation";
import { segmentParagraphs, type Segment } from "@/lib/articles/segment-highlights";
import type { TriageCandidate } from "@/lib/triage/find-check-worthy-sentences";
import { useTriageReasons } from "@/app/workbench/_reasons/use-triage-reasons";

/** Candidates share the highlight sweep under ids of their own: "cand:START". */
const CANDIDATE = "cand:";

/**
 * The article text with its passages highlighted (overlaps deepen the colour, the active claim's are
 * marked) and the sentences worth checking dotted (no passage covers them). Clicking a highlight makes
 * the innermost passage's claim active; clicking a candidate chooses it (the annotator proposes a claim of it).
 * Memoised: a long article is thousands of elements, which a selection (state of the annotator) must not re-render.
 * Paragraph by paragraph (articles.css): as the page streams in, the browser lays out each new paragraph
 * instead of the whole text again.
 */
export const ArticleText = memo(function ArticleText({
  rootRef,
  text,
  language,
  passages,
  activeClaimId,
  selectable,
  onChooseClaim,
  candidates = [],
  activeCandidateStart = null,
  onChooseCandidate,
}: {
  rootRef: RefObject<HTMLDivElement | null>;
  text: string;
  language: string;
  passages: AnnotatedPassage[];
  activeClaimId: string | null;
  selectable: boolean;
  onChooseClaim: (claimId: string) => void;
  candidates?: TriageCandidate[];
  activeCandidateStart?: number | null;
  onChooseCandidate?: (start: number) => void;
}) {
  const t = useTranslations("workbenchArticles.annotator");
  const triageReasons = useTriageReasons();
  const passageById = useMemo(() => new Map(passages.map((passage) => [passage.id, passage])), [passages]);
  const candidateByStart = useMemo(() => new Map(candidates.map((candidate) => [candidate.start, candidate])), [candidates]);
  const paragraphs = useMemo(() => {
    const placed = passages.filter((passage): passage is AnnotatedPassage & { start: number; end: number } => passage.start !== null && passage.end !== null);
    return segmentParagraphs(text, [
      ...placed.map(({ id, start, end }) => ({ id, start, end })),
      ...candidates.map(({ start, end }) => ({ id: `${CANDIDATE}${start}`, start, end })),
    ]);
  }, [text, passages, candidates]);
  const activeIds = new Set(passages.filter((passage) => passage.claimId === activeClaimId).map((passage) => passage.id));

  function onClick(event: React.MouseEvent<HTMLDivElement>) {
    const candidate = (event.target as HTMLElement).closest<HTMLElement>("span[data-candidate]");
    if (candidate && document.getSelection()?.isCollapsed) onChooseCandidate?.(Number(candidate.dataset.candidate));
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

  function renderSegment(segment: Segment): React.ReactNode {
    const content = text.slice(segment.start, segment.end);
    const candidate = segment.ids.length === 1 && segment.ids[0]!.startsWith(CANDIDATE) ? candidateByStart.get(Number(segment.ids[0]!.slice(CANDIDATE.length))) : undefined;
    if (candidate) {
      return (
        <span
          key={segment.start}
          className={candidate.start === activeCandidateStart ? "cand cand-active" : "cand"}
          data-candidate={candidate.start}
          title={triageReasons.title(candidate.score, candidate.reasons)}
        >
          {content}
        </span>
      );
    }
    const ids = segment.ids.filter((id) => !id.startsWith(CANDIDATE));
    // Plain text needs no element of its own: thousands fewer to render, hydrate and lay out.
    if (ids.length === 0) return content;
    const statuses = new Set(ids.map((id) => passageById.get(id)?.status));
    const className = [
      "hl",
      `hl-depth-${Math.min(ids.length, 3)}`,
      statuses.has("fuzzy") ? "hl-fuzzy" : statuses.has("moved") ? "hl-moved" : "",
      ids.some((id) => activeIds.has(id)) ? "hl-active" : "",
    ]
      .filter(Boolean)
      .join(" ");
    return (
      <mark key={segment.start} className={className} data-ids={ids.join(" ")}>
        {content}
      </mark>
    );
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
      {paragraphs.map((paragraph) => (
        <span key={paragraph.start} className="para">
          {paragraph.segments.map(renderSegment)}
        </span>
      ))}
    </div>
  );
});
