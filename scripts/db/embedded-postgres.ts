import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = "127.0.0.1";
// The socket server's default of 1 breaks as soon as a pool opens a second connection.
const MAX_CONNECTIONS = 32;

export interface EmbeddedDatabase {
  db: PGlite;
  close(): Promise<void>;
}

/**
 * PGlite (with pg_trgm) on dataDir, in this process only: the data dir stays locked against other
 * processes until close(). loadDataDir fills a new data dir from a PGlite.dumpDataDir() tarball.
 */
export async function openEmbeddedDatabase(options: { dataDir: string; loadDataDir?: Blob }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true }); // PGlite does not create parent folders
  const unlock = await lockDataDir(dataDir);
  try {
    // pg_trgm must be loaded here; CREATE EXTENSION alone cannot find it in PGlite.
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
    return {
      db,
      close: once(async () => {
        try {
          // close() checkpoints and shuts PostgreSQL down cleanly, so the data dir needs no recovery next start.
          await db.close();
        } finally {
          await unlock();
        }
      }),
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** PGlite (with pg_trgm) persisted in dataDir, served over the PostgreSQL wire protocol on 127.0.0.1. */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number }): Promise<EmbeddedPostgres> {
  const embedded = await openEmbeddedDatabase(options);
  try {
    const server = new PGLiteSocketServer({ db: embedded.db, host: HOST, port: options.port ?? 0, maxConnections: MAX_CONNECTIONS });
    await server.start();
    const port = listeningPort(server);
    return {
      port,
      url: `postgresql://postgres:postgres@${HOST}:${port}/postgres?sslmode=disable`,
      close: once(() => shutDown(server, embedded)),
    };
  } catch (error) {
    await embedded.close().catch(() => {});
    throw error;
  }
}

async function shutDown(server: PGLiteSocketServer, embedded: EmbeddedDatabase): Promise<void> {
  try {
    await server.stop();
  } finally {
    await embedded.close();
  }
}

function listeningPort(server: PGLiteSocketServer): number {
  // getServerConn() reports "host:port" with the port the OS picked when asked for 0.
  const port = Number(server.getServerConn().split(":").pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`embedded PostgreSQL reported no port (${server.getServerConn()})`);
  return port;
}

/**
 * PGlite takes no lock on its data dir, and two processes opening one dir corrupt it (measured: the next
 * start aborts). A pid file beside the dir keeps a second start out; a file left by a dead process is stale.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${dataDir}.lock`;
  const draft = `${lockPath}.${process.pid}.${Date.now()}`;
  await writeFile(draft, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(draft, lockPath); // atomic: fails if the lock exists, and is never seen half-written
        return async () => {
          if ((await readLockPid(lockPath)) === process.pid) await rm(lockPath, { force: true });
        };
      } catch (error) {
        if (errorCode(error) !== "EEXIST") throw error;
        const holder = await readLockPid(lockPath);
        if (holder !== undefined && isRunning(holder)) {
          const who = holder === process.pid ? "this process" : `process ${holder}`;
          throw new Error(
            `embedded PostgreSQL data in ${dataDir} is already open in ${who}; stop it first (two processes on one PGlite data dir corrupt it)`,
          );
        }
        await rm(lockPath, { force: true });
      }
    }
    throw new Error(`could not take the lock ${lockPath}`);
  } finally {
    await rm(draft, { force: true });
  }
}

async function readLockPid(lockPath: string): Promise<number | undefined> {
  const text = await readFile(lockPath, "utf8").catch(() => "");
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only checks existence
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM"; // exists, owned by someone else
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= action());
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}
