import pg from "pg";

const NAME_PATTERN = /^[a-z0-9_]+$/;
const MAX_NAME_BYTES = 63; // PostgreSQL silently truncates longer identifiers
const PROTECTED = new Set(["postgres", "template0", "template1"]);

/**
 * Creates database `name` on the server of serverUrl and returns a URL pointing at it. With a
 * template, the new database is a copy of that one (which must have no open connections).
 */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  assertValidName(name);
  if (template) assertValidName(template);
  const url = databaseUrl(serverUrl, name);
  await withServer(serverUrl, async (client) => {
    // CREATE DATABASE fails (55006) while anyone is connected to the template; that is brief, so retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
        return;
      } catch (error) {
        if (!(error instanceof pg.DatabaseError) || error.code !== "55006" || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  });
  return url;
}

/** Drops database `name` if it exists, disconnecting its sessions first. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertValidName(name);
  if (PROTECTED.has(name)) throw new Error(`refusing to drop the ${name} database`);
  await withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function assertValidName(name: string): void {
  // Validated, so it can be quoted into DDL (which takes no bind parameters).
  if (!NAME_PATTERN.test(name) || name.length > MAX_NAME_BYTES) {
    throw new Error(`invalid database name "${name}": use 1-${MAX_NAME_BYTES} characters from a-z, 0-9 and _`);
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  client.on("error", () => {}); // reported through the awaited calls
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}
