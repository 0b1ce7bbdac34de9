"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionError, ActionResult } from "@/lib/actions/create-action";

/**
 * Runs a server action from a small form: pending while it runs, its refusal kept for the form to
 * show, and the page's server data refreshed after it succeeded. Resolves to the action's data, or null.
 */
export function useServerAction<Input, Data>(action: (input: Input) => Promise<ActionResult<Data>>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  async function run(input: Input): Promise<Data | null> {
    setPending(true);
    setError(null);
    try {
      const result = await action(input);
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      router.refresh();
      return result.data;
    } catch {
      setError({ code: "unavailable", message: "The server could not be reached; nothing was saved. Try again." });
      return null;
    } finally {
      setPending(false);
    }
  }
  return { run, pending, error, setError };
}
