"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { ImportQueue } from "./import-queue";

const NO_FILES: never[] = [];

/** The page's import queue and its files, re-rendered in batches as the work goes on. */
export function useImportQueue() {
  const [queue] = useState(() => new ImportQueue());
  const uploads = useSyncExternalStore(queue.subscribe, queue.snapshot, () => NO_FILES);
  const busy = queue.busy;

  // Leaving the page stops the work that is left; the browser asks first.
  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);

  return { queue, uploads, busy };
}
