import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (memory-hard; OWASP-recommended parameters).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash to verify against when the account does not exist, so that an unknown email and a
// wrong password take the same time and get the same answer.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  decoyHash ??= hash("claimwork-decoy-password");
  const target = passwordHash ?? (await decoyHash);
  const matches = await verify(target, password).catch(() => false);
  return passwordHash !== null && matches;
}
