"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TextSelection } from "./use-text-selection";

export type NewClaim = { statement: string; claimant: string; claimedAt?: string; language: string; tags: string[] };

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/**
 * The details of a claim made from the selected text; the statement starts as the quote, or as the
 * statement and claimant proposed from a candidate sentence (then the statement takes the focus).
 */
export function CreateClaimForm({
  selection,
  proposal,
  language,
  claimedAt,
  pending,
  onSubmit,
  onCancel,
}: {
  selection: TextSelection;
  proposal?: { statement: string; claimant: string };
  language: string;
  claimedAt: Date | null;
  pending: boolean;
  onSubmit: (input: NewClaim) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("workbenchArticles.annotator");
  return (
    <form
      className="claim-form"
      aria-label={t("newClaim.label")}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const date = String(form.get("claimedAt") ?? "");
        onSubmit({
          statement: String(form.get("statement") ?? ""),
          claimant: String(form.get("claimant") ?? ""),
          claimedAt: date || undefined,
          language: String(form.get("language") ?? language),
          tags: String(form.get("tags") ?? "")
            .split(",")
            .map((tag) => tag.trim())
            .filter(Boolean),
        });
      }}
    >
      <Field id="claim-statement" label={t("newClaim.statement")}>
        <textarea id="claim-statement" name="statement" rows={3} defaultValue={(proposal?.statement ?? selection.exact).slice(0, 500)} required autoFocus={Boolean(proposal)} />
      </Field>
      <Field id="claim-claimant" label={t("newClaim.claimant")}>
        <input id="claim-claimant" name="claimant" required autoComplete="off" defaultValue={proposal?.claimant} />
      </Field>
      <div className="field-row">
        <Field id="claim-date" label={t("newClaim.date")}>
          <input id="claim-date" name="claimedAt" type="date" defaultValue={claimedAt ? new Date(claimedAt).toISOString().slice(0, 10) : ""} />
        </Field>
        <Field id="claim-language" label={t("newClaim.language")}>
          <select id="claim-language" name="language" defaultValue={language}>
            <option value="en">{t("newClaim.languages.en")}</option>
            <option value="fr">{t("newClaim.languages.fr")}</option>
            <option value="es">{t("newClaim.languages.es")}</option>
            <option value="de">{t("newClaim.languages.de")}</option>
            <option value="pt">{t("newClaim.languages.pt")}</option>
            <option value="und">{t("newClaim.languages.und")}</option>
          </select>
        </Field>
      </div>
      <Field id="claim-tags" label={t("newClaim.tags")}>
        <input id="claim-tags" name="tags" autoComplete="off" />
      </Field>
      <div className="button-row">
        <button type="submit" disabled={pending}>
          {pending ? t("saving") : t("newClaim.save")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
