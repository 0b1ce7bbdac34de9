// Restores a backup made by backup-database.ts into an EMPTY database, never over existing data:
// - a server: pg_restore in one transaction (all or nothing). A full restore loads the data before it
//   creates indexes, foreign keys and triggers, so the append-only and four-eyes triggers never see the
//   restored rows and need no disabling (which would take a superuser); afterwards they hold as before.
// - the embedded database: PGlite loads the tarball into a new folder beside the data dir, which is moved
//   into place only once it opened and holds a Claimwork database.
import { existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { describeAppDatabase, displayPath, embeddedOverNetwork, type AppDatabase } from "./app-database";
import { isPGlite } from "./apply-migrations";
import { checkDatabase } from "./check-database";
import { parseCommandLine } from "./command-line";
import { countRows, describeContents, isClaimworkDatabase, pgQuery, serverMajor, type TableCount } from "./database-contents";
import { lockDataDir, openEmbeddedDatabase } from "./embedded-postgres";
import { findPostgresTool, runPostgresTool } from "./postgres-tools";

export type BackupKind = "server" | "embedded";

export interface RestoreResult {
  counts: TableCount[];
}

const USAGE = "usage: npm run db:restore -- <backup file>";
const argumentsSchema = z.object({
  positionals: z
    .array(z.string().trim().min(1, "the backup file name is empty"))
    .min(1, "name the backup file to restore")
    .max(1, "db:restore takes one backup file"),
});

/** `<file>` from the command line; throws a one-line error with the usage. */
export function parseRestoreArguments(argv: string[]): { file: string } {
  const [file] = parseCommandLine(argv, {}, argumentsSchema, USAGE).positionals;
  return { file: file! };
}

/** Which database kind made the file, from its first bytes: pg_dump archives start with PGDMP, PGlite's tarball is gzip. */
export async function backupKind(file: string): Promise<BackupKind> {
  const where = displayPath(path.resolve(file));
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new Error(`no backup file at ${where}`);
  if (!info.isFile()) throw new Error(`${where} is not a file`);
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString("latin1") === "PGDMP") return "server";
    if (head[0] === 0x1f && head[1] === 0x8b) return "embedded";
  } finally {
    await handle.close();
  }
  throw new Error(`${where} is not a Claimwork backup (neither a pg_dump archive nor an embedded-database tarball)`);
}

/** Restores file into database, which must be empty; refuses (writing nothing) otherwise. */
export async function restoreDatabase(database: AppDatabase, file: string): Promise<RestoreResult> {
  const kind = await backupKind(file);
  const where = displayPath(path.resolve(file));
  if (kind !== database.kind) {
    throw new Error(
      kind === "server"
        ? `${where} is a backup of a PostgreSQL server: set DATABASE_URL to an empty database on a server to restore it`
        : `${where} is a backup of the embedded database: unset DATABASE_URL to restore it into the embedded database`,
    );
  }
  return database.kind === "server" ? restoreServer(database.url, file) : restoreEmbedded(database.dataDir, file);
}

async function restoreServer(url: string, file: string): Promise<RestoreResult> {
  await checkDatabase(url);
  const client = new pg.Client({ connectionString: url, application_name: "claimwork-restore" });
  client.on("error", () => {}); // surfaces as the next query's rejection
  await client.connect();
  try {
    if (await isPGlite(client)) throw embeddedOverNetwork();
    const contents = await describeContents(pgQuery(client));
    if (contents) throw notEmpty(describeAppDatabase({ kind: "server", url }), contents, "create an empty database (createdb) and point DATABASE_URL at it");
    const pgRestore = await findPostgresTool("pg_restore", await serverMajor(client));
    const listing = await runPostgresTool(pgRestore, ["--list", file]);
    if (!/ TABLE \S+ _prisma_migrations /.test(listing)) throw new Error(`${displayPath(path.resolve(file))} holds no Claimwork database (no _prisma_migrations table)`);
    // Roles and grants of the backed-up server need not exist here: everything is owned by the restoring user.
    await runPostgresTool(pgRestore, ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", file], url);
    return { counts: await countRows(pgQuery(client)) };
  } finally {
    await client.end().catch(() => {});
  }
}

async function restoreEmbedded(dataDir: string, file: string): Promise<RestoreResult> {
  const where = displayPath(path.resolve(file));
  await mkdir(path.dirname(dataDir), { recursive: true });
  // npm start holds this lock while it runs; holding it here also keeps npm start out until the restore is done.
  const unlock = await lockDataDir(dataDir).catch((error: Error) => {
    throw new Error(`cannot restore into ${describeAppDatabase({ kind: "embedded", dataDir })}: ${error.message}`);
  });
  try {
    if ((await readdir(dataDir).catch(() => [])).length > 0) {
      throw notEmpty(describeAppDatabase({ kind: "embedded", dataDir }), "its folder holds a database", "move or delete that folder first");
    }
    const staging = `${dataDir}.restoring-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    try {
      const counts = await loadTarball(staging, file, where);
      await rmdir(dataDir).catch(() => {}); // an empty folder, as checked above, or none
      await rename(staging, dataDir);
      return { counts };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    await unlock();
  }
}

async function loadTarball(staging: string, file: string, where: string): Promise<TableCount[]> {
  const tarball = new Blob([await readFile(file)]);
  const embedded = await openEmbeddedDatabase({ dataDir: staging, loadDataDir: tarball }).catch(async (error: Error) => {
    throw new Error(`${where} could not be loaded by the embedded PostgreSQL: ${await explainLoadFailure(staging, error)}`);
  });
  try {
    const query = async (sql: string) => (await embedded.db.query<Record<string, unknown>>(sql)).rows;
    if (!(await isClaimworkDatabase(query))) throw new Error(`${where} holds no Claimwork database (no _prisma_migrations table)`);
    return await countRows(query);
  } finally {
    await embedded.close();
  }
}

/** PGlite's failure on a foreign tarball is cryptic; the unpacked PG_VERSION (or its absence) says more. */
async function explainLoadFailure(staging: string, error: Error): Promise<string> {
  const versionFile = path.join(staging, "PG_VERSION");
  if (!existsSync(versionFile)) return "it is not a PGlite data directory tarball";
  const version = (await readFile(versionFile, "utf8")).trim();
  return `it holds a PostgreSQL ${version} data directory, which this PGlite could not open (${error.message.replace(/\s+/g, " ")})`;
}

function notEmpty(what: string, contents: string, remedy: string): Error {
  return new Error(`refusing to restore: ${what} is not empty (${contents}); a backup is restored only into an empty database: ${remedy}`);
}
