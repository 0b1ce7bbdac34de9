"use client";

import type { ReactNode } from "react";
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
  return (
    <form
      className="claim-form"
      aria-label="New claim"
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
      <Field id="claim-statement" label="Statement (short, in its own language)">
        <textarea id="claim-statement" name="statement" rows={3} defaultValue={(proposal?.statement ?? selection.exact).slice(0, 500)} required autoFocus={Boolean(proposal)} />
      </Field>
      <Field id="claim-claimant" label="Claimant (who made it)">
        <input id="claim-claimant" name="claimant" required autoComplete="off" defaultValue={proposal?.claimant} />
      </Field>
      <div className="field-row">
        <Field id="claim-date" label="Claim date">
          <input id="claim-date" name="claimedAt" type="date" defaultValue={claimedAt ? new Date(claimedAt).toISOString().slice(0, 10) : ""} />
        </Field>
        <Field id="claim-language" label="Language">
          <select id="claim-language" name="language" defaultValue={language}>
            <option value="en">English</option>
            <option value="fr">French</option>
            <option value="es">Spanish</option>
            <option value="de">German</option>
            <option value="pt">Portuguese</option>
            <option value="und">Other</option>
          </select>
        </Field>
      </div>
      <Field id="claim-tags" label="Tags (comma separated)">
        <input id="claim-tags" name="tags" autoComplete="off" />
      </Field>
      <div className="button-row">
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save claim"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
