// One backup file of the app's database:
// - a PostgreSQL server: pg_dump's custom-format archive (schema, data, triggers; restored by pg_restore);
// - the embedded database: PGlite's own gzipped tarball of its data dir (dumpDataDir), taken while no
//   other process has it open. The system's pg_dump cannot read PGlite (a newer PostgreSQL major), and
//   @electric-sql/pglite-tools' pg_dump requires another PGlite version than the one pglite-socket needs.
import { existsSync } from "node:fs";
import { chmod, link, mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { ROOT } from "../lib/next-build";
import { describeAppDatabase, displayPath, embeddedOverNetwork, type AppDatabase } from "./app-database";
import { isPGlite } from "./apply-migrations";
import { checkDatabase, parseTarget } from "./check-database";
import { parseCommandLine } from "./command-line";
import { countRows, pgQuery, serverMajor, type TableCount } from "./database-contents";
import { openEmbeddedDatabase } from "./embedded-postgres";
import { findPostgresTool, runPostgresTool } from "./postgres-tools";

export interface BackupResult {
  file: string;
  bytes: number;
  counts: TableCount[];
}

export const BACKUPS_DIR = path.join(ROOT, "backups");

const USAGE = "usage: npm run db:backup [-- --out <file>]";
const argumentsSchema = z.object({
  values: z.object({ out: z.string().trim().min(1, "--out needs a file name").optional() }),
  positionals: z.array(z.string()).max(0, "db:backup takes no file name without --out"),
});

/** `[--out <file>]` from the command line; throws a one-line error with the usage. */
export function parseBackupArguments(argv: string[]): { out?: string } {
  return parseCommandLine(argv, { out: { type: "string", short: "o" } }, argumentsSchema, USAGE).values;
}

/** backups/claimwork-<database>-<UTC time>.dump (server) or …-embedded-….tar.gz (embedded). */
export function defaultBackupFile(database: AppDatabase, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const name = database.kind === "embedded" ? "embedded" : parseTarget(database.url).database.replace(/[^\w.-]+/g, "_");
  return path.join(BACKUPS_DIR, `claimwork-${name}-${stamp}.${database.kind === "embedded" ? "tar.gz" : "dump"}`);
}

/** Writes one backup of the database to outFile (never over an existing file) and reports its row counts. */
export async function backupDatabase(database: AppDatabase, outFile: string): Promise<BackupResult> {
  const file = path.resolve(outFile);
  if (existsSync(file)) throw new Error(`${displayPath(file)} already exists; choose another file name (backups are never overwritten)`);
  // Written beside the target and moved into place only when complete, so a failed run leaves no half backup.
  const partial = `${file}.partial-${process.pid}`;
  try {
    const counts = database.kind === "server" ? await dumpServer(database.url, partial) : await dumpEmbedded(database.dataDir, partial);
    await chmod(partial, 0o600); // it holds password hashes
    try {
      await link(partial, file); // unlike rename, refuses to replace a file created meanwhile
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "EEXIST") {
        throw new Error(`${displayPath(file)} already exists; choose another file name (backups are never overwritten)`);
      }
      throw error;
    }
    return { file, bytes: (await stat(file)).size, counts };
  } finally {
    await rm(partial, { force: true });
  }
}

async function dumpServer(url: string, outFile: string): Promise<TableCount[]> {
  await checkDatabase(url);
  const client = new pg.Client({ connectionString: url, application_name: "claimwork-backup" });
  client.on("error", () => {}); // surfaces as the next query's rejection
  await client.connect();
  try {
    if (await isPGlite(client)) throw embeddedOverNetwork();
    const pgDump = await findPostgresTool("pg_dump", await serverMajor(client));
    // The counts and pg_dump read one exported snapshot, so the printed counts are exactly what the file holds.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const counts = await countRows(pgQuery(client));
    await mkdir(path.dirname(outFile), { recursive: true });
    await runPostgresTool(pgDump, ["--format=custom", `--snapshot=${rows[0]?.snapshot}`, `--file=${outFile}`], url);
    await client.query("COMMIT");
    return counts;
  } finally {
    await client.end().catch(() => {});
  }
}

async function dumpEmbedded(dataDir: string, outFile: string): Promise<TableCount[]> {
  // Opening a folder without a database would create an empty one; there is nothing to back up.
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`there is no embedded database in ${displayPath(dataDir)} (npm start creates it; set DATABASE_URL to back up a server)`);
  }
  // Takes the data dir's lock: refused while npm start (or anything else) has the database open.
  const embedded = await openEmbeddedDatabase({ dataDir }).catch((error: Error) => {
    throw new Error(`cannot back up ${describeAppDatabase({ kind: "embedded", dataDir })}: ${error.message}`);
  });
  try {
    const counts = await countRows(async (sql) => (await embedded.db.query<Record<string, unknown>>(sql)).rows);
    await embedded.db.exec("CHECKPOINT"); // everything in the data files, so the tarball needs no WAL replay
    const tarball = await embedded.db.dumpDataDir("gzip");
    await mkdir(path.dirname(outFile), { recursive: true });
    await writeFile(outFile, Buffer.from(await tarball.arrayBuffer()));
    return counts;
  } finally {
    await embedded.close();
  }
}
