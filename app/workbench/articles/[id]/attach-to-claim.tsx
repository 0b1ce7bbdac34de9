"use client";

import { useEffect, useState } from "react";
import type { ClaimSearchItem } from "@/lib/search/search-claims";
import { findClaimsAction } from "./actions";

/** Searches claims as the editor types (any article, English or French) and offers them to choose. */
export function AttachToClaim({ pending, onChoose, onCancel }: { pending: boolean; onChoose: (claim: ClaimSearchItem) => void; onCancel: () => void }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<ClaimSearchItem[]>([]);
  const [error, setError] = useState<string | null>(null);
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
      } else setError(result.error.message);
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="attach-box">
      <label htmlFor="attach-search">Find the claim (any article, English or French)</label>
      <input id="attach-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" autoFocus />
      <p className="meta" aria-live="polite">
        {searching ? "Searching…" : query.trim().length >= 2 ? `${visible.length} claim(s) found` : "Type at least two characters."}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="plain-list" aria-label="Matching claims">
        {visible.map((claim) => (
          <li key={claim.id}>
            <button type="button" className="result-button" disabled={pending} onClick={() => onChoose(claim)}>
              <span className="claim-statement">{claim.statement}</span>
              <span className="meta">
                {claim.claimant} · {claim.language} · {claim.passageCount} passage(s)
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
