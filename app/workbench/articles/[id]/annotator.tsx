"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ArticleForAnnotation } from "@/lib/articles/get-article-for-annotation";
import type { TriageCandidate } from "@/lib/triage/find-check-worthy-sentences";
import { ActionOutcome, useActionRunner } from "@/app/workbench/_components/use-action-runner";
import { useHoldLiveRefresh } from "@/app/workbench/_live/live-hold";
import { addPassageAction, confirmPassageAction, createClaimAction, reattachPassageAction, removePassageAction } from "./actions";
import { ArticleText } from "./article-text";
import { CandidateList } from "./candidate-list";
import { ClaimList } from "./claim-list";
import { DecisionList } from "./decision-list";
import { excerpt } from "./excerpt";
import { SelectionPanel, type AnnotatorMode } from "./selection-panel";
import { useTextSelection } from "./use-text-selection";

/**
 * The annotator: the article text beside the panel of its claims. It holds what the editor is doing
 * (the selection, the mode, the active claim, the active candidate sentence) and runs the actions;
 * each part of the page is its own component. While a selection or a form is open, colleagues'
 * changes wait behind an "Updated" bar.
 */
export function Annotator({
  article,
  canWrite,
  focusPassageId,
  candidates,
  focusSentence,
}: {
  article: ArticleForAnnotation;
  canWrite: boolean;
  focusPassageId: string | null;
  /** The revision's check-worthy sentences (lib/triage) that no passage covers yet. */
  candidates: TriageCandidate[];
  /** Opened from the "to check" list: the start of the sentence to show. */
  focusSentence: number | null;
}) {
  const t = useTranslations("workbenchArticles.annotator");
  const rootRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useTextSelection(rootRef, article.revision.text);
  const [mode, setMode] = useState<AnnotatorMode>({ kind: "idle" });
  const [activeClaimId, setActiveClaimId] = useState<string | null>(() => article.passages.find((passage) => passage.id === focusPassageId)?.claimId ?? null);
  const { run, pending, message } = useActionRunner();
  const passageById = useMemo(() => new Map(article.passages.map((passage) => [passage.id, passage])), [article.passages]);
  const needsDecision = article.passages.filter((passage) => passage.status !== "anchored");
  const [activeCandidateStart, setActiveCandidateStart] = useState<number | null>(focusSentence);
  useHoldLiveRefresh(selection !== null || mode.kind !== "idle");

  /** Scrolls the highlight of a passage into view and flashes it (DOM only). */
  const scrollToPassage = useCallback((passageId: string) => {
    const mark = rootRef.current?.querySelector<HTMLElement>(`[data-ids~="${passageId}"]`);
    if (!mark) return;
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    mark.classList.add("hl-flash");
    window.setTimeout(() => mark.classList.remove("hl-flash"), 1600);
  }, []);

  /** Scrolls a candidate sentence into view (DOM only). */
  const scrollToCandidate = useCallback((start: number) => {
    rootRef.current?.querySelector<HTMLElement>(`[data-candidate="${start}"]`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, []);

  function showCandidate(candidate: TriageCandidate) {
    setActiveCandidateStart(candidate.start);
    scrollToCandidate(candidate.start);
  }

  /** Opens the new-claim form on a candidate: its sentence is the passage, statement and claimant are proposed. */
  const claimCandidate = useCallback(
    (candidate: TriageCandidate) => {
      setSelection(null);
      setActiveCandidateStart(candidate.start);
      setMode({
        kind: "create",
        proposed: { passage: { start: candidate.start, end: candidate.end, exact: candidate.text }, statement: candidate.statement, claimant: candidate.claimant },
      });
    },
    [setSelection],
  );
  // Stable, like the text's other props, so that a selection does not re-render the text.
  const chooseCandidate = useCallback(
    (start: number) => {
      const candidate = candidates.find((entry) => entry.start === start);
      if (candidate && canWrite) claimCandidate(candidate);
      else setActiveCandidateStart(start);
    },
    [candidates, canWrite, claimCandidate],
  );

  const showPassage = useCallback(
    (passageId: string) => {
      const passage = passageById.get(passageId);
      if (passage) setActiveClaimId(passage.claimId);
      scrollToPassage(passageId);
    },
    [passageById, scrollToPassage],
  );

  // Opened from a claim page: the passage it links to is scrolled into view.
  useEffect(() => {
    if (focusPassageId) scrollToPassage(focusPassageId);
  }, [focusPassageId, scrollToPassage]);
  // Opened from the "to check" list: the sentence is scrolled into view.
  useEffect(() => {
    if (focusSentence !== null) scrollToCandidate(focusSentence);
  }, [focusSentence, scrollToCandidate]);

  /** Runs an action of the annotator; on success the selection and the open form are done with. */
  const act = useCallback(
    async function act<T>(work: Parameters<typeof run<T>>[0], success: string): Promise<T | null> {
      const data = await run(work, success);
      if (data !== null) {
        setMode({ kind: "idle" });
        setSelection(null);
      }
      return data;
    },
    [run, setSelection],
  );
  const removePassage = useCallback((passageId: string) => act(() => removePassageAction({ passageId }), t("done.removed")), [act, t]);

  // A selection made after a candidate was chosen wins over it.
  const chosen = selection ?? (mode.kind === "create" ? mode.proposed?.passage : undefined) ?? null;
  const passageSelection = chosen ? { articleRevisionId: article.revision.id, ...chosen } : null;

  return (
    <div className="annotator">
      <div className="annotator-text-column">
        <ArticleText
          rootRef={rootRef}
          text={article.revision.text}
          language={article.language}
          passages={article.passages}
          activeClaimId={activeClaimId}
          selectable={canWrite}
          onChooseClaim={setActiveClaimId}
          candidates={candidates}
          activeCandidateStart={activeCandidateStart}
          onChooseCandidate={chooseCandidate}
        />
      </div>

      <aside className="annotator-panel" aria-label={t("panelLabel")}>
        <ActionOutcome message={message} className="panel-message" />
        {canWrite && (
          <SelectionPanel
            article={article}
            selection={selection}
            mode={mode}
            pending={pending}
            onMode={setMode}
            onCreate={async (input) => {
              const success = selection ? t("done.created") : t("done.createdFromSentence");
              const created = passageSelection && (await act(() => createClaimAction({ ...input, passage: passageSelection }), success));
              if (created) setActiveClaimId(created.id);
            }}
            onAttach={async (claim) => {
              const added = passageSelection && (await act(() => addPassageAction({ claimId: claim.id, ...passageSelection }), t("done.attached", { statement: excerpt(claim.statement, 60) })));
              if (added) setActiveClaimId(claim.id);
            }}
            onReattach={(passageId) => selection && act(() => reattachPassageAction({ passageId, ...selection }), t("done.reattached"))}
          />
        )}
        {article.revision.isCurrent && (
          <CandidateList candidates={candidates} activeStart={activeCandidateStart} canWrite={canWrite} onFocusCandidate={showCandidate} onMakeClaim={claimCandidate} />
        )}
        {needsDecision.length > 0 && (
          <DecisionList
            article={article}
            passages={needsDecision}
            canWrite={canWrite}
            pending={pending}
            onShow={showPassage}
            onConfirm={(passageId) => act(() => confirmPassageAction({ passageId }), t("done.confirmed"))}
            onReattach={(passageId) => setMode({ kind: "reattach", passageId })}
            onDrop={(passageId) => act(() => removePassageAction({ passageId }), t("done.dropped"))}
          />
        )}
        <ClaimList
          article={article}
          activeClaimId={activeClaimId}
          canWrite={canWrite}
          pending={pending}
          onShow={showPassage}
          onRemove={removePassage}
        />
      </aside>
    </div>
  );
}
