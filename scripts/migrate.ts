// `npm run db:migrate`: applies pending prisma/migrations to DATABASE_URL (our runner, since the Prisma
// CLI's schema engine cannot be downloaded here).
import { applyMigrations } from "./db/apply-migrations";
import { checkDatabase } from "./db/check-database";

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/claimwork)");
    return 1;
  }
  try {
    await checkDatabase(databaseUrl);
    const applied = await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
    console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exitCode = await main();
