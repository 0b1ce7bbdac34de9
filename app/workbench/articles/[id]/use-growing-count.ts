"use client";

import { useEffect, useState } from "react";

// Safari has no requestIdleCallback: a short timer stands in for it there.
const whenIdle = (work: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(work, { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 50);
  return () => window.clearTimeout(id);
};

/**
 * How many of `total` items a long list renders: `first` at once (the server's HTML and the
 * hydration agree on them), then `step` more each time the browser is idle, until all are there.
 * The page shows its top part without waiting for thousands of items below it.
 */
export function useGrowingCount(total: number, first: number, step: number): number {
  const [count, setCount] = useState(first);
  useEffect(() => {
    if (count >= total) return;
    return whenIdle(() => setCount((current) => current + step));
  }, [count, total, step]);
  return Math.min(count, total);
}
