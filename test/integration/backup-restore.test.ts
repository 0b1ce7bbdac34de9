// Backups: a backup restored into an empty database gives back every row of every table, the restored
// database still enforces its triggers, and a non-empty database is never restored into. Once on the
// PostgreSQL server of the test run (library calls), once on the embedded PGlite (the npm commands).
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { ROOT } from "@/scripts/lib/next-build";
import { applyMigrations } from "@/scripts/db/apply-migrations";
import { backupDatabase } from "@/scripts/db/backup-database";
import { createDatabase, dropDatabase } from "@/scripts/db/create-database";
import { countRows, pgQuery, type Query } from "@/scripts/db/database-contents";
import { openEmbeddedDatabase, startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { restoreDatabase } from "@/scripts/db/restore-database";
import { seedDemo } from "@/seeds/seed-demo";
import { unique } from "@/test/integration/support";

const IMMUTABLE = "23000"; // SQLSTATE of the immutability triggers (integrity_constraint_violation)
const FOUR_EYES = "23514"; // check_violation, raised by the four-eyes trigger

type Checksums = Record<string, { rows: number; md5: string }>;

/** Per table (the app's, _prisma_migrations and claimwork_search.words alike): row count and md5 of its rows in text order. */
async function checksums(query: Query): Promise<Checksums> {
  const tables = await query(`
    SELECT format('%I.%I', table_schema, table_name) AS quoted FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`);
  const result: Checksums = {};
  for (const { quoted } of tables as { quoted: string }[]) {
    const [row] = await query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${quoted} t`);
    result[quoted] = { rows: Number(row?.rows), md5: String(row?.md5) };
  }
  return result;
}

/** The SQLSTATE a statement fails with, or "accepted". */
async function refusal(query: Query, sql: string): Promise<string> {
  return query(sql).then(
    () => "accepted",
    (error: { code?: string }) => error.code ?? String(error),
  );
}

/** What the restored database must still refuse: changing audit rows and revisions, reviewing one's own revision. */
async function expectTriggersEnforced(query: Query): Promise<void> {
  expect(await refusal(query, `UPDATE audit_events SET action = 'rewritten' WHERE id = (SELECT min(id) FROM audit_events)`)).toBe(IMMUTABLE);
  expect(await refusal(query, `DELETE FROM audit_events`)).toBe(IMMUTABLE);
  expect(await refusal(query, `TRUNCATE audit_events`)).toBe(IMMUTABLE);
  expect(await refusal(query, `UPDATE verdict_revisions SET headline = 'rewritten'`)).toBe(IMMUTABLE);
  expect(
    await refusal(
      query,
      `INSERT INTO reviews (verdict_revision_id, reviewer_id, decision)
       SELECT id, author_id, 'approve' FROM verdict_revisions LIMIT 1`,
    ),
  ).toBe(FOUR_EYES);
  // Sequences came back too: the next audit row follows the restored ones.
  const [max] = await query(`SELECT max(id)::text AS id FROM audit_events`);
  const [next] = await query(`INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('test.restored', 'test', 'x') RETURNING id::text AS id`);
  expect(BigInt(String(next?.id))).toBeGreaterThan(BigInt(String(max?.id)));
}

/** Rows in every table a fact-check is made of, so that the comparisons below compare something. */
function expectRowsInMainTables(counts: Checksums): void {
  for (const table of ["users", "articles", "article_revisions", "claims", "passages", "verdicts", "verdict_revisions", "verdict_revision_authors", "fact_check_snapshots", "reviews", "publications", "audit_events"]) {
    expect(counts[`public.${table}`]?.rows, table).toBeGreaterThan(0);
  }
}

// A published fact-check written row by row (the server test seeds through the use cases instead): two
// users, an article with a binary raw revision, a claim (its trigger fills the search vector and words),
// a passage, a verdict revision approved by the other user, its publication and two audit rows.
const FACT_CHECK_ROWS = `
INSERT INTO users (id, email, name, password_hash, role, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'editrice@backup.test', 'Édith Éditrice', '$argon2id$stand-in', 'editor', now()),
  ('00000000-0000-4000-8000-000000000002', 'reviewer@backup.test', 'Rui Reviewer', '$argon2id$stand-in', 'reviewer', now());
INSERT INTO articles (id, title, language, created_by_id, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000a1', 'Le président et la météo', 'fr', '00000000-0000-4000-8000-000000000001', now());
INSERT INTO article_revisions (id, article_id, number, raw, raw_media_type, text, text_hash, created_by_id) VALUES
  ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a1', 1, '\\x00ff4c6520707273'::bytea, 'text/plain',
   'Le président a dit « il fera beau cet été ».', repeat('ab', 32), '00000000-0000-4000-8000-000000000001');
INSERT INTO claims (id, statement, claimant, language, tags, created_by_id, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000c1', 'Il fera beau cet été', 'Le président', 'fr', ARRAY['météo', 'été'],
   '00000000-0000-4000-8000-000000000001', now());
INSERT INTO passages (claim_id, article_id, article_revision_id, exact, prefix, start, "end", created_by_id, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1',
   'il fera beau cet été', 'a dit « ', 23, 43, '00000000-0000-4000-8000-000000000001', now());
INSERT INTO verdicts (id, claim_id, created_by_id, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-000000000001', now());
INSERT INTO verdict_revisions (id, verdict_id, number, rating, headline, summary, explanation, author_id) VALUES
  ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000d1', 1, 'unproven', 'Une prévision, pas un fait',
   'Personne ne le sait encore.', 'Les prévisions saisonnières sont incertaines.', '00000000-0000-4000-8000-000000000001');
INSERT INTO verdict_revision_authors (verdict_revision_id, user_id) VALUES
  ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-000000000001');
INSERT INTO reviews (verdict_revision_id, reviewer_id, decision, comment) VALUES
  ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-000000000002', 'approve', 'Clair.');
INSERT INTO fact_check_snapshots (verdict_revision_id, content) VALUES
  ('00000000-0000-4000-8000-0000000000e1', '{"claim": {"id": "00000000-0000-4000-8000-0000000000c1", "statement": "Il fera beau cet été",
   "claimant": "Le président", "claimantSameAs": null, "claimedAt": null, "language": "fr"}, "passages": [], "related": []}');
UPDATE verdicts SET status = 'published', current_revision_id = '00000000-0000-4000-8000-0000000000e1';
INSERT INTO publications (verdict_id, slug, published_revision_id, published_by_id, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000d1', 'une-prevision-pas-un-fait', '00000000-0000-4000-8000-0000000000e1',
   '00000000-0000-4000-8000-000000000002', now());
INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after) VALUES
  ('00000000-0000-4000-8000-000000000001', 'claim.created', 'claim', '00000000-0000-4000-8000-0000000000c1', '{"tags": ["météo", "été"]}'),
  ('00000000-0000-4000-8000-000000000002', 'verdict.published', 'verdict', '00000000-0000-4000-8000-0000000000d1', '{"slug": "une-prevision-pas-un-fait"}');
`;

const serverUrl = process.env.DATABASE_URL;
const [version] = serverUrl ? await getDb().$queryRaw<{ version: string }[]>`SELECT version() AS version` : [];
const onServer = version !== undefined && !/PGlite/i.test(version.version);

afterAll(async () => {
  if (serverUrl) await getDb().$disconnect();
});

describe.skipIf(!onServer)("backup and restore on a PostgreSQL server", () => {
  let folder: string;
  let server: string; // the server's maintenance database, for creating and dropping ours
  const restoredName = `claimwork_backup_restored_${unique()}`;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "claimwork-backup-"));
    const url = new URL(serverUrl!);
    url.pathname = "/postgres";
    server = url.toString();
    await seedDemo({ password: `seed-${unique()}` });
  });

  afterAll(async () => {
    await dropDatabase(server, restoredName);
    await rm(folder, { recursive: true, force: true });
  });

  it("restores every row into an empty database, which still enforces its triggers, and refuses a non-empty one", async () => {
    const source = new pg.Client({ connectionString: serverUrl });
    await source.connect();
    let before: Checksums;
    try {
      before = await checksums(pgQuery(source));
      const file = path.join(folder, "nested", "claimwork.dump");
      const backup = await backupDatabase({ kind: "server", url: serverUrl! }, file);
      expect(backup.file).toBe(file);
      expect(backup.bytes).toBeGreaterThan(0);
      // The counts printed by db:backup are the rows in the file.
      expect(backup.counts).toEqual(await countRows(pgQuery(source)));
      expectRowsInMainTables(before);

      const restoredUrl = await createDatabase(server, restoredName);
      const restored = await restoreDatabase({ kind: "server", url: restoredUrl }, file);
      expect(restored.counts).toEqual(backup.counts);

      const target = new pg.Client({ connectionString: restoredUrl });
      await target.connect();
      try {
        expect(await checksums(pgQuery(target))).toEqual(before);

        // A second restore into the now non-empty database is refused and changes nothing.
        await expect(restoreDatabase({ kind: "server", url: restoredUrl }, file)).rejects.toThrow(
          new RegExp(`^refusing to restore: database "${restoredName}" at \\S+ is not empty \\(\\d+ objects, among them _prisma_migrations`),
        );
        expect(await checksums(pgQuery(target))).toEqual(before);

        await expectTriggersEnforced(pgQuery(target));
      } finally {
        await target.end();
      }
      // The source is untouched by the backup.
      expect(await checksums(pgQuery(source))).toEqual(before);
    } finally {
      await source.end();
    }
  });

  it("refuses a file that is not a server backup before touching the database", async () => {
    const embeddedLike = path.join(folder, "embedded.tar.gz");
    await writeFile(embeddedLike, gzipSync("not a data dir"));
    await expect(restoreDatabase({ kind: "server", url: serverUrl! }, embeddedLike)).rejects.toThrow(
      "is a backup of the embedded database: unset DATABASE_URL",
    );
    const text = path.join(folder, "notes.txt");
    await writeFile(text, "hello");
    await expect(restoreDatabase({ kind: "server", url: serverUrl! }, text)).rejects.toThrow("is not a Claimwork backup");
  });
});

describe("npm run db:backup and db:restore on the embedded database", () => {
  const run = promisify(execFile);
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  let root: string;

  /** The npm command's script with the embedded database in dataDir (no DATABASE_URL): exit code and output. */
  async function command(script: "backup" | "restore", dataDir: string, args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, CLAIMWORK_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    return run(tsx, [path.join(ROOT, "scripts", `${script}.ts`), ...args], { cwd: ROOT, env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "claimwork-backup-embedded-"));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(
    "backs up the database once it is stopped, restores it into an empty one, and refuses a non-empty one",
    async () => {
      const source = path.join(root, "source");
      const file = path.join(root, "backups", "embedded.tar.gz");

      // A migrated embedded database with a published fact-check in it, running in this process.
      const running = await startEmbeddedPostgres({ dataDir: path.join(source, "pglite") });
      let before: Checksums;
      try {
        await applyMigrations(running.url);
        const client = new pg.Client({ connectionString: running.url });
        await client.connect();
        try {
          await client.query(FACT_CHECK_ROWS);
          before = await checksums(pgQuery(client));
        } finally {
          await client.end();
        }
        // While it runs (here, in this process), a backup or a restore is refused: two processes on one PGlite
        // dir corrupt it. (The restore gets a stand-in tarball: the lock is checked before the file is read.)
        const dataDir = path.join(source, "pglite");
        const inUse = `embedded PostgreSQL data in ${dataDir} is already open in this process; stop it first`;
        await expect(backupDatabase({ kind: "embedded", dataDir }, file)).rejects.toThrow(`cannot back up the embedded database in ${dataDir}: ${inUse}`);
        const standIn = path.join(root, "stand-in.tar.gz");
        await writeFile(standIn, gzipSync("stand-in"));
        await expect(restoreDatabase({ kind: "embedded", dataDir }, standIn)).rejects.toThrow(`cannot restore into the embedded database in ${dataDir}: ${inUse}`);
        await rm(standIn);
        // Its URL is no way around that: pg_dump cannot read PGlite, and the message says what to do instead.
        await expect(backupDatabase({ kind: "server", url: running.url }, file)).rejects.toThrow(
          "DATABASE_URL points at an embedded PGlite database served over the network; stop the app and unset DATABASE_URL",
        );
        expect(await readdir(root)).toEqual(["source"]);
      } finally {
        await running.close();
      }
      expectRowsInMainTables(before);

      const backup = await command("backup", source, ["--out", file]);
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain(`Backed up the embedded database in ${path.join(source, "pglite")} to ${file} (`);
      for (const [table, { rows }] of Object.entries(before)) {
        const shown = table.replace(/^public\./, "");
        expect(backup.stdout, table).toMatch(new RegExp(`^ +${shown.replace(".", "\\.")} +${rows}$`, "m"));
      }

      const target = path.join(root, "target");
      const restore = await command("restore", target, [file]);
      expect(restore.stderr).toBe("");
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain(`Restored ${file} into the embedded database in ${path.join(target, "pglite")}`);
      expect(await readdir(target)).toEqual(["pglite"]); // no staging folder or lock left behind

      await expect(restoreDatabase({ kind: "embedded", dataDir: path.join(target, "pglite") }, file)).rejects.toThrow(
        `refusing to restore: the embedded database in ${path.join(target, "pglite")} is not empty (its folder holds a database); a backup is restored only into an empty database: move or delete that folder first`,
      );
      expect(await readdir(target)).toEqual(["pglite"]);

      const restored = await openEmbeddedDatabase({ dataDir: path.join(target, "pglite") });
      try {
        const query: Query = async (sql) => (await restored.db.query<Record<string, unknown>>(sql)).rows;
        expect(await checksums(query)).toEqual(before);
        await expectTriggersEnforced(query);
      } finally {
        await restored.close();
      }
    },
    180_000,
  );
});
