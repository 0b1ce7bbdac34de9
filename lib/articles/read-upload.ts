import { DomainError, invalid } from "@/lib/errors";
import { MAX_ARTICLE_BYTES } from "@/lib/articles/parse-article";

const MEDIA_TYPES_BY_EXTENSION: Record<string, string> = {
  txt: "text/plain",
  text: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  html: "text/html",
  htm: "text/html",
};

export type UploadLimit = { maxBytes: number; what: string };
const ARTICLE_UPLOAD: UploadLimit = { maxBytes: MAX_ARTICLE_BYTES, what: "an article" };

/** Upload bodies are refused before parsing when larger than their file can be. */
function refuseOversizedBody(request: Request, limit: UploadLimit): void {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > limit.maxBytes + 64 * 1024) {
    throw new DomainError("invalid", `The upload is larger than the ${limit.maxBytes / 1024 / 1024} MiB limit for ${limit.what}.`);
  }
}

/** The request's multipart form, refused before parsing when too large and with a clear message when it is no form. */
export async function readUploadForm(request: Request, limit: UploadLimit = ARTICLE_UPLOAD): Promise<FormData> {
  refuseOversizedBody(request, limit);
  try {
    return await request.formData();
  } catch {
    throw invalid(`Send ${limit.what} as a multipart/form-data upload with a file field.`);
  }
}

/** The uploaded file's bytes and media type, taken from its name when the browser sends none. */
export async function readUploadedFile(form: FormData, field = "file"): Promise<{ bytes: Uint8Array; mediaType: string; name: string }> {
  const file = form.get(field);
  if (!(file instanceof File)) throw invalid("Choose a file to import, or paste the text.");
  return readFile(file);
}

/** One file's bytes and media type, taken from its name when the browser sends none. */
export async function readFile(file: File): Promise<{ bytes: Uint8Array; mediaType: string; name: string }> {
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  const mediaType = MEDIA_TYPES_BY_EXTENSION[extension] ?? (file.type || "application/octet-stream");
  return { bytes: new Uint8Array(await file.arrayBuffer()), mediaType, name: file.name };
}
