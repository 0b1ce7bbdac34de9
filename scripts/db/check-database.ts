import pg from "pg";

const TIMEOUT_MS = 5000;

export interface Target {
  where: string; // host:port, never the password
  database: string;
  user: string;
  password: string;
}

/** Connects and runs `select 1`; throws a one-line, password-free explanation on failure. */
export async function checkDatabase(databaseUrl: string, variableName = "DATABASE_URL"): Promise<void> {
  const target = parseTarget(databaseUrl, variableName);
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: TIMEOUT_MS,
    // A server that accepts the connection but never answers (e.g. PGlite behind an open transaction).
    query_timeout: TIMEOUT_MS,
    application_name: "claimwork-check",
  });
  client.on("error", () => {}); // late socket errors must not crash the caller; connect/query report them
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(oneLine(scrub(`${variableName}: ${explain(error, target)}`, target.password)));
  } finally {
    await client.end().catch(() => {});
  }
}

export function parseTarget(databaseUrl: string, variableName = "DATABASE_URL"): Target {
  if (!databaseUrl.trim()) throw new Error(`${variableName} is not set`);
  const invalid = new Error(`${variableName} is not a valid postgresql:// URL`);
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw invalid;
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") throw invalid;
  try {
    // libpq also accepts ?host=/?port= (e.g. for unix sockets); they win over the authority part.
    const host = url.searchParams.get("host") || decodeURIComponent(url.hostname) || "localhost";
    const port = url.searchParams.get("port") || url.port || "5432";
    const user = decodeURIComponent(url.username) || "postgres";
    const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || user;
    return { where: `${host}:${port}`, database, user, password: decodeURIComponent(url.password) };
  } catch {
    throw invalid; // malformed %-escape
  }
}

function explain(error: unknown, target: Target): string {
  if (error instanceof pg.DatabaseError) return explainServerError(error, target);
  const unreachable = (reason: string): string => `cannot reach PostgreSQL at ${target.where} (${reason})`;
  const message = error instanceof Error ? error.message : String(error);
  switch (errorCode(error)) {
    case "ECONNREFUSED":
      return unreachable("connection refused");
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return unreachable("host not found");
    case "ETIMEDOUT":
      return unreachable(`no answer within ${TIMEOUT_MS / 1000}s`);
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return unreachable("host unreachable");
    case "ECONNRESET":
      return unreachable("connection reset by the server");
    case "ENOENT":
      return unreachable("no socket at that path");
  }
  if (/timeout/i.test(message)) {
    return /query read timeout/i.test(message)
      ? `PostgreSQL at ${target.where} accepted the connection but did not answer within ${TIMEOUT_MS / 1000}s`
      : unreachable(`no answer within ${TIMEOUT_MS / 1000}s`);
  }
  if (/does not support SSL/i.test(message)) {
    return `PostgreSQL at ${target.where} does not accept SSL connections (add ?sslmode=disable to the URL)`;
  }
  if (/terminated unexpectedly/i.test(message)) return unreachable("the server closed the connection");
  return `cannot use PostgreSQL at ${target.where} (${message})`;
}

function explainServerError(error: pg.DatabaseError, target: Target): string {
  switch (error.code) {
    case "3D000":
      return `database "${target.database}" does not exist at ${target.where}`;
    case "28P01":
      return `password authentication failed for user "${target.user}" at ${target.where}`;
    case "53300":
      return `PostgreSQL at ${target.where} has too many connections`;
    default:
      // e.g. 28000 role does not exist / no pg_hba.conf entry, 57P03 server starting up
      return `PostgreSQL at ${target.where} refused the connection: ${error.message}`;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** Defence in depth: the password must never reach a log, whatever the driver put in its message. */
function scrub(text: string, password: string): string {
  return password.length >= 3 ? text.split(password).join("***") : text;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
