"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { isLiveRefreshHeld, onLiveHoldChange } from "./live-hold";
import { useLiveTopics } from "./use-live-topics";

/**
 * Keeps a server-rendered page current: when a change to one of its topics commits, anywhere, the
 * page's data is fetched again (router.refresh keeps what people type in client components). While
 * a form or selection holds the page (live-hold.ts), an "Updated: show" bar waits instead, and the
 * refresh comes when the hold ends. `present` shows the viewer to the others on that topic.
 */
export function LiveRefresh({ topics, present, since }: { topics: string[]; present?: string; since?: string }) {
  const t = useTranslations("workbenchLive");
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [waiting, setWaiting] = useState(false);
  const waitingRef = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const wait = (value: boolean) => {
    waitingRef.current = value;
    setWaiting(value);
  };
  const refresh = () => {
    wait(false);
    startTransition(() => router.refresh());
  };
  const latestRefresh = useRef(refresh);
  useEffect(() => {
    latestRefresh.current = refresh;
  });
  const status = useLiveTopics(
    topics,
    (message) => {
      if (message.kind !== "data") return;
      // A burst of changes (a revision re-anchoring many passages) makes one refresh.
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => (isLiveRefreshHeld() ? wait(true) : refresh()), 100);
    },
    { present, since },
  );
  // The form or selection closed: what waited is shown now.
  useEffect(
    () =>
      onLiveHoldChange(() => {
        if (!isLiveRefreshHeld() && waitingRef.current) latestRefresh.current();
      }),
    [],
  );
  return (
    <>
      <p className={`live-status live-status-${status}`} role="status" aria-label={t("statusLabel", { status: t(`status.${status}`) })}>
        <span aria-hidden="true" className="live-dot" /> {t(`status.${status}`)}
      </p>
      {waiting && (
        <p className="updated-bar" role="status">
          <span>{t("colleagueChanged")}</span>
          <button type="button" className="secondary" onClick={refresh}>
            {t("show")}
          </button>
        </p>
      )}
    </>
  );
}
