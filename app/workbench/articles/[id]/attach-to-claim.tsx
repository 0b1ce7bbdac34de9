"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/create-action";
import type { ClaimSearchItem } from "@/lib/search/search-claims";
import { ErrorMessage } from "@/app/_components/error-message";
import { findClaimsAction } from "./actions";

/** Searches claims as the editor types (any article, English or French) and offers them to choose. */
export function AttachToClaim({ pending, onChoose, onCancel }: { pending: boolean; onChoose: (claim: ClaimSearchItem) => void; onCancel: () => void }) {
  const t = useTranslations("workbenchArticles.annotator");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<ClaimSearchItem[]>([]);
  const [error, setError] = useState<ActionError | null>(null);
  const [searching, setSearching] = useState(false);
  const visible = query.trim().length >= 2 ? results : [];

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      setSearching(true);
      const result = await findClaimsAction({ q, limit: 8 });
      if (cancelled) return;
      setSearching(false);
      if (result.ok) {
        setResults(result.data.items);
        setError(null);
      } else setError(result.error);
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="attach-box">
      <label htmlFor="attach-search">{t("attach.find")}</label>
      <input id="attach-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" autoFocus />
      <p className="meta" aria-live="polite">
        {searching ? t("attach.searching") : query.trim().length >= 2 ? t("attach.found", { count: visible.length }) : t("attach.typeMore")}
      </p>
      {error && (
        <p className="form-error" role="alert">
          <ErrorMessage error={error} />
        </p>
      )}
      <ul className="plain-list" aria-label={t("attach.results")}>
        {visible.map((claim) => (
          <li key={claim.id}>
            <button type="button" className="result-button" disabled={pending} onClick={() => onChoose(claim)}>
              <span className="claim-statement">{claim.statement}</span>
              <span className="meta">
                {claim.claimant} · {claim.language} · {t("attach.passages", { count: claim.passageCount })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onCancel}>
        {t("cancel")}
      </button>
    </div>
  );
}
