"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { assignClaimsAction, relateClaimsToOneAction, tagClaimsAction } from "../actions";
import { useServerAction } from "../../_components/use-action-runner";
import "../../working-together.css";
import { ErrorMessage } from "@/app/_components/error-message";

export const BULK_FORM_ID = "bulk-claims";
type Option = { id: string; label: string };
type Operation = "tag" | "assign" | "link";
type Outcome = { changed: number; unchanged?: number };

/** The checkbox of one claim row, tied to the bulk form below the table. */
export function BulkCheckbox({ claimId, label }: { claimId: string; label: string }) {
  const t = useTranslations("workbenchClaims");
  return <input type="checkbox" name="claimIds" value={claimId} form={BULK_FORM_ID} aria-label={t("bulk.selectOne", { label })} />;
}

const boxes = (form: HTMLFormElement | null) =>
  [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=claimIds][form="${BULK_FORM_ID}"]`)].filter((box) => box.form === form);

/**
 * Works on the claims ticked on this page: tag them, assign them to an editor, or link them all to
 * one claim. The server changes all of them or none and says which claim it refused and why.
 */
export function BulkBar({ people, claims }: { people: Option[]; claims: Option[] }) {
  const t = useTranslations("workbenchClaims");
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState(0);
  const [total, setTotal] = useState(0);
  const [operation, setOperation] = useState<Operation>("tag");
  const [summary, setSummary] = useState<string | null>(null);
  const tag = useServerAction(tagClaimsAction);
  const assign = useServerAction(assignClaimsAction);
  const link = useServerAction(relateClaimsToOneAction);
  const current = { tag, assign, link }[operation];

  useEffect(() => {
    const count = () => setSelected(boxes(form.current).filter((box) => box.checked).length);
    setTotal(boxes(form.current).length);
    count();
    document.addEventListener("change", count);
    return () => document.removeEventListener("change", count);
  }, []);

  function selectAll(checked: boolean) {
    for (const box of boxes(form.current)) box.checked = checked;
    setSelected(checked ? total : 0);
  }

  async function submit(data: FormData) {
    setSummary(null);
    const claimIds = data.getAll("claimIds").map(String);
    const text = (name: string) => String(data.get(name) ?? "");
    const done: Outcome | null =
      operation === "tag"
        ? await tag.run({ claimIds, tags: text("tags") })
        : operation === "assign"
          ? await assign.run({ claimIds, assigneeId: text("assigneeId") || null })
          : // The claim they are linked to may be ticked too ("select all"): it is not linked to itself.
            await link.run({ claimIds: claimIds.filter((id) => id !== text("toClaimId")), toClaimId: text("toClaimId"), type: text("type") as "supports", rationale: text("rationale") });
    if (!done) return;
    setSummary(t(`bulk.done.${operation}`, { changed: done.changed, unchanged: done.unchanged ?? 0 }));
    selectAll(false);
  }

  return (
    <form
      id={BULK_FORM_ID}
      ref={form}
      className="bk-bar"
      aria-label={t("bulk.label")}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}>
      <div>
        <label className="bk-all">
          <input type="checkbox" checked={selected > 0 && selected === total} onChange={(event) => selectAll(event.target.checked)} /> {t("bulk.selectAll")}
        </label>
        <span className="meta" role="status">
          {t("bulk.selected", { count: selected })}
        </span>
      </div>
      <fieldset>
        <legend className="visually-hidden">{t("bulk.what")}</legend>
        <div>
          <label htmlFor={`${ids}-op`}>{t("bulk.action")}</label>
          <select id={`${ids}-op`} value={operation} onChange={(event) => setOperation(event.target.value as Operation)}>
            <option value="tag">{t("bulk.operations.tag")}</option>
            <option value="assign">{t("bulk.operations.assign")}</option>
            <option value="link">{t("bulk.operations.link")}</option>
          </select>
        </div>
        {operation === "tag" && (
          <div>
            <label htmlFor={`${ids}-tags`}>{t("bulk.tags")}</label>
            <input id={`${ids}-tags`} name="tags" maxLength={400} />
          </div>
        )}
        {operation === "assign" && (
          <div>
            <label htmlFor={`${ids}-who`}>{t("bulk.editor")}</label>
            <select id={`${ids}-who`} name="assigneeId">
              <option value="">{t("bulk.nobody")}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {operation === "link" && (
          <>
            <div>
              <label htmlFor={`${ids}-type`}>{t("bulk.link")}</label>
              <select id={`${ids}-type`} name="type">
                <option value="same_claim">{t("bulk.linkTypes.same_claim")}</option>
                <option value="supports">{t("bulk.linkTypes.supports")}</option>
                <option value="contradicts">{t("bulk.linkTypes.contradicts")}</option>
              </select>
            </div>
            <div>
              <label htmlFor={`${ids}-to`}>{t("bulk.toClaim")}</label>
              <select id={`${ids}-to`} name="toClaimId">
                {claims.map((claim) => (
                  <option key={claim.id} value={claim.id}>
                    {claim.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${ids}-why`}>{t("bulk.why")}</label>
              <input id={`${ids}-why`} name="rationale" maxLength={2000} />
            </div>
          </>
        )}
        <button type="submit" className="cl-small" disabled={current.pending || selected === 0}>
          {current.pending ? t("bulk.working") : t("bulk.apply", { count: selected })}
        </button>
      </fieldset>
      {current.error && (
        <p className="form-error" role="alert">
          <ErrorMessage error={current.error} />
        </p>
      )}
      {summary && (
        <p className="form-ok" role="status">
          {summary}
        </p>
      )}
    </form>
  );
}
