// `npm run db:restore -- <file>`: restores a backup made by db:backup into the database the app uses
// (DATABASE_URL, or the embedded one, which must not be running). That database must be empty: a
// non-empty one is refused and left as it was.
import path from "node:path";
import { appDatabase, describeAppDatabase, displayPath } from "./db/app-database";
import { runCommand } from "./db/command-line";
import { formatCounts, summarizeCounts } from "./db/database-contents";
import { parseRestoreArguments, restoreDatabase } from "./db/restore-database";

process.exitCode = await runCommand(async () => {
  // npm runs scripts in the project folder; a relative file name means relative to where npm was called.
  const file = path.resolve(process.env.INIT_CWD || process.cwd(), parseRestoreArguments(process.argv.slice(2)).file);
  const database = appDatabase();
  const { counts } = await restoreDatabase(database, file);
  console.log(`Restored ${displayPath(file)} into ${describeAppDatabase(database)}: ${summarizeCounts(counts)}`);
  console.log(formatCounts(counts));
});
