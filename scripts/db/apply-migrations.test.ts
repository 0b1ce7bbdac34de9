import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations } from "./apply-migrations";
import { createDatabase, dropDatabase } from "./create-database";

const SERVER_URL = process.env.TEST_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const INIT = "20250101000000_init";
const ADD_TAG = "20250102000000_add_tag";

// The plpgsql body has `;` inside $$ ... $$: it only survives if the file is sent as one query.
const INIT_SQL = `-- CreateTable
CREATE TABLE "Note" (
  "id" SERIAL PRIMARY KEY,
  "body" TEXT NOT NULL,
  "revision" INTEGER NOT NULL DEFAULT 0
);

CREATE FUNCTION note_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."revision" := OLD."revision" + 1;
  RETURN NEW;
END;
$$;

CREATE TRIGGER note_bump_revision BEFORE UPDATE ON "Note"
  FOR EACH ROW EXECUTE FUNCTION note_bump_revision();
`;

const ADD_TAG_SQL = `ALTER TABLE "Note" ADD COLUMN "tag" TEXT;
CREATE INDEX "Note_tag_idx" ON "Note"("tag");
`;

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  let migrationsDir: string;
  let dbName: string;
  let url: string;

  beforeEach(async () => {
    migrationsDir = await mkdtemp(path.join(tmpdir(), "claimwork-migrations-"));
    await writeMigration(migrationsDir, INIT, INIT_SQL);
    await writeMigration(migrationsDir, ADD_TAG, ADD_TAG_SQL);
    dbName = `cw_test_migrate_${randomBytes(4).toString("hex")}`;
    url = await createDatabase(SERVER_URL, dbName);
  });

  afterEach(async () => {
    await dropDatabase(SERVER_URL, dbName);
    await rm(migrationsDir, { recursive: true, force: true });
  });

  it("applies pending migrations in order, then nothing on the next run", async () => {
    const lines: string[] = [];
    expect(await applyMigrations(url, { migrationsDir, log: (line) => lines.push(line) })).toEqual([INIT, ADD_TAG]);
    expect(lines.some((line) => line.includes(INIT))).toBe(true);
    expect(await applyMigrations(url, { migrationsDir })).toEqual([]);

    // The plpgsql trigger arrived intact and works.
    await query(url, `INSERT INTO "Note" (body, tag) VALUES ('a', 't')`);
    await query(url, `UPDATE "Note" SET body = 'b'`);
    const rows = await query<{ revision: number }>(url, `SELECT revision FROM "Note"`);
    expect(rows).toEqual([{ revision: 1 }]);
  });

  it("records rows the way Prisma does, with the sha256 of migration.sql", async () => {
    await applyMigrations(url, { migrationsDir });
    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((row) => row.migration_name)).toEqual([INIT, ADD_TAG]);
    for (const row of rows) {
      const file = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("refuses to run when an applied migration was changed", async () => {
    await applyMigrations(url, { migrationsDir });
    await writeFile(path.join(migrationsDir, INIT, "migration.sql"), `${INIT_SQL}\n-- edited\n`);
    await expect(applyMigrations(url, { migrationsDir })).rejects.toThrow(
      `migration ${INIT} was changed after it was applied`,
    );
  });

  it("accepts an applied migration whose file only changed line endings (as Prisma does)", async () => {
    await applyMigrations(url, { migrationsDir });
    await writeFile(path.join(migrationsDir, INIT, "migration.sql"), INIT_SQL.replaceAll("\n", "\r\n"));
    expect(await applyMigrations(url, { migrationsDir })).toEqual([]);
  });

  it("rolls back a failing migration completely and names it in the error", async () => {
    const broken = "20250103000000_broken";
    await writeMigration(
      migrationsDir,
      broken,
      `CREATE TABLE "Partial" ("id" INTEGER);\nINSERT INTO "Missing" VALUES (1);\n`,
    );
    const failure = applyMigrations(url, { migrationsDir });
    await expect(failure).rejects.toThrow(`migration ${broken} failed and was rolled back`);
    await expect(failure).rejects.toThrow(/relation "Missing" does not exist \(line 2\)/);

    const partial = await query<{ t: string | null }>(url, `SELECT to_regclass('"Partial"')::text AS t`);
    expect(partial).toEqual([{ t: null }]);
    const names = await query<{ migration_name: string }>(
      url,
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(names.map((row) => row.migration_name)).toEqual([INIT, ADD_TAG]);

    // Once fixed, the same migration applies normally.
    await writeMigration(migrationsDir, broken, `CREATE TABLE "Partial" ("id" INTEGER);\n`);
    expect(await applyMigrations(url, { migrationsDir })).toEqual([broken]);
  });

  it("lets two concurrent runs apply each migration exactly once", async () => {
    const [first, second] = await Promise.all([
      applyMigrations(url, { migrationsDir }),
      applyMigrations(url, { migrationsDir }),
    ]);
    expect([...first, ...second].sort()).toEqual([INIT, ADD_TAG]);
    const rows = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(rows).toEqual([{ n: 2 }]);
  });

  it("reports a folder without migration.sql", async () => {
    await mkdir(path.join(migrationsDir, "20250104000000_empty"));
    await expect(applyMigrations(url, { migrationsDir })).rejects.toThrow(
      "migration 20250104000000_empty has no migration.sql",
    );
  });
});
