import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

export type { Prisma } from "@/lib/generated/prisma/client";

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    // Fail fast when the database is down instead of queueing requests forever.
    connectionTimeoutMillis: 5_000,
  });
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
