import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { hashToken } from "@/lib/auth/device-token";
import { reason } from "@/lib/validation";

/** An invitation or reset token: 32 random bytes, base64url. Only its sha256 is stored. */
export function newAccountLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export const accountLinkToken = z.string({ error: reason("linkIncomplete") }).regex(/^[A-Za-z0-9_-]{43}$/, reason("linkMistyped"));

export { hashToken as hashAccountLinkToken };

/** When a link made now stops working (ACCOUNT_LINK_HOURS). */
export function accountLinkExpiry(now = new Date()): Date {
  return new Date(now.getTime() + getEnv().ACCOUNT_LINK_HOURS * 3_600_000);
}

/** The path of the page that redeems a token. */
export function accountLinkPath(token: string): string {
  return `/account/link/${token}`;
}
