// npm run db:seed: loads the demo corpus into the database named by DATABASE_URL (idempotent).
import { seedDemo } from "@/seeds/seed-demo";
import { printSeedReport } from "./seed-report";
import { getDb } from "@/lib/db";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: say which PostgreSQL database to seed (npm start seeds its embedded one itself).");
  process.exit(1);
}
try {
  printSeedReport(await seedDemo({ password: process.env.DEMO_PASSWORD || undefined }));
} finally {
  await getDb().$disconnect();
}
