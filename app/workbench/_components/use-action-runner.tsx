"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/create-action";

export type ActionMessage = { kind: "ok" | "error"; text: string };

/**
 * The one way a workbench client component runs a server action: one at a time, with its pending
 * state, its refusal shown in the action's own words, and the page's data fetched again on success.
 */
export function useActionRunner() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  async function run<T>(work: () => Promise<ActionResult<T>>, success: string): Promise<T | null> {
    setPending(true);
    setMessage(null);
    const result = await work();
    setPending(false);
    if (!result.ok) {
      setMessage({ kind: "error", text: result.error.message });
      return null;
    }
    setMessage({ kind: "ok", text: success });
    router.refresh();
    return result.data;
  }

  return { run, pending, message };
}

/** Where the runner's outcome is announced: politely for a success, as an alert for a refusal. */
export function ActionOutcome({ message, className }: { message: ActionMessage | null; className?: string }) {
  return (
    <div aria-live="polite" className={className}>
      {message && (
        <p className={message.kind === "ok" ? "form-ok" : "form-error"} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
