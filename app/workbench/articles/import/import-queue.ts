// The files of an import and the work on them: each file is read (a preview proposing its details),
// then imported when the editor says so. Files travel in batches (up to BATCH_FILES in one request,
// ADR 0016), and only AT_ONCE requests run at a time, so a folder of thousands never floods the
// browser or the server; listeners hear of changes at most every NOTIFY_MS, so the page stays
// responsive however many files there are. A file this browser remembers importing (import-memory.ts)
// is not sent again. Plain TypeScript: React only subscribes to it.
import type { ArticlePreview } from "@/lib/articles/preview-article";
import type { PreviewedFileResult } from "@/lib/articles/preview-articles";
import type { ImportedFileResult } from "@/lib/articles/import-articles";
import { fileKey, recall, remember } from "./import-memory";
import type { ErrorMessageKey } from "@/lib/refusal";
import { postWithProgress, type ApiAnswer, type ServerError } from "./post-with-progress";
import type { FileHandle } from "./pick-folder";

export type Details = { title: string; outlet: string; author: string; url: string; publishedAt: string; sourceUpdatedAt: string; language: string };

export type Phase = "waiting" | "checking" | "ready" | "queued" | "importing" | "imported" | "duplicate" | "refused" | "failed";

/** What a file's row says beside its status; the page words it in the reader's language, the server's refusals too. */
export type Notice =
  | { kind: "refusal"; error: ServerError }
  | { kind: "alreadyImported" | "importedEarlier"; title: string }
  | { kind: "unreachable" }
  | { kind: "unreadable" }
  | { kind: "serverAnswered"; status: number };

export type Upload = {
  key: string;
  /** A file of a folder chosen with the picker is opened when its turn to be read comes (pick-folder.ts). */
  file: File | FileHandle;
  progress: number;
  phase: Phase;
  /** The step a refused or failed file stopped at; trying a failed file again repeats it. */
  stoppedAt?: "check" | "import";
  notice?: Notice;
  preview?: ArticlePreview;
  details?: Details;
  articleId?: string;
  /** How this browser remembers the file once imported (import-memory.ts). */
  memoryKey?: string;
};

/** Requests at once: one being answered while the next travels keeps the server busy, and no browser is flooded. */
const AT_ONCE = 2;
/** Files in one request, and their bytes at most (a single larger file goes alone). */
const BATCH_FILES = 25;
const BATCH_BYTES = 4 * 1024 * 1024;
/** Listeners hear of changes at most this often. */
const NOTIFY_MS = 120;
/** A failed transfer is tried this many times in all before the file is marked failed. */
const ATTEMPTS = 3;
const BUSY: Phase[] = ["waiting", "checking", "queued", "importing"];

function proposedDetails(preview: ArticlePreview): Details {
  return {
    title: preview.title,
    outlet: preview.outlet ?? "",
    author: preview.author ?? "",
    url: preview.url ?? "",
    publishedAt: preview.publishedAt?.slice(0, 10) ?? "",
    sourceUpdatedAt: preview.sourceUpdatedAt?.slice(0, 10) ?? "",
    language: preview.language,
  };
}

async function postWithRetries<T>(url: string, body: () => FormData, onProgress: (fraction: number) => void): Promise<ApiAnswer<T>> {
  let answer: ApiAnswer<T> = { ok: false, retryable: true, error: null, status: 0 };
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    answer = await postWithProgress<T>(url, body(), onProgress);
    if (answer.ok || !answer.retryable) return answer;
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
  return answer;
}

/** Only what the editor changed is sent: the server proposes the rest again from the same file (an emptied field keeps the proposal). */
function changedDetails(upload: Upload): Record<string, string> | null {
  if (!upload.details || !upload.preview) return null;
  const proposed = proposedDetails(upload.preview);
  const changed = Object.entries(upload.details)
    .map(([key, value]) => [key, value.trim()] as const)
    .filter(([key, value]) => value !== "" && value !== proposed[key as keyof Details]);
  return changed.length > 0 ? Object.fromEntries(changed) : null;
}

/** A file's bytes as far as batching goes: a file not opened yet counts for nothing until it is (open). */
const sizeOf = (upload: Upload) => (upload.file instanceof File ? upload.file.size : 0);

export class ImportQueue {
  private readonly uploads = new Map<string, Upload>();
  private readonly listeners = new Set<() => void>();
  private list: Upload[] = [];
  private counter = 0;
  private running = 0;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  paused = false;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The files in the order they were added, as of the last notification. */
  snapshot = () => this.list;

  get busy(): boolean {
    return this.list.some((upload) => BUSY.includes(upload.phase));
  }

  addFiles(files: (File | FileHandle)[]): void {
    for (const file of files) {
      const key = `upload-${++this.counter}`;
      this.uploads.set(key, { key, file, progress: 0, phase: "waiting" });
    }
    this.changed();
    this.pump();
  }

  /** Queues the given ready files for import; a file whose text is already imported is not sent again. */
  importAll(keys: string[]): void {
    for (const key of keys) {
      const upload = this.uploads.get(key);
      if (upload?.phase !== "ready") continue;
      const duplicate = upload.preview?.duplicateOf;
      if (duplicate) {
        this.update(key, { phase: "duplicate", articleId: duplicate.articleId, notice: { kind: "alreadyImported", title: duplicate.title } });
        if (upload.memoryKey) remember(upload.memoryKey, duplicate);
      } else this.update(key, { phase: "queued" });
    }
    this.pump();
  }

  /** Sends one file the editor checked, even when its text is already in Claimwork (the answer says so). */
  importOne = (key: string): void => {
    if (this.uploads.get(key)?.phase !== "ready") return;
    this.update(key, { phase: "queued" });
    this.pump();
  };

  retry = (key: string): void => {
    const upload = this.uploads.get(key);
    if (upload?.phase !== "failed") return;
    this.update(key, { phase: upload.stoppedAt === "import" ? "queued" : "waiting", notice: undefined });
    this.pump();
  };

  /** Typing is shown at once: a controlled input whose value lags behind loses keystrokes. */
  editDetails = (key: string, details: Details): void => {
    this.update(key, { details });
    this.notify();
  };

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.changed();
    if (!paused) this.pump();
  }

  /** Starts waiting work while fewer than AT_ONCE requests run: imports the editor asked for first, then reading. */
  private pump(): void {
    while (this.running < AT_ONCE && !this.paused) {
      const batch = this.nextBatch("queued");
      const reading = batch.length === 0;
      const files = reading ? this.nextBatch("waiting") : batch;
      if (files.length === 0) return;
      this.running++;
      // Both set the files' new phase before their first await, so the loop never picks them twice.
      const work = reading ? this.read(files) : this.send(files);
      void work.finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** The first files in the given phase, up to BATCH_FILES and BATCH_BYTES. */
  private nextBatch(phase: Phase): Upload[] {
    const batch: Upload[] = [];
    let bytes = 0;
    for (const upload of this.uploads.values()) {
      if (upload.phase !== phase) continue;
      const size = sizeOf(upload);
      if (batch.length > 0 && (batch.length >= BATCH_FILES || bytes + size > BATCH_BYTES)) break;
      batch.push(upload);
      bytes += size;
    }
    return batch;
  }

  private async read(batch: Upload[]): Promise<void> {
    for (const upload of batch) this.update(upload.key, { phase: "checking", progress: 0, notice: undefined });
    // A file this browser imported before is not sent again.
    const toCheck: Upload[] = [];
    for (const upload of await this.open(batch)) {
      const memoryKey = upload.memoryKey ?? (await fileKey(upload.file as File).catch(() => undefined));
      const known = memoryKey ? recall(memoryKey) : null;
      if (known) this.update(upload.key, { phase: "duplicate", progress: 1, memoryKey, articleId: known.articleId, notice: { kind: "importedEarlier", title: known.title } });
      else {
        this.update(upload.key, { memoryKey });
        toCheck.push({ ...upload, memoryKey });
      }
    }
    if (toCheck.length === 0) return;
    const answer = await this.post<{ results: PreviewedFileResult[] }>("/api/articles/preview/batch", toCheck);
    if (!answer.ok) return this.stop(toCheck, "check", answer);
    answer.data.results.forEach((result, index) => {
      const upload = toCheck[index]!;
      if (result.status === "refused") this.update(upload.key, { phase: "refused", stoppedAt: "check", notice: refusalNotice(result), progress: 1 });
      else this.update(upload.key, { phase: "ready", progress: 1, preview: result.preview, details: proposedDetails(result.preview) });
    });
  }

  /**
   * Opens the batch's files not opened yet; those that no longer fit in the batch's bytes once
   * their sizes are known wait for the next one, and one that cannot be read is marked so.
   */
  private async open(batch: Upload[]): Promise<Upload[]> {
    const opened: Upload[] = [];
    let bytes = 0;
    for (const upload of batch) {
      let file: File;
      try {
        file = upload.file instanceof File ? upload.file : await upload.file.getFile();
      } catch {
        this.update(upload.key, { phase: "failed", stoppedAt: "check", notice: { kind: "unreadable" }, progress: 1 });
        continue;
      }
      const fits = opened.length === 0 || bytes + file.size <= BATCH_BYTES;
      this.update(upload.key, fits ? { file } : { file, phase: "waiting" });
      if (!fits) continue;
      opened.push({ ...upload, file });
      bytes += file.size;
    }
    return opened;
  }

  private async send(batch: Upload[]): Promise<void> {
    for (const upload of batch) this.update(upload.key, { phase: "importing", progress: 0, notice: undefined });
    const answer = await this.post<{ results: ImportedFileResult[] }>("/api/articles/batch", batch, (body) =>
      body.append("details", JSON.stringify(batch.map(changedDetails))),
    );
    if (!answer.ok) return this.stop(batch, "import", answer);
    answer.data.results.forEach((result, index) => {
      const upload = batch[index]!;
      if (result.status === "refused") return this.update(upload.key, { phase: "refused", stoppedAt: "import", notice: refusalNotice(result), progress: 1 });
      if (upload.memoryKey) remember(upload.memoryKey, { articleId: result.articleId, title: result.title });
      this.update(upload.key, {
        phase: result.status,
        articleId: result.articleId,
        progress: 1,
        notice: result.status === "duplicate" ? { kind: "alreadyImported", title: result.title } : undefined,
      });
    });
  }

  /** Posts the batch's files (and whatever `extra` adds), showing the upload's progress on each of them. */
  private post<T>(url: string, batch: Upload[], extra?: (body: FormData) => void): Promise<ApiAnswer<T>> {
    return postWithRetries<T>(
      url,
      () => {
        const body = new FormData();
        // Files are opened before they are read (open), so every one sent is a File.
        for (const upload of batch) body.append("file", upload.file as File);
        extra?.(body);
        return body;
      },
      (progress) => {
        for (const upload of batch) this.update(upload.key, { progress });
      },
    );
  }

  private stop(batch: Upload[], step: "check" | "import", answer: { retryable: boolean; error: ServerError | null; status: number }): void {
    const notice: Notice =
      answer.error !== null ? { kind: "refusal", error: answer.error } : answer.status === 0 ? { kind: "unreachable" } : { kind: "serverAnswered", status: answer.status };
    for (const upload of batch) this.update(upload.key, { phase: answer.retryable ? "failed" : "refused", stoppedAt: step, notice, progress: 1 });
  }

  private update(key: string, change: Partial<Upload>): void {
    const upload = this.uploads.get(key);
    if (!upload) return;
    this.uploads.set(key, { ...upload, ...change });
    this.changed();
  }

  private changed(): void {
    if (!this.notifyTimer) this.notifyTimer = setTimeout(() => this.notify(), NOTIFY_MS);
  }

  private notify(): void {
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
    this.list = [...this.uploads.values()];
    for (const listener of this.listeners) listener();
  }
}

/** A file the server refused, as the page shows it: its catalogue message when it has one, else its English reason. */
function refusalNotice(file: { reason: string; refusal?: ErrorMessageKey }): Notice {
  return { kind: "refusal", error: { code: "invalid", message: file.reason, messageKey: file.refusal } };
}
