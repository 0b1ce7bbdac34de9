// Next decodes a server action's body before any of our code runs, and answers a body it cannot
// decode (malformed JSON or form, one over its size limit, nesting deep enough to overflow the
// decoder's stack) with a 500; so does a page sent a malformed multipart form. proxy.ts calls this
// first, so that such a request gets a clear 4xx instead, and the action (createAction) only ever
// sees arguments that decoded.
//
// A JSON body is decoded by React's decodeReply, which reads a string starting with "$" as a
// reference: React's client (encodeReply) writes a string of the user's that starts with "$" as
// "$$…", and refers to other parts of a multipart body as "$1", "$@1", "$Q1" and so on. A JSON body
// has no other parts, so a "$16 trillion" sent raw waits for part 0x16 until the body ends and Next
// answers 500 "Connection closed". Such a body was not encoded by React's client: it gets a 400.

/** Next's default serverActions.bodySizeLimit. */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;
/** Far deeper than any argument of our actions (a few levels), far shallower than what overflows React's decoder. */
export const MAX_ACTION_JSON_DEPTH = 64;

const refuse = (status: 400 | 413, message: string) => Response.json({ error: { code: "invalid", message } }, { status });

/** Whether arrays and objects in the JSON text nest deeper than `max` (strings skipped; the text need not be valid). */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      if (++depth > max) return true;
    } else if (c === "]" || c === "}") depth--;
  }
  return false;
}

/**
 * The "$" strings React's client writes into a JSON (not multipart) body, all of which decode
 * without another part: an escaped string ("$$…"), undefined, NaN, ±Infinity, -0, a Date, a BigInt
 * (at most 300 digits, React's limit) and a temporary reference.
 */
const SELF_CONTAINED_REFERENCE = /^\$(?:\$|undefined$|NaN$|-?Infinity$|-0$|T$|D|n-?\d{1,300}$)/;

/** The first string in a decoded JSON value that React's decodeReply would read as a reference to another part; null if none. */
export function danglingReplyReference(value: unknown): string | null {
  if (typeof value === "string") return value.startsWith("$") && !SELF_CONTAINED_REFERENCE.test(value) ? value : null;
  if (typeof value !== "object" || value === null) return null;
  // Object keys are not decoded, only values.
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = danglingReplyReference(item);
    if (found !== null) return found;
  }
  return null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A 4xx answer for a server action call whose body Next could not decode; null for anything else. */
export async function refuseMalformedActionRequest(request: Request): Promise<Response | null> {
  const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  // A form posted without JavaScript calls its action with a multipart body and no header; /api routes read their own bodies.
  const mayBeAction = request.headers.has("next-action") || (multipart && !new URL(request.url).pathname.startsWith("/api/"));
  if (request.method !== "POST" || !mayBeAction) return null;
  const tooLarge = `A request to the workbench is at most ${MAX_ACTION_BODY_BYTES / 1024 / 1024} MiB; nothing was saved.`;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ACTION_BODY_BYTES) return refuse(413, tooLarge);
  const body = request.clone();
  if (multipart) {
    let form: FormData;
    try {
      form = await body.formData();
    } catch {
      return refuse(400, "The form data of this request is malformed; nothing was saved.");
    }
    for (const value of form.values()) {
      if (typeof value === "string" && jsonNestsDeeperThan(value, MAX_ACTION_JSON_DEPTH)) {
        return refuse(400, `The request nests values more than ${MAX_ACTION_JSON_DEPTH} levels deep; nothing was saved.`);
      }
    }
    return null;
  }
  const text = await body.text();
  if (new TextEncoder().encode(text).length > MAX_ACTION_BODY_BYTES) return refuse(413, tooLarge);
  if (jsonNestsDeeperThan(text, MAX_ACTION_JSON_DEPTH)) {
    return refuse(400, `The request nests values more than ${MAX_ACTION_JSON_DEPTH} levels deep; nothing was saved.`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return refuse(400, "The body of this request is not valid JSON; nothing was saved.");
  // Nesting is bounded above, so the walk is too.
  if (danglingReplyReference(parsed.value) !== null) {
    return refuse(400, 'A text in this request starts with "$" but is not encoded as React encodes it ("$$…"); nothing was saved.');
  }
  return null;
}
