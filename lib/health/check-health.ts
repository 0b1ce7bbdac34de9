import { getDb } from "@/lib/db";
import { UNAVAILABLE_MESSAGE_TEXT } from "@/lib/errors";

export type Health =
  | { status: "ok"; database: "reachable"; latencyMs: number }
  // Same shape as every other API refusal, so a client shows error.message whatever it called.
  | { status: "unavailable"; database: "unreachable"; latencyMs: number; error: { code: "unavailable"; message: string } };

const TIMEOUT_MS = 2_000;

/** Readiness: whether the database answers a trivial query within two seconds. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), TIMEOUT_MS);
  });
  const query = getDb()
    .$queryRaw`SELECT 1`.then(() => "ok" as const)
    .catch(() => "failed" as const);
  const outcome = await Promise.race([query, timeout]);
  clearTimeout(timer);
  const latencyMs = Math.round(performance.now() - started);
  return outcome === "ok"
    ? { status: "ok", database: "reachable", latencyMs }
    : { status: "unavailable", database: "unreachable", latencyMs, error: { code: "unavailable", message: UNAVAILABLE_MESSAGE_TEXT } };
}
