export type Answer<T> = { ok: true; data: T } | { ok: false; message: string };

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
      let answer: { error?: { message?: string } } | null = null;
      if (request.status >= 200 && request.status < 300 && handlers.onLine) {
        readLines();
        return resolve({ ok: true, data: undefined as T });
      }
      try {
        answer = JSON.parse(request.responseText) as { error?: { message?: string } };
      } catch {
        answer = null;
      }
      if (request.status >= 200 && request.status < 300) resolve({ ok: true, data: answer as T });
      else resolve({ ok: false, message: answer?.error?.message ?? `The server answered ${request.status}.` });
    };
    request.onerror = () => resolve({ ok: false, message: "The upload failed: check your connection and try again." });
    request.send(body);
  });
}
