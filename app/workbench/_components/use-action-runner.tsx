"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { ActionError, ActionResult } from "@/lib/actions/create-action";
import { ErrorMessage } from "@/app/_components/error-message";

export type ActionMessage = { kind: "ok"; text: string } | { kind: "error"; error: ActionError };

/**
 * The one way a workbench client component runs a server action: one at a time, with its pending
 * state, its refusal shown in the action's own words (or that the server could not be reached), and
 * the page's data fetched again on success.
 */
export function useActionRunner() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  // Stable across renders, so that memoised parts of a page can take callbacks that run actions.
  const run = useCallback(async function run<T>(work: () => Promise<ActionResult<T>>, success?: string): Promise<T | null> {
    setPending(true);
    setMessage(null);
    try {
      const result = await work();
      if (!result.ok) {
        setMessage({ kind: "error", error: result.error });
        return null;
      }
      if (success) setMessage({ kind: "ok", text: success });
      router.refresh();
      return result.data;
    } catch {
      setMessage({ kind: "error", error: { code: "unavailable", message: "", messageKey: { key: "unreachable" } } });
      return null;
    } finally {
      setPending(false);
    }
  }, [router]);

  return { run, pending, message };
}

/** One server action run from a small form: the runner above, with the action's refusal at hand. */
export function useServerAction<Input, Data>(action: (input: Input) => Promise<ActionResult<Data>>) {
  const runner = useActionRunner();
  return {
    run: (input: Input) => runner.run(() => action(input)),
    pending: runner.pending,
    error: runner.message?.kind === "error" ? runner.message.error : null,
  };
}

/** Where the runner's outcome is announced: politely for a success, as an alert for a refusal. */
export function ActionOutcome({ message, className }: { message: ActionMessage | null; className?: string }) {
  return (
    <div aria-live="polite" className={className}>
      {message && (
        <p className={message.kind === "ok" ? "form-ok" : "form-error"} role={message.kind === "error" ? "alert" : "status"}>
          {message.kind === "error" ? <ErrorMessage error={message.error} /> : message.text}
        </p>
      )}
    </div>
  );
}
