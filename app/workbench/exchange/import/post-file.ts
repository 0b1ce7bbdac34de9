import type { ActionError } from "@/lib/actions/create-action";

/** A refused upload carries the server's error (its catalogue key too) for the page to show in its language. */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * POSTs a form with XMLHttpRequest, which reports the upload's progress (fetch cannot) and the
 * answer's text as it arrives: `onLine` gets each complete NDJSON line of a streamed answer.
 * Resolves with the whole answer (parsed as JSON when it is not NDJSON).
 */
export function postFile<T>(
  url: string,
  body: FormData,
  handlers: { onUpload?: (fraction: number) => void; onLine?: (line: unknown) => void } = {},
): Promise<Answer<T>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    let read = 0;
    const readLines = () => {
      const text = request.responseText;
      let end = text.indexOf("\n", read);
      while (end !== -1) {
        handlers.onLine?.(JSON.parse(text.slice(read, end)));
        read = end + 1;
        end = text.indexOf("\n", read);
      }
    };
    request.open("POST", url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) handlers.onUpload?.(event.loaded / event.total);
    };
    request.onprogress = () => {
      if (request.status >= 200 && request.status < 300 && handlers.onLine) readLines();
    };
    request.onload = () => {
      let answer: { error?: ActionError } | null = null;
      if (request.status >= 200 && request.status < 300 && handlers.onLine) {
        readLines();
        return resolve({ ok: true, data: undefined as T });
      }
      try {
        answer = JSON.parse(request.responseText) as { error?: ActionError };
      } catch {
        answer = null;
      }
      if (request.status >= 200 && request.status < 300) resolve({ ok: true, data: answer as T });
      else resolve({ ok: false, error: answer?.error?.message ? answer.error : { code: "internal", message: "", messageKey: { key: "serverAnswered", params: { status: request.status } } } });
    };
    request.onerror = () => resolve({ ok: false, error: { code: "unavailable", message: "", messageKey: { key: "uploadFailed" } } });
    request.send(body);
  });
}
