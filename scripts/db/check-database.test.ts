import { describe, expect, it } from "vitest";
import { checkDatabase } from "./check-database";
import { freePort } from "../lib/free-port";

const SERVER_URL = process.env.TEST_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

describe("checkDatabase", () => {
  it("passes for a reachable database", async () => {
    await expect(checkDatabase(SERVER_URL)).resolves.toBeUndefined();
  });

  it("names the variable and address when nothing listens", async () => {
    const port = await freePort();
    await expect(checkDatabase(`postgresql://postgres:s3cret-pw@127.0.0.1:${port}/claimwork`)).rejects.toThrow(
      new Error(`DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused)`),
    );
  });

  it("says which database is missing", async () => {
    const url = withDatabase(SERVER_URL, "cw_no_such_database");
    const { hostname, port } = new URL(SERVER_URL);
    await expect(checkDatabase(url, "TEST_DATABASE_URL")).rejects.toThrow(
      new Error(`TEST_DATABASE_URL: database "cw_no_such_database" does not exist at ${hostname}:${port || "5432"}`),
    );
  });

  it("rejects something that is not a postgresql:// URL, without echoing it", async () => {
    await expect(checkDatabase("mysql://root:hunter22@db/app")).rejects.toThrow(
      new Error("DATABASE_URL is not a valid postgresql:// URL"),
    );
    await expect(checkDatabase("127.0.0.1:5432")).rejects.toThrow(
      new Error("DATABASE_URL is not a valid postgresql:// URL"),
    );
  });

  it("never prints the password", async () => {
    const port = await freePort();
    const error = await checkDatabase(`postgresql://app:s3cret-pw@127.0.0.1:${port}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain("s3cret-pw");
    expect((error as Error).message).not.toContain("\n");
  });
});
