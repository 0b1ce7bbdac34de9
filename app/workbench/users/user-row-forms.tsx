"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/create-action";
import { changeUserRoleAction, setUserStatusAction } from "./actions";
import { ErrorMessage } from "@/app/_components/error-message";

type Result = ActionResult<unknown> | null;

/** Runs the action and, when it succeeds, renders the users page again with what changed. */
function useRefreshingAction(action: (form: FormData) => Promise<ActionResult<unknown>>) {
  const router = useRouter();
  return useActionState<Result, FormData>(async (_, form) => {
    const result = await action(form);
    if (result.ok) router.refresh();
    return result;
  }, null);
}

function Feedback({ result }: { result: Result }) {
  const t = useTranslations("workbenchUsers.forms");
  if (!result) return null;
  return result.ok ? (
    <span className="form-ok" role="status">
      {t("saved")}
    </span>
  ) : (
    <span className="form-error" role="alert">
      <ErrorMessage error={result.error} />
    </span>
  );
}

export function RoleForm({ userId, role, name }: { userId: string; role: string; name: string }) {
  const t = useTranslations("workbenchUsers.forms");
  const [result, formAction, pending] = useRefreshingAction(changeUserRoleAction);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`role-${userId}`} className="visually-hidden">
        {t("roleOf", { name })}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        <option value="editor">{t("roles.editor")}</option>
        <option value="reviewer">{t("roles.reviewer")}</option>
        <option value="admin">{t("roles.admin")}</option>
      </select>
      <button type="submit" disabled={pending} aria-label={t("saveRoleOf", { name })}>
        {t("saveRole")}
      </button>
      <Feedback result={result} />
    </form>
  );
}

export function StatusForm({ userId, status, name }: { userId: string; status: string; name: string }) {
  const t = useTranslations("workbenchUsers.forms");
  const [result, formAction, pending] = useRefreshingAction(setUserStatusAction);
  const next = status === "active" ? "disabled" : "active";
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      <button type="submit" className="secondary" disabled={pending}>
        {next === "disabled" ? t("disable", { name }) : t("enable", { name })}
      </button>
      <Feedback result={result} />
    </form>
  );
}
