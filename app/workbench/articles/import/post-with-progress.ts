// Upload with progress (fetch cannot report it). Tells apart a refusal (the server answered with a
// reason) from a failed transfer (no answer, or the server unavailable), which is worth retrying.
// A failure carries the server's own reason when it gave one, else the status it answered (0: no answer).
export type ApiAnswer<T> = { ok: true; data: T } | { ok: false; retryable: boolean; reason: string | null; status: number };

export function postWithProgress<T>(url: string, body: FormData, onProgress: (fraction: number) => void): Promise<ApiAnswer<T>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = request.response as { error?: { message?: string } } | null;
      if (request.status >= 200 && request.status < 300) return resolve({ ok: true, data: answer as T });
      const retryable = request.status === 429 || request.status >= 500;
      resolve({ ok: false, retryable, reason: answer?.error?.message ?? null, status: request.status });
    };
    request.onerror = () => resolve({ ok: false, retryable: true, reason: null, status: 0 });
    request.send(body);
  });
}
