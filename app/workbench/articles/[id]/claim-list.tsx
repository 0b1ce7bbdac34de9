"use client";

import { memo, useMemo } from "react";
import { useTranslations } from "next-intl";
import type { AnnotatedPassage, ArticleForAnnotation } from "@/lib/articles/get-article-for-annotation";
import { excerpt } from "./excerpt";
import { RemoveButton } from "./remove-button";
import { useGrowingCount } from "./use-growing-count";

/** Claims rendered with the page; the rest follow while the browser is idle. */
const FIRST_CLAIMS = 50;
const MORE_CLAIMS = 250;

/**
 * The claims anchored in this revision, each with its passages (click one to see it in the text).
 * Memoised: an article may hold thousands of claims, and a selection in the text must not re-render them;
 * the first of them come with the page and the rest when the browser is idle (the list is busy until then).
 */
export const ClaimList = memo(function ClaimList({
  article,
  activeClaimId,
  canWrite,
  pending,
  onShow,
  onRemove,
}: {
  article: ArticleForAnnotation;
  activeClaimId: string | null;
  canWrite: boolean;
  pending: boolean;
  onShow: (passageId: string) => void;
  onRemove: (passageId: string) => void;
}) {
  const t = useTranslations("workbenchArticles.annotator");
  const passagesByClaim = useMemo(() => {
    const grouped = new Map<string, AnnotatedPassage[]>();
    for (const passage of article.passages) grouped.set(passage.claimId, [...(grouped.get(passage.claimId) ?? []), passage]);
    return grouped;
  }, [article.passages]);
  const shown = useGrowingCount(article.claims.length, FIRST_CLAIMS, MORE_CLAIMS);
  return (
    <section className="panel-box" aria-label={t("claims.label")}>
      <h2>{t("claims.title", { count: article.claims.length })}</h2>
      {article.claims.length === 0 && <p className="meta">{t("claims.empty")}</p>}
      <ul className="plain-list" aria-busy={shown < article.claims.length ? "true" : undefined}>
        {article.claims.slice(0, shown).map((claim) => (
          <li key={claim.id} className={`claim-card${claim.id === activeClaimId ? " claim-card-active" : ""}`} aria-current={claim.id === activeClaimId ? "true" : undefined}>
            <p className="claim-statement">
              <a href={`/workbench/claims/${claim.id}`}>{claim.statement}</a>
            </p>
            <p className="meta">
              {claim.claimant} · {claim.language}
            </p>
            <ul className="plain-list">
              {(passagesByClaim.get(claim.id) ?? []).map((passage) => (
                  <li key={passage.id} className="passage-line">
                    <button type="button" className="link-button" onClick={() => onShow(passage.id)} disabled={passage.status === "orphaned"}>
                      {t("quoted", { text: excerpt(passage.exact, 70) })}
                    </button>{" "}
                    <span className={`status status-${passage.status}`}>{t(`passageStatus.${passage.status}`)}</span>
                    {canWrite && <RemoveButton label={t("claims.remove")} pending={pending} onConfirm={() => onRemove(passage.id)} />}
                  </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
});
