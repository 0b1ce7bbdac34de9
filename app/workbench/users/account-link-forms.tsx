"use client";

import { useActionState, useId } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/create-action";
import { createResetLinkAction, inviteUserAction } from "./actions";

type LinkResult = ActionResult<{ email: string; path: string; expiresAt: string }> | null;

/** The link, shown once: the token is not stored, so it cannot be shown again. */
function ShownOnce({ result, what }: { result: LinkResult; what: string }) {
  const id = useId();
  if (!result) return null;
  if (!result.ok) {
    return (
      <p className="form-error" role="alert">
        {result.error.message}
      </p>
    );
  }
  const url = `${window.location.origin}${result.data.path}`;
  return (
    <div role="status" className="cite-box">
      <label htmlFor={id}>
        {what} for {result.data.email}
      </label>
      <input id={id} type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} size={60} />
      <p className="meta">
        Pass it on to them yourself: it is shown only this once, works once, and expires {new Date(result.data.expiresAt).toUTCString()}.
      </p>
    </div>
  );
}

export function InviteForm() {
  const router = useRouter();
  const [result, formAction, pending] = useActionState<LinkResult, FormData>(async (_, form) => {
    const outcome = await inviteUserAction(form);
    if (outcome.ok) router.refresh();
    return outcome;
  }, null);
  return (
    <form action={formAction} aria-labelledby="invite-heading">
      <label htmlFor="invite-name">Name</label>
      <input id="invite-name" name="name" type="text" required maxLength={200} autoComplete="off" />
      <label htmlFor="invite-email">Email</label>
      <input id="invite-email" name="email" type="email" required maxLength={254} autoComplete="off" />
      <label htmlFor="invite-role">Role</label>
      <select id="invite-role" name="role" defaultValue="editor">
        <option value="editor">Editor</option>
        <option value="reviewer">Reviewer</option>
        <option value="admin">Admin</option>
      </select>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Making the link…" : "Make an invitation link"}
        </button>
      </p>
      <ShownOnce result={result} what="Invitation link" />
    </form>
  );
}

export function ResetLinkForm({ userId, name }: { userId: string; name: string }) {
  const [result, formAction, pending] = useActionState<LinkResult, FormData>((_, form) => createResetLinkAction(form), null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="secondary" disabled={pending}>
        Reset link for {name}
      </button>
      <ShownOnce result={result} what="Password reset link" />
    </form>
  );
}
