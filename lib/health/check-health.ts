import { getDb } from "@/lib/db";

export type Health = { status: "ok" | "unavailable"; database: "reachable" | "unreachable"; latencyMs: number };

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
    : { status: "unavailable", database: "unreachable", latencyMs };
}
