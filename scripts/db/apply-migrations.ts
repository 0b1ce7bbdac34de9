import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
}

interface Migration {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

interface AppliedState {
  applied: Map<string, string>; // migration name -> recorded checksum
  unfinished: string[];
}

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// Prisma Migrate's own lock key: sharing it makes this runner and `prisma migrate deploy` wait for each other.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;
const LOCK_WAIT_SECONDS = 60;

// Same table Prisma creates, so either tool can take over from the other.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies pending Prisma migrations in name order; returns the names applied by this call. */
export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const log = options.log ?? (() => {});
  // Read and hash the files before touching the database, so a broken checkout fails fast.
  const migrations = await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);

  const client = new pg.Client({ connectionString: databaseUrl, application_name: "claimwork-migrate" });
  client.on("error", () => {}); // a dropped connection surfaces as the next query's rejection
  await client.connect();
  try {
    const unlock = await acquireMigrationLock(client, log);
    try {
      await ensureMigrationsTable(client);
      const state = await readAppliedState(client);
      verifyHistory(migrations, state, log);
      const appliedNow: string[] = [];
      for (const migration of migrations) {
        if (state.applied.has(migration.name)) continue;
        if (await applyOne(client, migration, log)) appliedNow.push(migration.name);
      }
      return appliedNow;
    } finally {
      await unlock();
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** Prisma's checksum: hex sha256 of the migration.sql bytes. */
export function migrationChecksum(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

async function readMigrations(dir: string): Promise<Migration[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) === "ENOENT") throw new Error(`migrations directory not found: ${dir}`);
    throw error;
  }
  // Plain code-unit order, as Prisma sorts: timestamps make it chronological.
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(names.map((name) => readMigration(dir, name)));
}

async function readMigration(dir: string, name: string): Promise<Migration> {
  const file = path.join(dir, name, "migration.sql");
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (errorCode(error) === "ENOENT") throw new Error(`migration ${name} has no migration.sql (${file})`);
    throw error;
  }
  return { name, file, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
}

async function acquireMigrationLock(client: pg.Client, log: (line: string) => void): Promise<() => Promise<void>> {
  const noLock = async (): Promise<void> => {};
  if (await isPGlite(client)) {
    // Every PGlite connection shares one backend session, so an advisory lock never blocks another
    // connection (and a SET lock_timeout would leak to all of them). PGlite runs one transaction at a
    // time, so the re-check inside each migration's transaction is what keeps two runs apart there.
    log("PGlite detected: advisory locks cannot exclude other connections; relying on per-migration re-checks.");
    return noLock;
  }
  try {
    const tried = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      PRISMA_MIGRATE_LOCK_KEY,
    ]);
    if (!tried.rows[0]?.locked) await waitForMigrationLock(client, log);
  } catch (error) {
    if (!isUnsupported(error)) throw error;
    log(`advisory locks are not available on this server (${messageOf(error)}); continuing without the lock.`);
    return noLock;
  }
  return async () => {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
  };
}

async function waitForMigrationLock(client: pg.Client, log: (line: string) => void): Promise<void> {
  const holder = await describeLockHolder(client);
  log(`Waiting for another migration run to finish (${holder})...`);
  // lock_timeout bounds the wait, so a lock leaked by a pooled connection fails loudly instead of hanging.
  await client.query(`SET lock_timeout = '${LOCK_WAIT_SECONDS}s'`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
  } catch (error) {
    if (pgCode(error) !== "55P03") throw error;
    throw new Error(
      `another migration run still holds the migration lock (pg_advisory_lock ${PRISMA_MIGRATE_LOCK_KEY}) after ${LOCK_WAIT_SECONDS}s: ${await describeLockHolder(client)}`,
    );
  } finally {
    await client.query("RESET lock_timeout").catch(() => {});
  }
}

async function describeLockHolder(client: pg.Client): Promise<string> {
  const result = await client.query<{ pid: number; application_name: string; backend_start: Date | null }>(
    `SELECT l.pid, a.application_name, a.backend_start
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1
      LIMIT 1`,
    [PRISMA_MIGRATE_LOCK_KEY],
  );
  const row = result.rows[0];
  if (!row) return "holder unknown";
  const app = row.application_name ? ` "${row.application_name}"` : "";
  return `held by backend pid ${row.pid}${app}`;
}

/** True when the server is PGlite (served over the wire protocol), which pg_dump and advisory locks cannot serve. */
export async function isPGlite(client: pg.Client): Promise<boolean> {
  const result = await client.query<{ version: string }>("SELECT version() AS version");
  return /PGlite/i.test(result.rows[0]?.version ?? "");
}

async function ensureMigrationsTable(client: pg.Client): Promise<void> {
  // The app's non-owner role may read the table but not create anything, not even IF NOT EXISTS.
  const existing = await client.query<{ table: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS "table"`);
  if (existing.rows[0]?.table) return;
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
  } catch (error) {
    // Without the advisory lock two runs may race on IF NOT EXISTS; losing that race is harmless.
    if (pgCode(error) !== "23505" && pgCode(error) !== "42P07") throw error;
  }
}

async function readAppliedState(client: pg.Client): Promise<AppliedState> {
  const result = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
      WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const applied = new Map<string, string>();
  const unfinished: string[] = [];
  for (const row of result.rows) {
    if (row.finished_at) applied.set(row.migration_name, row.checksum);
    else unfinished.push(row.migration_name);
  }
  return { applied, unfinished: unfinished.filter((name) => !applied.has(name)) };
}

function verifyHistory(migrations: Migration[], state: AppliedState, log: (line: string) => void): void {
  const [failed] = state.unfinished;
  if (failed !== undefined) {
    // Prisma (P3009) also refuses to continue past a migration recorded as started but never finished.
    throw new Error(
      `migration ${failed} is recorded in _prisma_migrations as started but not finished; check the schema by hand, then ` +
        `run UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed}' AND finished_at IS NULL`,
    );
  }
  const local = new Set(migrations.map((migration) => migration.name));
  for (const migration of migrations) {
    const recorded = state.applied.get(migration.name);
    if (recorded !== undefined && !matchesChecksum(migration.sql, recorded)) {
      throw new Error(
        `migration ${migration.name} was changed after it was applied (${migration.file} no longer matches the checksum in _prisma_migrations); ` +
          `restore the file and put the change in a new migration`,
      );
    }
  }
  const unknown = [...state.applied.keys()].filter((name) => !local.has(name));
  if (unknown.length > 0) log(`Warning: the database has migrations not found locally: ${unknown.join(", ")}`);
}

/** Accepts the same variants as Prisma: as-is, and with line endings converted either way. */
function matchesChecksum(sql: string, recorded: string): boolean {
  const variants = [sql, sql.replaceAll("\r\n", "\n"), sql.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant).digest();
    // Very old Prisma versions stored the hex without zero padding.
    const rendered = recorded.length === 64 ? digest.toString("hex") : [...digest].map((b) => b.toString(16)).join("");
    return rendered === recorded;
  });
}

/** Runs one migration in its own transaction; false if another run applied it meanwhile. */
async function applyOne(client: pg.Client, migration: Migration, log: (line: string) => void): Promise<boolean> {
  const started = Date.now();
  await client.query("BEGIN");
  try {
    // Serialises migration transactions even where the advisory lock is unavailable (PGlite, poolers).
    await client.query('LOCK TABLE "_prisma_migrations" IN SHARE ROW EXCLUSIVE MODE');
    if (await isRecordedAsApplied(client, migration.name)) {
      await client.query("ROLLBACK");
      log(`${migration.name}: already applied by another run`);
      return false;
    }
    // One simple-protocol query (no parameters), so `;` inside plpgsql bodies stays intact.
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new Error(`migration ${migration.name} failed and was rolled back: ${describeSqlError(error, migration.sql)}`, {
      cause: error,
    });
  }
  log(`Applied ${migration.name} (${Date.now() - started} ms)`);
  return true;
}

async function isRecordedAsApplied(client: pg.Client, name: string): Promise<boolean> {
  const result = await client.query(
    `SELECT 1 FROM "_prisma_migrations"
      WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    [name],
  );
  return (result.rowCount ?? 0) > 0;
}

/** PostgreSQL's message plus where in migration.sql it happened. */
function describeSqlError(error: unknown, sql: string): string {
  if (!(error instanceof pg.DatabaseError)) return messageOf(error);
  const parts = [error.message];
  const position = Number(error.position);
  if (Number.isInteger(position) && position > 0) parts.push(`(line ${sql.slice(0, position - 1).split("\n").length})`);
  if (error.code) parts.push(`[SQLSTATE ${error.code}]`);
  if (error.detail) parts.push(`detail: ${error.detail}`);
  if (error.hint) parts.push(`hint: ${error.hint}`);
  return parts.join(" ");
}

function isUnsupported(error: unknown): boolean {
  const code = pgCode(error);
  return code === "42883" || code === "0A000"; // undefined_function, feature_not_supported
}

function pgCode(error: unknown): string | undefined {
  return error instanceof pg.DatabaseError ? error.code : undefined;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
