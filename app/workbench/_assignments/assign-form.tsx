"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { assignClaimAction, assignVerdictReviewerAction } from "./actions";
import { useServerAction } from "../_components/use-action-runner";
import { ErrorMessage } from "@/app/_components/error-message";

type Person = { id: string; name: string };

/** Hands a claim (to an editor) or a verdict (to a reviewer) to someone, or to nobody. */
export function AssignForm(props: { target: { claimId: string } | { verdictId: string }; current: Person | null; candidates: Person[]; label: string }) {
  const t = useTranslations("workbenchAssignments");
  const ids = useId();
  const [chosen, setChosen] = useState(props.current?.id ?? "");
  const { run, pending, error } = useServerAction<{ claimId: string; assigneeId: string | null } | { verdictId: string; assigneeId: string | null }, unknown>(
    (input) => ("claimId" in input ? assignClaimAction(input) : assignVerdictReviewerAction(input)),
  );
  return (
    <form
      className="as-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run({ ...props.target, assigneeId: chosen || null });
      }}>
      <div>
        <label htmlFor={`${ids}-who`} className="visually-hidden">
          {props.label}
        </label>
        <select id={`${ids}-who`} value={chosen} onChange={(event) => setChosen(event.target.value)} aria-describedby={error ? `${ids}-error` : undefined}>
          <option value="">{t("nobody")}</option>
          {props.candidates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary cl-small" disabled={pending || chosen === (props.current?.id ?? "")}>
        {pending ? t("saving") : t("assign")}
        <span className="visually-hidden"> ({props.label})</span>
      </button>
      {error && (
        <p className="form-error" role="alert" id={`${ids}-error`}>
          <ErrorMessage error={error} />
        </p>
      )}
    </form>
  );
}
