// Runs once when the server starts (Next's instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { pinForwardedForToConnection } = await import("@/lib/auth/client-address");
  pinForwardedForToConnection();
  // The claim matcher's indexes (lib/matching/live-index.ts) are built in the background, not awaited:
  // the server answers at once, and the first related-claim suggestion or "already checked by" does
  // not pay for reading every claim. Not while `next build` prerenders.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { warmUpClaimIndex } = await import("@/lib/relations/load-claim-index");
    const { warmUpExternalCheckIndex } = await import("@/lib/exchange/load-external-check-index");
    const report = (what: string) => (error: unknown) => console.warn(`Warming up the ${what} index failed; the first query will build it:`, error);
    warmUpClaimIndex(report("claim"));
    warmUpExternalCheckIndex(report("external fact-check"));
  }
}
