import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./apply-migrations";
import { checkDatabase } from "./check-database";
import { startEmbeddedPostgres } from "./embedded-postgres";

// PGlite's first start runs initdb inside WebAssembly: seconds, not milliseconds.
const SLOW = 120_000;

const MIGRATIONS: Record<string, string> = {
  "20250101000000_init": `CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY, "body" TEXT NOT NULL, "revision" INTEGER NOT NULL DEFAULT 0);
CREATE FUNCTION note_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."revision" := OLD."revision" + 1;
  RETURN NEW;
END;
$$;
CREATE TRIGGER note_bump_revision BEFORE UPDATE ON "Note" FOR EACH ROW EXECUTE FUNCTION note_bump_revision();
`,
  "20250102000000_trgm_index": `CREATE INDEX "Note_body_trgm_idx" ON "Note" USING gin ("body" gin_trgm_ops);
`,
};

/** The pid of a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  if (child.pid === undefined) throw new Error("child did not start");
  return child.pid;
}

describe("startEmbeddedPostgres", () => {
  let root: string;
  let dataDir: string;
  let migrationsDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "claimwork-embedded-"));
    dataDir = path.join(root, "nested", "pgdata"); // parents do not exist yet
    migrationsDir = path.join(root, "migrations");
    for (const [name, sql] of Object.entries(MIGRATIONS)) {
      await mkdir(path.join(migrationsDir, name), { recursive: true });
      await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
    }
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(
    "serves migrations and concurrent queries, then keeps the data across a restart",
    async () => {
      const first = await startEmbeddedPostgres({ dataDir });
      try {
        expect(first.url).toBe(`postgresql://postgres:postgres@127.0.0.1:${first.port}/postgres?sslmode=disable`);
        // Two runs at once: PGlite has no working advisory lock, the in-transaction re-check must cope.
        const [a, b] = await Promise.all([
          applyMigrations(first.url, { migrationsDir }),
          applyMigrations(first.url, { migrationsDir }),
        ]);
        expect([...a, ...b].sort()).toEqual(Object.keys(MIGRATIONS));
        await expect(checkDatabase(first.url)).resolves.toBeUndefined();

        const pool = new pg.Pool({ connectionString: first.url, max: 10 });
        try {
          const sleeps = Array.from({ length: 20 }, () => pool.query("select pg_sleep(0.01)"));
          expect((await Promise.all(sleeps)).length).toBe(20);
          await pool.query(`INSERT INTO "Note" (body) VALUES ('embedded postgres keeps this')`);
          await pool.query(`UPDATE "Note" SET body = body`);
          const similar = await pool.query<{ s: number }>(`SELECT similarity('claimwork', 'claimworks') AS s`);
          expect(similar.rows[0]?.s).toBeGreaterThan(0.5);
        } finally {
          await pool.end();
        }

        // A second server on the same data dir would corrupt it, so it is refused.
        await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow("is already open in this process");
      } finally {
        await first.close();
      }

      // A lock file left by a process that died is stale and must not block the next start.
      await writeFile(`${dataDir}.lock`, `${await deadPid()}\n`);
      const second = await startEmbeddedPostgres({ dataDir });
      try {
        expect(await applyMigrations(second.url, { migrationsDir })).toEqual([]);
        const client = new pg.Client({ connectionString: second.url });
        await client.connect();
        try {
          const rows = await client.query<{ body: string; revision: number }>(`SELECT body, revision FROM "Note"`);
          expect(rows.rows).toEqual([{ body: "embedded postgres keeps this", revision: 1 }]);
        } finally {
          await client.end();
        }
      } finally {
        await second.close();
      }
    },
    SLOW,
  );
});
