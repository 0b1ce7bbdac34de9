import { getDb } from "@/lib/db";

export type Health = { status: "ok" | "unavailable"; database: "reachable" | "unreachable"; latencyMs: number };

/** Readiness: whether the database answers a trivial query within two seconds. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000).unref());
  try {
    await Promise.race([getDb().$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", database: "reachable", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "unavailable", database: "unreachable", latencyMs: Math.round(performance.now() - started) };
  }
}
