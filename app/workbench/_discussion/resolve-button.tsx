"use client";

import { useTranslations } from "next-intl";
import { setThreadResolvedAction } from "./actions";
import { useServerAction } from "../_components/use-action-runner";
import { ErrorMessage } from "@/app/_components/error-message";

/** Resolves an open thread or reopens a resolved one, at the version the page showed. */
export function ResolveButton({ threadId, version, resolved }: { threadId: string; version: number; resolved: boolean }) {
  const t = useTranslations("workbenchDiscussion");
  const { run, pending, error } = useServerAction(setThreadResolvedAction);
  return (
    <div className="dc-resolve">
      <button type="button" className="secondary cl-small" disabled={pending} onClick={() => void run({ threadId, expectedVersion: version, resolved: !resolved })}>
        {resolved ? t("reopen") : t("resolve")}
      </button>
      {error && (
        <p className="form-error" role="alert">
          <ErrorMessage error={error} />
        </p>
      )}
    </div>
  );
}
