"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { TriageCandidate } from "@/lib/triage/find-check-worthy-sentences";
import { useTriageReasons } from "@/app/workbench/_reasons/use-triage-reasons";
import { excerpt } from "./excerpt";
import "./triage.css";

const keyChunk = (chunks: React.ReactNode) => <kbd className="key">{chunks}</kbd>;

/** Keys typed in these places are the editor's text, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest(".article-text")) return false; // read-only: nothing is typed there
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The sentences worth checking that no claim covers yet, in text order, each with its score and
 * reasons. One tab stop: ↑/↓ (or j/k) move between them, and anywhere on the page ] and [ jump to the
 * next or previous one. Focusing one shows it in the text; Enter (or a click) makes a claim of it.
 */
export function CandidateList({
  candidates,
  activeStart,
  canWrite,
  onFocusCandidate,
  onMakeClaim,
}: {
  candidates: TriageCandidate[];
  activeStart: number | null;
  canWrite: boolean;
  onFocusCandidate: (candidate: TriageCandidate) => void;
  onMakeClaim: (candidate: TriageCandidate) => void;
}) {
  const t = useTranslations("workbenchArticles.triage");
  const triageReasons = useTriageReasons();
  const listRef = useRef<HTMLOListElement>(null);
  const activeIndex = Math.max(0, candidates.findIndex((candidate) => candidate.start === activeStart));

  function focusAt(index: number) {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>("button.candidate-button");
    if (!buttons?.length) return;
    buttons[(index + buttons.length) % buttons.length]?.focus();
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.key !== "]" && event.key !== "[") || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      const inList = listRef.current?.contains(document.activeElement);
      focusAt(inList ? activeIndex + (event.key === "]" ? 1 : -1) : event.key === "]" ? activeIndex : candidates.length - 1);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  });

  function onListKeyDown(event: React.KeyboardEvent) {
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, j: activeIndex + 1, ArrowUp: activeIndex - 1, k: activeIndex - 1, Home: 0, End: candidates.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    focusAt(to);
  }

  return (
    <section className="panel-box" aria-labelledby="candidates-heading">
      <h2 id="candidates-heading">{t("title", { count: candidates.length })}</h2>
      {candidates.length === 0 ? (
        <p className="meta">{t("empty")}</p>
      ) : (
        <>
          <p className="meta" id="candidates-help">
            {canWrite ? t.rich("helpWrite", { key: keyChunk }) : t.rich("helpRead", { key: keyChunk })}
          </p>
          <ol className="plain-list candidate-list" ref={listRef} onKeyDown={onListKeyDown} aria-describedby="candidates-help">
            {candidates.map((candidate, index) => {
              const active = index === activeIndex;
              const reasons = triageReasons.line(candidate.reasons);
              return (
                <li key={candidate.start}>
                  <button
                    type="button"
                    className="candidate-button"
                    tabIndex={active ? 0 : -1}
                    aria-current={candidate.start === activeStart ? "true" : undefined}
                    aria-describedby={`candidate-why-${candidate.start}`}
                    onFocus={() => onFocusCandidate(candidate)}
                    onClick={() => (canWrite ? onMakeClaim(candidate) : onFocusCandidate(candidate))}
                  >
                    <span className="candidate-score">{candidate.score.toFixed(1)}</span>
                    {excerpt(candidate.text, 140)}
                  </button>
                  <span className={candidate.start === activeStart ? "candidate-reasons" : "visually-hidden"} id={`candidate-why-${candidate.start}`}>
                    {canWrite ? t("whyWrite", { reasons }) : t("whyRead", { reasons })}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
