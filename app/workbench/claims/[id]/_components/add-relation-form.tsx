"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/create-action";
import { claimPassagesAction, findClaimsAction, relateClaimsAction } from "../actions";
import { ErrorMessage } from "@/app/_components/error-message";

export type PassageChoice = { id: string; exact: string; articleTitle: string };
type Found = { id: string; statement: string; claimant: string; language: string };
type Kind = "supports" | "supported_by" | "contradicts" | "same_claim";

// In the order offered; each kind's words are workbenchClaim.addRelation.kinds.<kind> and .done.<kind>.
const KINDS: readonly Kind[] = ["contradicts", "supports", "supported_by", "same_claim"];

function excerpt(text: string, max = 110): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Links this claim to another: the kind of link, the other claim (found by typing, across articles
 * and languages), a rationale, and optionally the passages of either claim that justify it.
 */
export function AddRelationForm({
  claimId,
  ownPassages,
  onDone,
  onCancel,
}: {
  claimId: string;
  ownPassages: PassageChoice[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("workbenchClaim.addRelation");
  const ids = useId();
  const [kind, setKind] = useState<Kind>("contradicts");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Found[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [target, setTarget] = useState<Found | null>(null);
  const [targetPassages, setTargetPassages] = useState<PassageChoice[]>([]);
  const [rationale, setRationale] = useState("");
  const [chosenPassages, setChosenPassages] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);

  // Search as the editor types (debounced); the latest query wins.
  useEffect(() => {
    if (target) return;
    const q = query.trim();
    if (q.length < 2) return;
    let current = true;
    const timer = window.setTimeout(async () => {
      setSearching(true);
      const result = await findClaimsAction({ q, limit: 8 });
      if (!current) return;
      setSearching(false);
      setResults(result.ok ? result.data.items.filter((item) => item.id !== claimId) : []);
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, target, claimId]);

  const shown = query.trim().length >= 2 ? results : null;

  async function choose(found: Found) {
    setTarget(found);
    setResults(null);
    setTargetPassages([]);
    const result = await claimPassagesAction({ claimId: found.id });
    if (result.ok) setTargetPassages(result.data);
  }

  function togglePassage(id: string, checked: boolean) {
    setChosenPassages((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target) {
      setError({ code: "invalid", message: t("chooseFirst") });
      return;
    }
    setPending(true);
    setError(null);
    const reversed = kind === "supported_by";
    const validPassages = new Set([...ownPassages, ...targetPassages].map((passage) => passage.id));
    const result = await relateClaimsAction({
      type: kind === "supported_by" ? "supports" : kind,
      fromClaimId: reversed ? target.id : claimId,
      toClaimId: reversed ? claimId : target.id,
      rationale,
      passageIds: [...chosenPassages].filter((id) => validPassages.has(id)),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(t(`done.${kind}`, { claimant: target.claimant }));
  }

  const passageGroup = (title: string, passages: PassageChoice[]) =>
    passages.length > 0 && (
      <div className="cl-passage-group">
        <p className="cl-passage-group-title">{title}</p>
        {passages.map((passage) => (
          <div key={passage.id} className="cl-check">
            <input
              type="checkbox"
              id={`${ids}-p-${passage.id}`}
              checked={chosenPassages.has(passage.id)}
              onChange={(event) => togglePassage(passage.id, event.target.checked)}
            />
            <label htmlFor={`${ids}-p-${passage.id}`}>
              {t("quoted", { text: excerpt(passage.exact, 160) })} <span className="meta">{passage.articleTitle}</span>
            </label>
          </div>
        ))}
      </div>
    );

  return (
    <form className="cl-add-relation" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t("title")}</h3>
      {error && (
        <p className="form-error" role="alert">
          <ErrorMessage error={error} />
        </p>
      )}
      <fieldset className="cl-fieldset">
        <legend>{t("how")}</legend>
        {KINDS.map((option) => (
          <div key={option} className="cl-check">
            <input
              type="radio"
              id={`${ids}-kind-${option}`}
              name={`${ids}-kind`}
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
            />
            <label htmlFor={`${ids}-kind-${option}`}>{t(`kinds.${option}`)}</label>
          </div>
        ))}
      </fieldset>

      {target ? (
        <div className="cl-chosen">
          <p className="cl-passage-group-title">{t("other")}</p>
          <p>
            <strong>{target.claimant}</strong>
            {t("colon")}
            {t("quoted", { text: target.statement })}{" "}
            <button
              type="button"
              className="cl-link-button"
              onClick={() => {
                setTarget(null);
                setTargetPassages([]);
                setChosenPassages((current) => new Set([...current].filter((id) => ownPassages.some((passage) => passage.id === id))));
              }}>
              {t("change")}
              <span className="visually-hidden"> {t("changeHidden")}</span>
            </button>
          </p>
        </div>
      ) : (
        <>
          <label htmlFor={`${ids}-q`}>{t("other")}</label>
          <p className="vr-hint" id={`${ids}-q-hint`}>
            {t("otherHint")}
          </p>
          <input
            id={`${ids}-q`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby={`${ids}-q-hint`}
            autoComplete="off"
            maxLength={200}
          />
          <div aria-live="polite" className="cl-search-state">
            {searching ? t("searching") : shown && shown.length === 0 ? t("noMatch") : ""}
          </div>
          {shown && shown.length > 0 && (
            <ul className="cl-results" aria-label={t("results")}>
              {shown.map((found) => (
                <li key={found.id}>
                  <button type="button" className="cl-result" onClick={() => choose(found)}>
                    <span lang={found.language !== "und" ? found.language : undefined}>{excerpt(found.statement)}</span>
                    <span className="meta">
                      {found.claimant} · {found.language.toUpperCase()}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <label htmlFor={`${ids}-rationale`}>{t("rationale")}</label>
      <p className="vr-hint" id={`${ids}-rationale-hint`}>
        {t("rationaleHint")}
      </p>
      <textarea
        id={`${ids}-rationale`}
        value={rationale}
        onChange={(event) => setRationale(event.target.value)}
        rows={3}
        required
        minLength={3}
        maxLength={2000}
        aria-describedby={`${ids}-rationale-hint`}
      />

      {(ownPassages.length > 0 || targetPassages.length > 0) && (
        <fieldset className="cl-fieldset">
          <legend>{t("passages")}</legend>
          {passageGroup(t("thisClaim"), ownPassages)}
          {target && passageGroup(t("otherClaim"), targetPassages)}
        </fieldset>
      )}

      <div className="vr-actions">
        <button type="submit" disabled={pending}>
          {pending ? t("linking") : t("submit")}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={pending}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
