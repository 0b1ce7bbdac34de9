// What a database holds, asked the same way of a server (pg) and of the embedded PGlite: the tables
// with their row counts, and whether there is anything at all a restore could collide with.
import type pg from "pg";

/** Runs one SQL statement and returns its rows (adapts pg.Client and PGlite alike). */
export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export interface TableCount {
  table: string; // schema-qualified where the schema is not public
  rows: number;
}

// Objects of the system schemas, and those an extension brought (pg_trgm's functions), are not the app's.
const USER_OBJECT = (namespaceColumn: string, catalog: string) => `
  ${namespaceColumn} NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema')
                                                             OR nspname LIKE 'pg\\_toast%' OR nspname LIKE 'pg\\_temp\\_%')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = o.oid AND d.deptype = 'e')`;

const TABLES_SQL = `
SELECT CASE WHEN n.nspname = 'public' THEN o.relname ELSE n.nspname || '.' || o.relname END AS name,
       format('%I.%I', n.nspname, o.relname) AS quoted
  FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
 WHERE o.relkind IN ('r', 'p') AND ${USER_OBJECT("o.relnamespace", "pg_class")}
 ORDER BY n.nspname <> 'public', 1`;

// Tables, views, sequences, functions and types: anything a restore's CREATE statements could meet.
const USER_OBJECTS_SQL = `
SELECT kind, name FROM (
  SELECT 'relation' AS kind, o.relname::text AS name FROM pg_class o
   WHERE o.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND ${USER_OBJECT("o.relnamespace", "pg_class")}
  UNION ALL
  SELECT 'function', o.proname::text FROM pg_proc o WHERE ${USER_OBJECT("o.pronamespace", "pg_proc")}
  UNION ALL
  SELECT 'type', o.typname::text FROM pg_type o
   WHERE o.typtype IN ('e', 'd', 'r', 'm') AND ${USER_OBJECT("o.typnamespace", "pg_type")}
) objects ORDER BY kind, name`;

/** Every table of the database with its exact row count, public tables first. */
export async function countRows(query: Query): Promise<TableCount[]> {
  const tables = (await query(TABLES_SQL)) as { name: string; quoted: string }[];
  if (tables.length === 0) return [];
  const counts = tables.map((table, index) => `(SELECT count(*) FROM ${table.quoted})::int AS "${index}"`).join(", ");
  const [row] = await query(`SELECT ${counts}`);
  return tables.map((table, index) => ({ table: table.name, rows: Number(row?.[String(index)]) }));
}

/** undefined for an empty database; otherwise a short description of what it holds. */
export async function describeContents(query: Query): Promise<string | undefined> {
  const objects = (await query(USER_OBJECTS_SQL)) as { kind: string; name: string }[];
  if (objects.length === 0) return undefined;
  const relations = objects.filter((object) => object.kind === "relation").map((object) => object.name);
  const examples = (relations.length > 0 ? relations : objects.map((object) => object.name)).slice(0, 3).join(", ");
  return `${objects.length} objects, among them ${examples}`;
}

/** True when the database has the migration table every Claimwork database has. */
export async function isClaimworkDatabase(query: Query): Promise<boolean> {
  const [row] = await query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS found`);
  return row?.found === true;
}

/** "16 tables, 129 rows" */
export function summarizeCounts(counts: TableCount[]): string {
  return `${counts.length} tables, ${counts.reduce((sum, count) => sum + count.rows, 0)} rows`;
}

/** One line a table, counts aligned. */
export function formatCounts(counts: TableCount[]): string {
  const width = Math.max(...counts.map((count) => count.table.length));
  return counts.map((count) => `  ${count.table.padEnd(width)}  ${count.rows}`).join("\n");
}

export function pgQuery(client: pg.Client): Query {
  return async (sql) => (await client.query<Record<string, unknown>>(sql)).rows;
}

/** The server's major version, for picking client tools that can talk to it. */
export async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version_num') AS version");
  return Math.floor(Number(rows[0]?.version) / 10_000);
}
