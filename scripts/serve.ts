// Serves a built Claimwork on the database named by DATABASE_URL, as `npm start` does but without
// migrating, seeding or building: for the end-to-end tests and the benchmarks. HOST (127.0.0.1) and
// PORT (3000) say where.
import { serveApp } from "./serve/serve-app";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: say which database to serve.");
  process.exit(1);
}

const app = await serveApp({ host, port, env: process.env });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.exitCode = await app.exited;
if (!stopping) process.exit(process.exitCode);
