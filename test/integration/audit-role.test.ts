// The app as a non-owner role (migration 20261122000000_app_role): a login role that is a member of
// claimwork_app runs the use cases, and the database refuses it UPDATE, DELETE and TRUNCATE on the
// audit log and the other immutable tables by privilege. The owner is refused too, by the triggers.
// The login role is made by this test on the run's server and dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { relateClaims } from "@/lib/relations/relate-claims";
import { removeRelation } from "@/lib/relations/remove-relation";
import { searchClaims } from "@/lib/search/search-claims";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { applyMigrations } from "@/scripts/db/apply-migrations";
import { importSmallArticle, makeAccount, makeClaim, makeUser, unique, verdictIn } from "@/test/integration/support";

const IMMUTABLE = ["audit_events", "article_revisions", "verdict_revisions", "verdict_revision_authors", "fact_check_snapshots", "reviews", "corrections"] as const;

const ownerUrl = process.env.DATABASE_URL!;
const role = `claimwork_test_app_${unique()}`;
let appUrl: string;
let owner: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const password = randomBytes(18).toString("base64url");
  await owner.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}' IN ROLE claimwork_app`);
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  appUrl = url.toString();
  // The app's own client (getDb) is made on first use, so from here on every use case runs as the role.
  process.env.DATABASE_URL = appUrl;
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});

afterAll(async () => {
  await getDb().$disconnect();
  await app.end();
  await owner.query(`DROP ROLE "${role}"`);
  await owner.end();
});

/** Runs one statement in a transaction that is always rolled back; returns the SQLSTATE it failed with, or "accepted". */
async function attempt(client: pg.Client, sql: string): Promise<string> {
  await client.query("BEGIN");
  try {
    await client.query(sql);
    return "accepted";
  } catch (error) {
    return (error as pg.DatabaseError).code ?? String(error);
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("the app's database role", () => {
  it("is a member of claimwork_app and does not own the tables", async () => {
    const { rows } = await app.query<{ user: string; member: boolean; owns: string }>(
      `SELECT current_user AS "user", pg_has_role(current_user, 'claimwork_app', 'member') AS member,
              (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_events') AS owns`,
    );
    expect(rows[0]).toMatchObject({ user: role, member: true });
    expect(rows[0]!.owns).not.toBe(role);
  });

  it("runs the workflow through the use cases: accounts, sign-in, articles, claims, relations, search, verdicts, publishing, corrections", async () => {
    const { actor: editor, email, password } = await makeAccount("editor");
    const reviewer = await makeUser("reviewer");
    expect(await verifyCredentials({ email, password }, `192.0.2.${unique()}`)).toMatchObject({ id: editor.id });
    expect(await verifyCredentials({ email, password: "wrong" }, `192.0.2.${unique()}`)).toBeNull();

    await importSmallArticle(editor);
    const [first, second] = [await makeClaim(editor), await makeClaim(editor)];
    const relation = await relateClaims(editor, { type: "contradicts", fromClaimId: first.id, toClaimId: second.id, rationale: "They disagree." });
    await removeRelation(editor, { relationId: relation.id });
    expect((await searchClaims(editor, { q: first.statement })).items.length).toBeGreaterThan(0);

    const verdict = await verdictIn("correction_approved", { author: editor, reviewer });
    const published = await publishVerdict(reviewer, {
      verdictId: verdict.verdictId,
      revisionId: verdict.revisionId!,
      correction: { whatChanged: "The summary names a source.", why: "A reader asked." },
    });
    expect(published.corrected).toBe(true);
    expect((await getPublishedFactCheck(published.slug))?.corrections).toHaveLength(1);
    // Every one of those changes wrote its audit row as this role.
    expect(await getDb().auditEvent.count({ where: { actorId: { in: [editor.id, reviewer.id] } } })).toBeGreaterThanOrEqual(10);
  });

  it("may insert audit rows, but not update, delete or truncate them", async () => {
    expect(await attempt(app, `INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('user.created', 'user', 'probe')`)).toBe("accepted");
    expect(await attempt(app, `UPDATE audit_events SET action = 'forged'`)).toBe("42501");
    expect(await attempt(app, `DELETE FROM audit_events`)).toBe("42501");
    expect(await attempt(app, `TRUNCATE audit_events`)).toBe("42501");
  });

  it.each(IMMUTABLE)("may not update, delete or truncate %s", async (table) => {
    expect(await attempt(app, `UPDATE "${table}" SET created_at = created_at`)).toBe("42501");
    expect(await attempt(app, `DELETE FROM "${table}"`)).toBe("42501");
    expect(await attempt(app, `TRUNCATE "${table}" CASCADE`)).toBe("42501");
  });

  it("may not switch the triggers off, nor write the migration history", async () => {
    expect(await attempt(app, `ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`)).toBe("42501");
    expect(await attempt(app, `DROP TRIGGER audit_events_append_only ON audit_events`)).toBe("42501");
    expect(await attempt(app, `DELETE FROM "_prisma_migrations"`)).toBe("42501");
    expect(await attempt(app, `CREATE TABLE claimwork_probe (id int)`)).toBe("42501");
  });

  it("can run npm start's migration step once the owner has migrated (nothing pending, nothing to create)", async () => {
    expect(await applyMigrations(appUrl)).toEqual([]);
  });

  it("the table owner is refused too, by the triggers", async () => {
    for (const table of IMMUTABLE) {
      // 23000: integrity_constraint_violation, raised by claimwork_refuse_change.
      expect(await attempt(owner, `UPDATE "${table}" SET created_at = created_at`), `UPDATE ${table}`).toBe("23000");
      expect(await attempt(owner, `DELETE FROM "${table}"`), `DELETE ${table}`).toBe("23000");
    }
    expect(await attempt(owner, `TRUNCATE audit_events`)).toBe("23000");
  });
});
