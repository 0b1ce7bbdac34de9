import path from "node:path";
import { ROOT } from "../lib/next-build";
import { parseTarget } from "./check-database";

/** The database the app uses: a PostgreSQL server, or the embedded PGlite data dir. */
export type AppDatabase = { kind: "server"; url: string } | { kind: "embedded"; dataDir: string };

/** What `npm start` would use: DATABASE_URL, else the embedded database in $CLAIMWORK_DATA_DIR/pglite (default .data). */
export function appDatabase(env: NodeJS.ProcessEnv = process.env): AppDatabase {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "server", url };
  return { kind: "embedded", dataDir: path.join(path.resolve(ROOT, env.CLAIMWORK_DATA_DIR || ".data"), "pglite") };
}

/** For messages: `database "claimwork" at 127.0.0.1:5432` or `the embedded database in .data/pglite` (never a password). */
export function describeAppDatabase(database: AppDatabase): string {
  if (database.kind === "embedded") return `the embedded database in ${displayPath(database.dataDir)}`;
  const target = parseTarget(database.url);
  return `database "${target.database}" at ${target.where}`;
}

/** A path relative to the working directory when it lies inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** DATABASE_URL pointing at a PGlite served by npm start: its backups are taken from the data dir, with the app stopped. */
export function embeddedOverNetwork(): Error {
  return new Error(
    "DATABASE_URL points at an embedded PGlite database served over the network; stop the app and unset DATABASE_URL to back it up or restore it from its data folder",
  );
}
