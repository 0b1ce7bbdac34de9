import { createHash, randomBytes } from "node:crypto";

/**
 * A browser's device token: a random value in a long-lived, HTTP-only cookie, given on a successful
 * sign-in. Only its sha256 is stored (sign_in_attempts.device_hash). An account that signed in with
 * it before treats the browser as known: strangers' failures elsewhere do not slow it down.
 */
export const DEVICE_COOKIE = "claimwork.device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60; // browsers cap cookies at 400 days

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function newDeviceToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The token if it has the shape of one we issue, else null (anything else is ignored). */
export function wellFormedDeviceToken(value: unknown): string | null {
  return typeof value === "string" && TOKEN_FORMAT.test(value) ? value : null;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The value of one cookie in a Cookie header, or null. */
export function cookieFromHeader(header: unknown, name: string): string | null {
  if (typeof header !== "string") return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}
