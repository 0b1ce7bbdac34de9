"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/create-action";
import { resolveSourceChangeAction } from "@/app/workbench/sources/actions";
import { ErrorMessage } from "@/app/_components/error-message";

/** A reviewer's decision that the fact-check needs no change after its source changed, with the reason. */
export function SourceChangeForm({ itemId, version }: { itemId: string; version: number }) {
  const t = useTranslations("workbenchSources.form");
  const router = useRouter();
  const ids = useId();
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState(false);

  async function confirm() {
    setError(null);
    if (note.trim().length < 3) {
      setError({ code: "invalid", message: t("noteRequired") });
      document.getElementById(`${ids}-note`)?.focus();
      return;
    }
    setPending(true);
    const result = await resolveSourceChangeAction({ itemId, expectedVersion: version, note });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone(true);
    router.refresh();
  }

  if (done) {
    return (
      <p className="form-ok" role="status">
        {t("done")}
      </p>
    );
  }
  return (
    <form
      aria-label={t("label")}
      className="decision-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}>
      <label htmlFor={`${ids}-note`}>{t("note")}</label>
      <p className="vr-hint" id={`${ids}-hint`}>
        {t("hint")}
      </p>
      <textarea
        id={`${ids}-note`}
        name="note"
        rows={3}
        maxLength={1000}
        required
        value={note}
        onChange={(event) => setNote(event.target.value)}
        aria-describedby={`${ids}-hint${error ? ` ${ids}-error` : ""}`}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p className="form-error" role="alert" id={`${ids}-error`}>
          <ErrorMessage error={error} />
        </p>
      )}
      <div className="vr-actions">
        <button type="submit" disabled={pending}>
          {pending ? t("confirming") : t("submit")}
        </button>
      </div>
    </form>
  );
}
