// retryOnceWhenUnavailable (issue 11, item 9): a search that loses the database is tried once more,
// so that during a restart it answers, or fails while the database is known to be away (503); a
// statement that ran out of time or a wrong request is never tried again.
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { retryOnceWhenUnavailable } from "@/lib/search/bounded-search";

// Shaped as pg and PostgreSQL raise them (see lib/errors.test.ts for the real ones).
const connectionLost = () => new Error("Connection terminated unexpectedly");
const shuttingDown = () => Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
const statementTimeout = () => Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
const noTransactionInTime = () => Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });

function failing(...errors: Error[]) {
  let calls = 0;
  const work = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return "results";
  };
  return { work, calls: () => calls };
}

describe("retryOnceWhenUnavailable", () => {
  it("answers when the database is back for the second try", async () => {
    for (const lost of [connectionLost(), shuttingDown()]) {
      const search = failing(lost);
      await expect(retryOnceWhenUnavailable(search.work, 0)).resolves.toBe("results");
      expect(search.calls()).toBe(2);
    }
  });

  it("gives up after one retry with the database error, for the 503 handling", async () => {
    const search = failing(connectionLost(), shuttingDown());
    await expect(retryOnceWhenUnavailable(search.work, 0)).rejects.toMatchObject({ code: "57P01" });
    expect(search.calls()).toBe(2);
  });

  it("does not retry a statement timeout, a saturated pool, a refused request or a bug", async () => {
    for (const error of [statementTimeout(), noTransactionInTime(), new DomainError("invalid", "A search is at most 200 characters."), new TypeError("x is undefined")]) {
      const search = failing(error);
      await expect(retryOnceWhenUnavailable(search.work, 0)).rejects.toBe(error);
      expect(search.calls()).toBe(1);
    }
  });
});
