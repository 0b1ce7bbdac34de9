// Next decodes a server action's body before any of our code runs, and answers a body it cannot
// decode (malformed JSON or form, one over its size limit, nesting deep enough to overflow the
// decoder's stack) with a 500; so does a page sent a malformed multipart form. proxy.ts calls this
// first, so that such a request gets a clear 4xx instead, and the action (createAction) only ever
// sees arguments that decoded.

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

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
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
  if (!isJson(text)) return refuse(400, "The body of this request is not valid JSON; nothing was saved.");
  return null;
}
