"use client";

import { useEffect, useId, useRef, useState } from "react";
import { assignClaimsAction, relateClaimsToOneAction, tagClaimsAction } from "../actions";
import { useServerAction } from "../../_components/use-action-runner";
import "../../working-together.css";

export const BULK_FORM_ID = "bulk-claims";
type Option = { id: string; label: string };
type Operation = "tag" | "assign" | "link";
type Outcome = { changed: number; unchanged?: number };

/** The checkbox of one claim row, tied to the bulk form below the table. */
export function BulkCheckbox({ claimId, label }: { claimId: string; label: string }) {
  return <input type="checkbox" name="claimIds" value={claimId} form={BULK_FORM_ID} aria-label={`Select: ${label}`} />;
}

const boxes = (form: HTMLFormElement | null) =>
  [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=claimIds][form="${BULK_FORM_ID}"]`)].filter((box) => box.form === form);

/**
 * Works on the claims ticked on this page: tag them, assign them to an editor, or link them all to
 * one claim. The server changes all of them or none and says which claim it refused and why.
 */
export function BulkBar({ people, claims }: { people: Option[]; claims: Option[] }) {
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
    const verb = { tag: "tagged", assign: "assigned", link: "linked" }[operation];
    setSummary(`${done.changed} claim${done.changed === 1 ? "" : "s"} ${verb}${done.unchanged ? `; ${done.unchanged} already were` : ""}.`);
    selectAll(false);
  }

  return (
    <form
      id={BULK_FORM_ID}
      ref={form}
      className="bk-bar"
      aria-label="Work on the selected claims"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}>
      <div>
        <label className="bk-all">
          <input type="checkbox" checked={selected > 0 && selected === total} onChange={(event) => selectAll(event.target.checked)} /> Select all on this page
        </label>
        <span className="meta" role="status">
          {selected} selected
        </span>
      </div>
      <fieldset>
        <legend className="visually-hidden">What to do with them</legend>
        <div>
          <label htmlFor={`${ids}-op`}>Action</label>
          <select id={`${ids}-op`} value={operation} onChange={(event) => setOperation(event.target.value as Operation)}>
            <option value="tag">Add tags</option>
            <option value="assign">Assign to an editor</option>
            <option value="link">Link to one claim</option>
          </select>
        </div>
        {operation === "tag" && (
          <div>
            <label htmlFor={`${ids}-tags`}>Tags, separated by commas</label>
            <input id={`${ids}-tags`} name="tags" maxLength={400} />
          </div>
        )}
        {operation === "assign" && (
          <div>
            <label htmlFor={`${ids}-who`}>Editor</label>
            <select id={`${ids}-who`} name="assigneeId">
              <option value="">Nobody (unassign)</option>
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
              <label htmlFor={`${ids}-type`}>Link</label>
              <select id={`${ids}-type`} name="type">
                <option value="same_claim">Same claim as</option>
                <option value="supports">Supports</option>
                <option value="contradicts">Contradicts</option>
              </select>
            </div>
            <div>
              <label htmlFor={`${ids}-to`}>Claim on this page</label>
              <select id={`${ids}-to`} name="toClaimId">
                {claims.map((claim) => (
                  <option key={claim.id} value={claim.id}>
                    {claim.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${ids}-why`}>Why</label>
              <input id={`${ids}-why`} name="rationale" maxLength={2000} />
            </div>
          </>
        )}
        <button type="submit" className="cl-small" disabled={current.pending || selected === 0}>
          {current.pending ? "Working…" : `Apply to ${selected} claim${selected === 1 ? "" : "s"}`}
        </button>
      </fieldset>
      {current.error && (
        <p className="form-error" role="alert">
          {current.error.message}
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
