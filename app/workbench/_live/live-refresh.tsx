"use client";

import { useRouter } from "next/navigation";
import { useRef, useTransition } from "react";
import { useLiveTopics } from "./use-live-topics";

const STATUS_TEXT = { connecting: "Connecting live updates…", live: "Live", reconnecting: "Reconnecting…" } as const;

/**
 * Keeps a server-rendered page current: when a change to one of its topics commits, anywhere, the
 * page's data is fetched again (router.refresh keeps what people type in client components).
 * `present` shows the viewer to the others on that topic.
 */
export function LiveRefresh({ topics, present, since }: { topics: string[]; present?: string; since?: string }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const timer = useRef<number | undefined>(undefined);
  const status = useLiveTopics(
    topics,
    (message) => {
      if (message.kind !== "data") return;
      // A burst of changes (a revision re-anchoring many passages) makes one refresh.
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => startTransition(() => router.refresh()), 100);
    },
    { present, since },
  );
  return (
    <p className={`live-status live-status-${status}`} role="status" aria-label={`Live updates: ${STATUS_TEXT[status]}`}>
      <span aria-hidden="true" className="live-dot" /> {STATUS_TEXT[status]}
    </p>
  );
}
