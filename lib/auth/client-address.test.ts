import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddressOf } from "@/lib/auth/client-address";

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {}, socket: { remoteAddress }, connection: { remoteAddress } }) as unknown as IncomingMessage;

describe("clientAddressOf", () => {
  it("without trusted proxies, is the connection's address whatever X-Forwarded-For says", () => {
    expect(clientAddressOf(request("192.0.2.10"), [])).toBe("192.0.2.10");
    expect(clientAddressOf(request("192.0.2.10", "203.0.113.7"), [])).toBe("192.0.2.10");
    expect(clientAddressOf(request("192.0.2.10", "203.0.113.7, 198.51.100.1"), [])).toBe("192.0.2.10");
  });

  it("behind a trusted proxy, is the address that proxy appended, not what the client prepended", () => {
    expect(clientAddressOf(request("127.0.0.1", "203.0.113.7"), ["loopback"])).toBe("203.0.113.7");
    expect(clientAddressOf(request("127.0.0.1", "10.9.9.9, 203.0.113.7"), ["loopback"])).toBe("203.0.113.7");
  });

  it("does not believe a connection that is not a trusted proxy", () => {
    expect(clientAddressOf(request("192.0.2.10", "203.0.113.7"), ["loopback"])).toBe("192.0.2.10");
  });
});
