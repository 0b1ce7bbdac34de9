"use client";

import { useTranslations } from "next-intl";
import type { ArticleForAnnotation, AnnotatedPassage } from "@/lib/articles/get-article-for-annotation";
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
  const t = useTranslations("workbenchArticles.annotator");
  return (
    <section className="panel-box needs-decision" aria-label={t("decisions.label")}>
      <h2>{t("decisions.title", { count: passages.length })}</h2>
      <p className="meta">{t("decisions.intro")}</p>
      <ul className="plain-list">
        {passages.map((passage) => (
          <li key={passage.id} className="decision">
            <p>
              <span className={`status status-${passage.status}`}>{t(`passageStatus.${passage.status}`)}</span>
              {passage.status === "fuzzy" && <span className="meta"> {t("decisions.confidence", { confidence: passage.confidence })}</span>}{" "}
              <span className="meta">{article.claims.find((claim) => claim.id === passage.claimId)?.statement}</span>
            </p>
            <PassageComparison passage={passage} text={article.revision.text} />
            {canWrite && (
              <div className="button-row">
                {passage.status !== "orphaned" && (
                  <>
                    <button type="button" className="secondary" onClick={() => onShow(passage.id)}>
                      {t("decisions.show")}
                    </button>
                    <button type="button" disabled={pending} onClick={() => onConfirm(passage.id)}>
                      {t("decisions.confirm")}
                    </button>
                  </>
                )}
                <button type="button" className="secondary" onClick={() => onReattach(passage.id)}>
                  {t("decisions.reattach")}
                </button>
                <RemoveButton label={t("decisions.drop")} pending={pending} onConfirm={() => onDrop(passage.id)} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
