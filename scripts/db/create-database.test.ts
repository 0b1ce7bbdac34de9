import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDatabase, dropDatabase } from "./create-database";

const SERVER_URL = process.env.TEST_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function currentDatabase(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0]?.db;
  } finally {
    await client.end();
  }
}

describe("createDatabase / dropDatabase", () => {
  it("creates a database reachable at the returned URL and drops it again", async () => {
    const name = `cw_test_create_${randomBytes(4).toString("hex")}`;
    const url = await createDatabase(SERVER_URL, name);
    try {
      expect(new URL(url).pathname).toBe(`/${name}`);
      expect(await currentDatabase(url)).toBe(name);
    } finally {
      await dropDatabase(SERVER_URL, name);
    }
    await expect(currentDatabase(url)).rejects.toThrow(`database "${name}" does not exist`);
    await expect(dropDatabase(SERVER_URL, name)).resolves.toBeUndefined(); // IF EXISTS
  });

  it("copies a template database with its tables and rows", async () => {
    const template = `cw_test_template_${randomBytes(4).toString("hex")}`;
    const copy = `cw_test_copy_${randomBytes(4).toString("hex")}`;
    const templateUrl = await createDatabase(SERVER_URL, template);
    try {
      const client = new pg.Client({ connectionString: templateUrl });
      await client.connect();
      await client.query("CREATE TABLE kept (word text); INSERT INTO kept VALUES ('migrated')");
      await client.end();
      const copyUrl = await createDatabase(SERVER_URL, copy, template);
      const reader = new pg.Client({ connectionString: copyUrl });
      await reader.connect();
      try {
        expect((await reader.query("SELECT word FROM kept")).rows).toEqual([{ word: "migrated" }]);
      } finally {
        await reader.end();
      }
    } finally {
      await dropDatabase(SERVER_URL, copy);
      await dropDatabase(SERVER_URL, template);
    }
  });

  it("keeps the URL's query string", async () => {
    const name = `cw_test_create_${randomBytes(4).toString("hex")}`;
    const url = await createDatabase(`${SERVER_URL}?application_name=claimwork-test`, name);
    try {
      expect(new URL(url).searchParams.get("application_name")).toBe("claimwork-test");
    } finally {
      await dropDatabase(SERVER_URL, name);
    }
  });

  it("rejects names that could not be quoted safely", async () => {
    for (const name of ["", "Upper", "semi;colon", 'quo"te', "a".repeat(64)]) {
      await expect(createDatabase(SERVER_URL, name)).rejects.toThrow("invalid database name");
    }
    await expect(dropDatabase(SERVER_URL, "postgres")).rejects.toThrow("refusing to drop");
  });
});
