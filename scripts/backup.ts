// `npm run db:backup [-- --out <file>]`: one backup file of the database the app uses (DATABASE_URL, or
// the embedded one, which must not be running), by default in backups/; prints its path, size and row counts.
import path from "node:path";
import { appDatabase, describeAppDatabase, displayPath } from "./db/app-database";
import { backupDatabase, defaultBackupFile, parseBackupArguments } from "./db/backup-database";
import { runCommand } from "./db/command-line";
import { formatCounts, summarizeCounts } from "./db/database-contents";

process.exitCode = await runCommand(async () => {
  const { out } = parseBackupArguments(process.argv.slice(2));
  const database = appDatabase();
  // npm runs scripts in the project folder; a relative --out means relative to where npm was called.
  const backup = await backupDatabase(database, out ? path.resolve(process.env.INIT_CWD || process.cwd(), out) : defaultBackupFile(database));
  console.log(`Backed up ${describeAppDatabase(database)} to ${displayPath(backup.file)} (${formatBytes(backup.bytes)}): ${summarizeCounts(backup.counts)}`);
  console.log(formatCounts(backup.counts));
});

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ["kB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
