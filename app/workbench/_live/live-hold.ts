"use client";

import { useEffect } from "react";

// Open forms and selections on a page hold its live refresh: a colleague's change then waits behind
// an "Updated: show" bar (LiveRefresh) instead of re-rendering what the person is working in.

const holds = new Set<symbol>();
const listeners = new Set<() => void>();

export const isLiveRefreshHeld = () => holds.size > 0;

/** Calls `listener` whenever a hold starts or ends; returns the function that stops it. */
export function onLiveHoldChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Holds the page's live refresh while `active`. */
export function useHoldLiveRefresh(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const hold = Symbol("live hold");
    holds.add(hold);
    listeners.forEach((listener) => listener());
    return () => {
      holds.delete(hold);
      listeners.forEach((listener) => listener());
    };
  }, [active]);
}
