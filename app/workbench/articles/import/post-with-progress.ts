// Upload with progress (fetch cannot report it). Tells apart a refusal (the server answered with a
// reason) from a failed transfer (no answer, or the server unavailable), which is worth retrying.
// A failure carries the server's own error when it gave one (its catalogue key too, for the page to
// word it), else the status it answered (0: no answer).
import type { ErrorMessageKey, FieldIssue } from "@/lib/refusal";

export type ServerError = { code: string; message: string; messageKey?: ErrorMessageKey; issues?: FieldIssue[] };
export type ApiAnswer<T> = { ok: true; data: T } | { ok: false; retryable: boolean; error: ServerError | null; status: number };

export function postWithProgress<T>(url: string, body: FormData, onProgress: (fraction: number) => void): Promise<ApiAnswer<T>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = request.response as { error?: Partial<ServerError> } | null;
      if (request.status >= 200 && request.status < 300) return resolve({ ok: true, data: answer as T });
      const retryable = request.status === 429 || request.status >= 500;
      const error = answer?.error;
      const shown = typeof error?.code === "string" && typeof error.message === "string" ? (error as ServerError) : null;
      resolve({ ok: false, retryable, error: shown, status: request.status });
    };
    request.onerror = () => resolve({ ok: false, retryable: true, error: null, status: 0 });
    request.send(body);
  });
}
