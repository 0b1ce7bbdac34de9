// Server only. Reads a multipart upload of several article files (repeated "file" fields), with an
// optional "details" field: a JSON array holding, for each file in order, the details an editor
// corrected (or null). Checked here, at the boundary; each file's details again in the use case.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import { describeIssues } from "@/lib/validation";
import { MAX_BATCH_BYTES, MAX_FILES_PER_BATCH, type BatchFile } from "./article-batch";
import { readFile, readUploadForm, type UploadLimit } from "./read-upload";

const BATCH_UPLOAD: UploadLimit = { maxBytes: MAX_BATCH_BYTES, what: "a batch of articles" };

const detailsField = z.array(z.record(z.string(), z.string()).nullable());

export async function readUploadBatch(request: Request): Promise<(BatchFile & { details?: Record<string, string> })[]> {
  const form = await readUploadForm(request, BATCH_UPLOAD);
  const entries = form.getAll("file");
  if (entries.length === 0 || entries.some((entry) => !(entry instanceof File))) throw invalid("Send the articles as files, in fields named “file”.");
  if (entries.length > MAX_FILES_PER_BATCH) throw invalid(`Send at most ${MAX_FILES_PER_BATCH} files at once.`);
  const files = await Promise.all((entries as File[]).map(readFile));

  const sent = form.get("details");
  if (sent === null) return files;
  let json: unknown;
  try {
    json = typeof sent === "string" ? JSON.parse(sent) : undefined;
  } catch {
    json = undefined;
  }
  const details = detailsField.length(files.length, "one entry (or null) per file").safeParse(json);
  if (!details.success) throw invalid(`The “details” field must be a JSON array with one entry per file. ${describeIssues(details.error)}`);
  return files.map((file, index) => ({ ...file, details: details.data[index] ?? undefined }));
}
