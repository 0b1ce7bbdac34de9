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
 * The address a request came from, in the app: the one address pinForwardedForToConnection left in
 * X-Forwarded-For (the front server, scripts/serve/front-server.ts, sets it from the connection).
 * Read by the sign-in throttle and the public API's rate limit.
 */
export function clientAddressFromHeaders(headers: Headers | Record<string, unknown> | undefined): string {
  const forwarded = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : typeof forwarded === "string" ? forwarded : "";
  return value.split(",").map((part) => part.trim()).filter(Boolean).at(-1) ?? "unknown";
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
