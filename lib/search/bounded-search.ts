// What a search may cost, and what it answers when the database cannot take it.
//
// Readers' searches are anonymous, and every search no one made before reaches the database (the
// front server caches pages by address). Each one therefore runs with bounds: at most
// MAX_CONCURRENT_READER_SEARCHES at once in this process, each statement at most
// READER_SEARCH_STATEMENT_TIMEOUT_MS (SET LOCAL statement_timeout, in a transaction of its own), and
// pages of at most 30 rows, and a connection within READER_SEARCH_CONNECTION_WAIT_MS. Past a bound the reader is told that search is busy (a DomainError
// "rate_limited"), never given a 500.
//
// A database that goes away in the middle of a search (a restart, a lost connection) is tried once
// more after a pause longer than the reader cache's follower takes to notice it: the search then
// either answers, or fails while the front server knows the database is away and answers 503.
import { getDb, type Tx } from "@/lib/db";
import { DomainError, isDatabaseUnavailable, postgresCode } from "@/lib/errors";

/** Readers' searches running at once in one app process, at most; one more is told search is busy. */
export const MAX_CONCURRENT_READER_SEARCHES = 4;

/** Longest time one statement of a reader's search may take (the app's own bound is 10 s). */
export const READER_SEARCH_STATEMENT_TIMEOUT_MS = 2_000;

/** Longest wait for a connection (and its transaction) before a reader's search is told search is busy. */
export const READER_SEARCH_CONNECTION_WAIT_MS = 3_000;

/** Pause before the one retry of a search the database did not answer (the follower polls every 500 ms). */
export const UNAVAILABLE_RETRY_DELAY_MS = 1_000;

export const SEARCH_BUSY_MESSAGE = "Search is busy right now. Please try again in a few seconds.";
export const SEARCH_BUSY_RETRY_AFTER_SECONDS = 5;

/** The answer to a search over its bounds: clear, and safe to retry. */
export function searchBusy(): DomainError {
  return new DomainError(
    "rate_limited",
    SEARCH_BUSY_MESSAGE,
    { retryAfterSeconds: SEARCH_BUSY_RETRY_AFTER_SECONDS },
    { key: "searchBusy", params: { seconds: SEARCH_BUSY_RETRY_AFTER_SECONDS } },
  );
}

let running = 0;

/**
 * Runs one reader's search within the bounds above: `work` gets a transaction whose statements stop
 * after READER_SEARCH_STATEMENT_TIMEOUT_MS. Throws searchBusy() when too many searches run already or
 * a statement took too long.
 */
export async function runReaderSearch<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_READER_SEARCHES) throw searchBusy();
  running++;
  try {
    return await retryOnceWhenUnavailable(() =>
      getDb().$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT set_config('statement_timeout', ${String(READER_SEARCH_STATEMENT_TIMEOUT_MS)}::text, true)`;
          return work(tx);
        },
        // A search is at most three statements (typo correction, full text, near matches).
        // No free connection within maxWait (the pool is saturated, or the embedded database runs
        // another transaction): busy, as is a search past its whole time.
        { maxWait: READER_SEARCH_CONNECTION_WAIT_MS, timeout: 4 * READER_SEARCH_STATEMENT_TIMEOUT_MS },
      ),
    );
  } catch (error) {
    if (isOverBudget(error)) throw searchBusy();
    throw error;
  } finally {
    running--;
  }
}

/**
 * Runs `work`, and once more after UNAVAILABLE_RETRY_DELAY_MS when the database was unavailable (but
 * not when a statement ran out of time: that search would only take as long again).
 */
export async function retryOnceWhenUnavailable<T>(work: () => Promise<T>, delayMs = UNAVAILABLE_RETRY_DELAY_MS): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error) || isOverBudget(error)) throw error;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return work();
  }
}

// Prisma: no transaction within maxWait or past its timeout (P2028), no pooled connection in time (P2024).
const OVER_BUDGET_PRISMA_CODES = new Set(["P2028", "P2024"]);

/**
 * A search that ran out of time rather than lost the database: PostgreSQL's query_canceled (the
 * statement timeout, or an administrator's cancel), or no connection or transaction in time. Trying
 * again at once would only cost as much again.
 */
function isOverBudget(error: unknown): boolean {
  if (postgresCode(error) === "57014") return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && OVER_BUDGET_PRISMA_CODES.has(code);
}
