import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

export type { Prisma } from "@/lib/generated/prisma/client";

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    // Fail fast when the database is down, or every pooled connection is busy, instead of queueing
    // requests forever (pg applies it both to connecting and to waiting for a free pooled client).
    connectionTimeoutMillis: 5_000,
    // A statement stuck behind a lock or a frozen server ends after 10 s, so the pool drains itself.
    statement_timeout: 10_000,
    // Finds connections whose peer vanished (server killed, network gone) instead of waiting on them.
    keepAlive: true,
  });
  // PrismaPg listens for 'error' on the pool (idle clients) and on transaction clients itself, so a
  // connection the server closes (restart, pg_terminate_backend) is dropped instead of crashing the process.
  return new PrismaClient({ adapter });
}

// One client per process, kept on globalThis so that Next's dev reloads don't open a pool each time.
const globalForPrisma = globalThis as unknown as { claimworkPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.claimworkPrisma ??= createClient();
  return globalForPrisma.claimworkPrisma;
}

export type Db = PrismaClient;
/** The client handed to the callback of an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
