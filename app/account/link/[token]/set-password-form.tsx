"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/create-action";
import { redeemAccountLinkAction } from "./actions";
import { NewPasswordFields } from "@/app/_components/password-fields";
import { ErrorMessage, useFieldReasons } from "@/app/_components/error-message";

type Result = ActionResult<{ kind: string; email: string }> | null;

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("account.link");
  const [result, formAction, pending] = useActionState<Result, FormData>((_, form) => redeemAccountLinkAction(form), null);
  const fieldError = useFieldReasons(result && !result.ok ? result.error : null);
  if (result?.ok) {
    return (
      <div role="status">
        <p className="form-ok">{t("done", { email: result.data.email })}</p>
        <p>
          <Link href="/signin">{t("signIn")}</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction}>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields fieldError={fieldError} />
      {result && !result.ok && (
        <p className="form-error" role="alert">
          <ErrorMessage error={result.error} />
        </p>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {pending ? t("saving") : t("submit")}
        </button>
      </p>
    </form>
  );
}
