"use client";

import type { ArticleForAnnotation, AnnotatedPassage } from "@/lib/articles/get-article-for-annotation";
import { PASSAGE_STATUS_LABELS } from "@/lib/anchoring/passage-status";
import { PassageComparison } from "./passage-comparison";
import { RemoveButton } from "./remove-button";

/** Passages a new revision moved, changed or lost, each with the editor's choices: confirm, re-attach, drop. */
export function DecisionList({
  article,
  passages,
  canWrite,
  pending,
  onShow,
  onConfirm,
  onReattach,
  onDrop,
}: {
  article: ArticleForAnnotation;
  passages: AnnotatedPassage[];
  canWrite: boolean;
  pending: boolean;
  onShow: (passageId: string) => void;
  onConfirm: (passageId: string) => void;
  onReattach: (passageId: string) => void;
  onDrop: (passageId: string) => void;
}) {
  return (
    <section className="panel-box needs-decision" aria-label="Passages that need your decision">
      <h2>Needs your decision ({passages.length})</h2>
      <p className="meta">This revision changed the text. Check each passage against the earlier revision.</p>
      <ul className="plain-list">
        {passages.map((passage) => (
          <li key={passage.id} className="decision">
            <p>
              <span className={`status status-${passage.status}`}>{PASSAGE_STATUS_LABELS[passage.status]}</span>
              {passage.status === "fuzzy" && <span className="meta"> confidence {Math.round(passage.confidence * 100)}%</span>}{" "}
              <span className="meta">{article.claims.find((claim) => claim.id === passage.claimId)?.statement}</span>
            </p>
            <PassageComparison passage={passage} text={article.revision.text} />
            {canWrite && (
              <div className="button-row">
                {passage.status !== "orphaned" && (
                  <>
                    <button type="button" className="secondary" onClick={() => onShow(passage.id)}>
                      Show
                    </button>
                    <button type="button" disabled={pending} onClick={() => onConfirm(passage.id)}>
                      Confirm
                    </button>
                  </>
                )}
                <button type="button" className="secondary" onClick={() => onReattach(passage.id)}>
                  Re-attach…
                </button>
                <RemoveButton label="Drop" pending={pending} onConfirm={() => onDrop(passage.id)} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
