// The files of an import and the work on them: each file is read (a preview proposing its details),
// then imported when the editor says so. Work runs a few files at a time, so a folder of thousands
// never floods the browser or the server, and listeners hear of changes in batches, so the page
// stays responsive however many files there are. Plain TypeScript: React only subscribes to it.
import type { ArticlePreview } from "@/lib/articles/preview-article";
import type { ImportArticleResult } from "@/lib/articles/import-article";
import { postWithProgress, type ApiAnswer } from "./post-with-progress";

export type Details = { title: string; outlet: string; author: string; url: string; publishedAt: string; sourceUpdatedAt: string; language: string };

export type Phase = "waiting" | "checking" | "ready" | "queued" | "importing" | "imported" | "duplicate" | "refused" | "failed";

export type Upload = {
  key: string;
  file: File;
  progress: number;
  phase: Phase;
  /** The step a refused or failed file stopped at; trying a failed file again repeats it. */
  stoppedAt?: "check" | "import";
  message?: string;
  preview?: ArticlePreview;
  details?: Details;
  articleId?: string;
};

/** Files read or imported at once: enough to keep the server busy, few enough for any browser. */
const AT_ONCE = 3;
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
  let answer: ApiAnswer<T> = { ok: false, retryable: true, message: "" };
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    answer = await postWithProgress<T>(url, body(), onProgress);
    if (answer.ok || !answer.retryable) return answer;
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
  return answer;
}

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

  addFiles(files: File[]): void {
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
      if (duplicate) this.update(key, { phase: "duplicate", articleId: duplicate.articleId, message: `The same text is already imported as “${duplicate.title}”.` });
      else this.update(key, { phase: "queued" });
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
    this.update(key, { phase: upload.stoppedAt === "import" ? "queued" : "waiting", message: undefined });
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

  /** Starts waiting work while fewer than AT_ONCE run: imports the editor asked for first, then reading. */
  private pump(): void {
    while (this.running < AT_ONCE && !this.paused) {
      const all = [...this.uploads.values()];
      const next = all.find((upload) => upload.phase === "queued") ?? all.find((upload) => upload.phase === "waiting");
      if (!next) return;
      this.running++;
      // Both set the file's new phase before their first await, so the loop never picks it twice.
      const work = next.phase === "queued" ? this.send(next) : this.read(next);
      void work.finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async read(upload: Upload): Promise<void> {
    this.update(upload.key, { phase: "checking", progress: 0, message: undefined });
    const answer = await postWithRetries<ArticlePreview>(
      "/api/articles/preview",
      () => {
        const body = new FormData();
        body.append("file", upload.file);
        return body;
      },
      (progress) => this.update(upload.key, { progress }),
    );
    if (!answer.ok) return this.stop(upload.key, "check", answer);
    this.update(upload.key, { phase: "ready", progress: 1, preview: answer.data, details: proposedDetails(answer.data) });
  }

  private async send(upload: Upload): Promise<void> {
    const details = upload.details;
    if (!details) return;
    this.update(upload.key, { phase: "importing", progress: 0, message: undefined });
    const answer = await postWithRetries<ImportArticleResult>(
      "/api/articles",
      () => {
        const body = new FormData();
        body.append("file", upload.file);
        for (const [key, value] of Object.entries(details)) if (value.trim()) body.append(key, value.trim());
        return body;
      },
      (progress) => this.update(upload.key, { progress }),
    );
    if (!answer.ok) return this.stop(upload.key, "import", answer);
    this.update(upload.key, {
      phase: answer.data.status,
      articleId: answer.data.articleId,
      progress: 1,
      message: answer.data.status === "duplicate" ? `The same text is already imported as “${answer.data.title}”.` : undefined,
    });
  }

  private stop(key: string, step: "check" | "import", answer: { retryable: boolean; message: string }): void {
    this.update(key, { phase: answer.retryable ? "failed" : "refused", stoppedAt: step, message: answer.message, progress: 1 });
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
