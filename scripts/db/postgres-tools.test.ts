import { describe, expect, it } from "vitest";
import { findPostgresTool, runPostgresTool } from "./postgres-tools";

// Machines that run the tests on the embedded database only may have no PostgreSQL tools at all.
const installed = await findPostgresTool("pg_restore", 0).then(
  () => true,
  () => false,
);

describe("findPostgresTool", () => {
  it.skipIf(!installed)("finds pg_dump and pg_restore that run, with their major version", async () => {
    for (const name of ["pg_dump", "pg_restore"] as const) {
      const tool = await findPostgresTool(name, 10);
      expect(tool.major).toBeGreaterThanOrEqual(10);
      expect(await runPostgresTool(tool, ["--version"])).toContain(`(PostgreSQL) ${tool.major}`);
    }
  });

  it("says what to install when no tool is recent enough for the server", async () => {
    await expect(findPostgresTool("pg_dump", 99)).rejects.toThrow(
      /^pg_dump .*: install the PostgreSQL 99 client tools \(Debian\/Ubuntu: apt install postgresql-client-99\)/,
    );
  });

  it.skipIf(!installed)("reports the tool's own error in one line", async () => {
    const tool = await findPostgresTool("pg_restore", 10);
    await expect(runPostgresTool(tool, ["--list", "/nonexistent/claimwork.dump"])).rejects.toThrow(
      /^pg_restore failed: pg_restore: error: could not open input file "\/nonexistent\/claimwork.dump": No such file or directory$/,
    );
  });
});
