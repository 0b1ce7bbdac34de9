import { createServer } from "node:net";

/** Ports other runs on this machine use by default (npm start, the end-to-end tests); never returned. */
const RESERVED_PORTS = new Set([3000, 3311]);

/** A port free on 127.0.0.1 right now: bind to 0, note the port the OS picked, release it. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    if (port > 0 && !RESERVED_PORTS.has(port)) return port;
  }
}
