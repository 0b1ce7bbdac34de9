"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useLiveTopics } from "./use-live-topics";

const EDITING_MARK_MS = 5_000;

/**
 * Wraps a form people type in (the verdict draft): a colleague's change does not replace what is
 * being typed; an "Updated: show" bar offers it, and "Show" remounts the form with the new data.
 * Typing in it marks the viewer as editing that verdict, for the others' presence lists.
 */
export function LiveUpdateBar({ topic, viewerId, verdictId, children }: { topic: string; viewerId: string; verdictId: string | null; children: ReactNode }) {
  const t = useTranslations("workbenchLive");
  const router = useRouter();
  const [updated, setUpdated] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [showing, startTransition] = useTransition();
  const lastMark = useRef(0);
  useLiveTopics([topic], (message) => {
    if (message.kind === "data" && message.actorId !== viewerId) setUpdated(true);
  });

  function markEditing() {
    if (!verdictId || Date.now() - lastMark.current < EDITING_MARK_MS) return;
    lastMark.current = Date.now();
    void fetch("/api/live/presence", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ verdictId }) }).catch(() => {});
  }

  return (
    <div onInput={markEditing}>
      {updated && (
        <div className="updated-bar" role="status">
          <span>{t("colleagueChangedVerdict")}</span>
          <button
            type="button"
            className="secondary"
            disabled={showing}
            onClick={() =>
              startTransition(() => {
                router.refresh();
                setGeneration((current) => current + 1);
                setUpdated(false);
              })
            }
          >
            {showing ? t("loading") : t("show")}
          </button>
        </div>
      )}
      <div key={generation}>{children}</div>
    </div>
  );
}
