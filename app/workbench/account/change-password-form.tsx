"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/create-action";
import { changePasswordAction } from "./actions";

type Result = ActionResult<{ signedOut: true }> | null;

export function ChangePasswordForm() {
  const router = useRouter();
  const [result, formAction, pending] = useActionState<Result, FormData>((_, form) => changePasswordAction(form), null);
  useEffect(() => {
    // The change signed this browser out too: sign in again with the new password.
    if (result?.ok) router.push("/signin?changed=1&callbackUrl=%2Fworkbench%2Faccount");
  }, [result, router]);
  const fieldError = (name: string) => (result && !result.ok ? result.error.fields?.[name]?.[0] : undefined);
  return (
    <form action={formAction} className="narrow">
      <label htmlFor="currentPassword">Current password</label>
      <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required aria-describedby={fieldError("currentPassword") ? "currentPassword-error" : undefined} />
      {fieldError("currentPassword") && <p id="currentPassword-error" className="form-error">{fieldError("currentPassword")}</p>}
      <label htmlFor="newPassword">New password</label>
      <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={12} aria-describedby={fieldError("newPassword") ? "newPassword-error" : undefined} />
      {fieldError("newPassword") && <p id="newPassword-error" className="form-error">{fieldError("newPassword")}</p>}
      <label htmlFor="confirmation">New password again</label>
      <input id="confirmation" name="confirmation" type="password" autoComplete="new-password" required aria-describedby={fieldError("confirmation") ? "confirmation-error" : undefined} />
      {fieldError("confirmation") && <p id="confirmation-error" className="form-error">{fieldError("confirmation")}</p>}
      {result && !result.ok && (
        <p className="form-error" role="alert">
          {result.error.message}
        </p>
      )}
      {result?.ok && (
        <p className="form-ok" role="status">
          Password changed. You were signed out everywhere; sign in with the new password.
        </p>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </p>
    </form>
  );
}
