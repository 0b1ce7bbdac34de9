"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/create-action";
import { redeemAccountLinkAction } from "./actions";
import { NewPasswordFields } from "@/app/_components/password-fields";

type Result = ActionResult<{ kind: string; email: string }> | null;

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [result, formAction, pending] = useActionState<Result, FormData>((_, form) => redeemAccountLinkAction(form), null);
  if (result?.ok) {
    return (
      <div role="status">
        <p className="form-ok">Your password is set. Sign in as {result.data.email} with it.</p>
        <p>
          <Link href="/signin">Sign in</Link>
        </p>
      </div>
    );
  }
  const fieldError = (name: string) => (result && !result.ok ? result.error.fields?.[name]?.[0] : undefined);
  return (
    <form action={formAction}>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields fieldError={fieldError} />
      {result && !result.ok && (
        <p className="form-error" role="alert">
          {result.error.message}
        </p>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Set password"}
        </button>
      </p>
    </form>
  );
}
