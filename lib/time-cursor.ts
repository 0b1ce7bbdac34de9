import { z } from "zod";
import { refuseField } from "@/lib/validation";

// A keyset cursor of lists ordered by (time DESC, id DESC): "<ISO time>_<uuid>" of the last row shown.

export const encodeTimeCursor = (at: Date, id: string) => `${at.toISOString()}_${id}`;

/** The cursor's time and id; a damaged cursor is the caller's bad input. */
export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const [time, id] = cursor.split("_");
  const at = new Date(time ?? "");
  if (Number.isNaN(at.getTime()) || !z.uuid().safeParse(id).success) throw refuseField("cursor", "damagedCursor");
  return { at, id: id! };
}
