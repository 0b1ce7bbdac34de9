import { Server, type IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";
import { getEnv } from "@/lib/env";

/**
 * The client's address: the connection's, or the one a trusted proxy (proxy-addr syntax: "loopback",
 * addresses, CIDR ranges) wrote into X-Forwarded-For. Anything else in that header is ignored.
 */
export function clientAddressOf(request: IncomingMessage, trustedProxies: readonly string[]): string {
  return proxyAddr(request, proxyAddr.compile([...trustedProxies]));
}

/**
 * The sign-in throttle counts failures per address, read from X-Forwarded-For. Next keeps an
 * X-Forwarded-For sent by the client as it is, so anyone could name a fresh address on every try.
 * This rewrites the header on every request the Node server receives to the one address we can
 * vouch for (clientAddressOf, with TRUSTED_PROXIES). Called once at server start
 * (instrumentation.ts), before any request is handled.
 */
export function pinForwardedForToConnection(): void {
  const trusted = getEnv().TRUSTED_PROXIES;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithPinnedAddress(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers["x-forwarded-for"] = clientAddressOf(request, trusted);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
