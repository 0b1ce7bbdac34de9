"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/create-action";
import { changePasswordAction } from "./actions";
import { NewPasswordFields, PasswordField } from "@/app/_components/password-fields";
import { ErrorMessage, useFieldReasons } from "@/app/_components/error-message";

type Result = ActionResult<{ signedOut: true }> | null;

export function ChangePasswordForm() {
  const t = useTranslations("account.changePassword");
  const router = useRouter();
  const [result, formAction, pending] = useActionState<Result, FormData>((_, form) => changePasswordAction(form), null);
  useEffect(() => {
    // The change signed this browser out too: sign in again with the new password.
    if (result?.ok) router.push("/signin?changed=1&callbackUrl=%2Fworkbench%2Faccount");
  }, [result, router]);
  const fieldError = useFieldReasons(result && !result.ok ? result.error : null);
  return (
    <form action={formAction} className="narrow">
      <PasswordField name="currentPassword" label={t("current")} autoComplete="current-password" error={fieldError("currentPassword")} />
      <NewPasswordFields fieldError={fieldError} />
      {result && !result.ok && (
        <p className="form-error" role="alert">
          <ErrorMessage error={result.error} />
        </p>
      )}
      {result?.ok && (
        <p className="form-ok" role="status">
          {t("done")}
        </p>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {pending ? t("changing") : t("submit")}
        </button>
      </p>
    </form>
  );
}
