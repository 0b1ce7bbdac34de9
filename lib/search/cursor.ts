// Opaque page cursors: base64url JSON naming the last row of the previous page and the search it
// belongs to. A cursor is only a position, never trusted SQL: it is validated here and bound as
// parameters.
import { createHash } from "node:crypto";
import { z } from "zod";
import { invalid } from "@/lib/errors";
import { reason } from "@/lib/validation";

/** Position in a listing ordered by (time DESC, id DESC). */
export type TimeCursor = { kind: "time"; at: string; id: string };
/**
 * Position in a text search with too many matches to rank, shown newest first, (time DESC, id DESC):
 * "recent" pages its full-text matches, "nearRecent" its near matches.
 */
export type RecentCursor = { kind: "recent" | "nearRecent"; at: string; id: string };
/**
 * Position in a ranked search ordered by (score DESC, id DESC); the score is a `real`, printed
 * through float8 (at least 15 significant digits), so it reads back as the very same `real`. "rank"
 * pages full-text matches, "near" the trigram near matches shown when no word matched.
 */
export type RankCursor = { kind: "rank" | "near"; score: string; id: string };
/** Position in a listing of rows with a serial id, ordered by (time DESC, id DESC): the audit log. */
export type SerialCursor = { kind: "serial"; at: string; id: string };
export type Cursor = TimeCursor | RecentCursor | RankCursor | SerialCursor;

const cursorSchema = z.object({
  v: z.literal(1),
  /** Fingerprint of the query and filters the cursor was made for. */
  f: z.string().regex(/^[0-9a-f]{16}$/),
  p: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("time"), at: z.iso.datetime(), id: z.uuid() }),
    z.object({ kind: z.enum(["recent", "nearRecent"]), at: z.iso.datetime(), id: z.uuid() }),
    z.object({ kind: z.enum(["rank", "near"]), score: z.string().regex(/^\d{1,3}(\.\d{1,20})?(e[-+]?\d{1,3})?$/), id: z.uuid() }),
    z.object({ kind: z.literal("serial"), at: z.iso.datetime(), id: z.string().regex(/^[1-9]\d{0,18}$/) }),
  ]),
});

/** The cursor input field: short, URL-safe. */
export const cursorField = z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, reason("notPageCursor")).optional();

/** A stable fingerprint of everything that decides a search's order and rows (not the page size). */
export function searchFingerprint(search: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.entries(search).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

export function encodeCursor(fingerprint: string, position: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, f: fingerprint, p: position }), "utf8").toString("base64url");
}

/** The position a cursor names, or an "invalid" error when it is damaged or belongs to another search. */
export function decodeCursor<Kind extends Cursor["kind"]>(cursor: string, fingerprint: string, kinds: readonly Kind[]): Extract<Cursor, { kind: Kind }> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw invalid({ key: "damagedPageLink" });
  const position = parsed.data.p;
  if (parsed.data.f !== fingerprint || !(kinds as readonly Cursor["kind"][]).includes(position.kind)) {
    throw invalid({ key: "foreignPageLink" });
  }
  return position as Extract<Cursor, { kind: Kind }>;
}
