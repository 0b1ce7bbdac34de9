// isDatabaseUnavailable against the errors Prisma really raises when the server is gone, silent or
// drops the connection: real sockets on 127.0.0.1, no database needed.
import { createServer, type Server, type Socket } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError, isDatabaseUnavailable } from "@/lib/errors";

const servers: Server[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A TCP server on a free loopback port doing `onConnection` with each client; resolves with its port. */
async function tcpServer(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}

/** The error a one-row query raises against 127.0.0.1:port. */
async function queryError(port: number): Promise<unknown> {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: `postgresql://nobody@127.0.0.1:${port}/none`, connectionTimeoutMillis: 300 }),
  });
  try {
    await db.$queryRaw`SELECT 1`;
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await db.$disconnect().catch(() => {});
  }
}

describe("isDatabaseUnavailable", () => {
  it("recognises a server that is not listening", async () => {
    const port = await tcpServer(() => {});
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const error = await queryError(port);
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises a server that accepts the connection and never answers", async () => {
    const error = await queryError(await tcpServer(() => {}));
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises a server that drops the connection", async () => {
    const error = await queryError(await tcpServer((socket) => socket.destroy()));
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isDatabaseUnavailable(new DomainError("conflict", "Already there."))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "23505", message: "duplicate key value violates unique constraint" })).toBe(false);
  });
});
