"use client";

import type { ReactNode } from "react";
import { markNotificationsReadAction } from "./actions";
import { useServerAction } from "../_components/use-action-runner";
import { ErrorMessage } from "@/app/_components/error-message";

/** Marks one notification read, or all of them (`notificationId` left out). */
export function MarkReadButton({ notificationId, label }: { notificationId?: string; label: ReactNode }) {
  const { run, pending, error } = useServerAction(markNotificationsReadAction);
  return (
    <>
      <button
        type="button"
        className="secondary cl-small"
        disabled={pending}
        onClick={() => void run(notificationId ? { notificationIds: [notificationId] } : { all: true })}>
        {label}
      </button>
      {error && (
        <p className="form-error" role="alert">
          <ErrorMessage error={error} />
        </p>
      )}
    </>
  );
}
