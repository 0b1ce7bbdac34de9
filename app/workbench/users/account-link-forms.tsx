"use client";

import { useActionState, useId } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { DATE_TIME } from "../_components/date-format";
import type { ActionResult } from "@/lib/actions/create-action";
import { createResetLinkAction, inviteUserAction } from "./actions";
import { ErrorMessage } from "@/app/_components/error-message";

type LinkResult = ActionResult<{ email: string; path: string; expiresAt: string }> | null;

/** The link, shown once: the token is not stored, so it cannot be shown again. */
function ShownOnce({ result, what }: { result: LinkResult; what: string }) {
  const t = useTranslations("workbenchUsers.forms");
  const format = useFormatter();
  const id = useId();
  if (!result) return null;
  if (!result.ok) {
    return (
      <p className="form-error" role="alert">
        <ErrorMessage error={result.error} />
      </p>
    );
  }
  const url = `${window.location.origin}${result.data.path}`;
  return (
    <div role="status" className="cite-box">
      <label htmlFor={id}>
        {t("linkFor", { what, email: result.data.email })}
      </label>
      <input id={id} type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} size={60} />
      <p className="meta">
        {t("passItOn", { date: format.dateTime(new Date(result.data.expiresAt), DATE_TIME) })}
      </p>
    </div>
  );
}

export function InviteForm() {
  const t = useTranslations("workbenchUsers.forms");
  const router = useRouter();
  const [result, formAction, pending] = useActionState<LinkResult, FormData>(async (_, form) => {
    const outcome = await inviteUserAction(form);
    if (outcome.ok) router.refresh();
    return outcome;
  }, null);
  return (
    <form action={formAction} aria-labelledby="invite-heading">
      <label htmlFor="invite-name">{t("name")}</label>
      <input id="invite-name" name="name" type="text" required maxLength={200} autoComplete="off" />
      <label htmlFor="invite-email">{t("email")}</label>
      <input id="invite-email" name="email" type="email" required maxLength={254} autoComplete="off" />
      <label htmlFor="invite-role">{t("role")}</label>
      <select id="invite-role" name="role" defaultValue="editor">
        <option value="editor">{t("roles.editor")}</option>
        <option value="reviewer">{t("roles.reviewer")}</option>
        <option value="admin">{t("roles.admin")}</option>
      </select>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? t("making") : t("makeInvitation")}
        </button>
      </p>
      <ShownOnce result={result} what={t("invitationLink")} />
    </form>
  );
}

export function ResetLinkForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("workbenchUsers.forms");
  const [result, formAction, pending] = useActionState<LinkResult, FormData>((_, form) => createResetLinkAction(form), null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="secondary" disabled={pending}>
        {t("resetFor", { name })}
      </button>
      <ShownOnce result={result} what={t("resetLink")} />
    </form>
  );
}
