import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";

// The end-to-end tests look at the database the way an auditor would: directly, read-only, except
// for creating the people a test needs (so that tests never share accounts).
let pool: pg.Pool | undefined;

export function db(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: run the end-to-end tests through npm test");
  pool ??= new pg.Pool({ connectionString, max: 2 });
  return pool;
}

export async function count(table: "audit_events" | "users" | "claims" | "verdicts", where = "true", params: unknown[] = []): Promise<number> {
  const result = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE ${where}`, params);
  return Number(result.rows[0]?.n ?? 0);
}

/** The number of rows of every table of the application (migrations' bookkeeping aside), by table. */
export async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db().query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const select = tables.rows.map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS n FROM "${name}"`).join(" UNION ALL ");
  const counts = await db().query<{ name: string; n: number }>(select);
  return Object.fromEntries(counts.rows.map(({ name, n }) => [name, n]));
}

export type TestUser = { id: string; email: string; name: string; password: string };

/** A user of its own for a test; `name` defaults to one made from the label. */
export async function createUser(role: "editor" | "reviewer" | "admin", label: string, name?: string): Promise<TestUser> {
  const suffix = randomUUID().slice(0, 8);
  const user = {
    id: randomUUID(),
    email: `${label}-${suffix}@e2e.claimwork.example`,
    name: name ?? `${label[0]!.toUpperCase()}${label.slice(1)} ${suffix}`,
    password: `pw-${randomUUID()}`,
  };
  await db().query(
    `INSERT INTO users (id, email, name, password_hash, role, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
    [user.id, user.email, user.name, await hash(user.password), role],
  );
  return user;
}

export async function userRole(id: string): Promise<{ role: string; status: string }> {
  const result = await db().query<{ role: string; status: string }>(`SELECT role, status FROM users WHERE id = $1`, [id]);
  const row = result.rows[0];
  if (!row) throw new Error(`no user ${id}`);
  return row;
}

/**
 * A fingerprint of every table the app writes (all but sign-in attempts, which a refused sign-in
 * writes on purpose, and live presence, which follows the pages open in any browser, not actions):
 * the row count and a hash of the rows, so any insert, update or delete shows.
 */
// A session's last use (user_sessions.last_seen_at) is touched by any signed-in request, also a
// closing browser's last request from an earlier test: it is not a write of the action under test.
const ROW_WITHOUT_TOUCH = "(to_jsonb(t) - 'last_seen_at')::text";

export async function snapshot(): Promise<Record<string, string>> {
  const tables = await db().query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'sign_in_attempts', 'live_presence') ORDER BY 1`,
  );
  const fingerprints = await db().query<{ name: string; value: string }>(
    tables.rows
      .map(({ name }) => `SELECT '${name}' AS name, count(*) || ':' || coalesce(md5(string_agg(${ROW_WITHOUT_TOUCH}, ',' ORDER BY ${ROW_WITHOUT_TOUCH})), '') AS value FROM "${name}" t`)
      .join(" UNION ALL "),
  );
  return Object.fromEntries(fingerprints.rows.map((row) => [row.name, row.value]));
}
