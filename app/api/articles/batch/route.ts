import { runApiRequest } from "@/lib/actions/run-api-request";
import { requirePermission } from "@/lib/auth/actor";
import { importArticles } from "@/lib/articles/import-articles";
import { readUploadBatch } from "@/lib/articles/read-upload-batch";

/**
 * Imports up to 100 article files in one request (repeated "file" fields, and optionally "details":
 * a JSON array of each file's corrected details or null). Answers 200 with one result per file, in
 * order: imported, duplicate or refused with its reason.
 */
export function POST(request: Request) {
  return runApiRequest(async (actor) => {
    const signedIn = requirePermission(actor, "articles.write");
    return importArticles(signedIn, { files: await readUploadBatch(request) });
  }, { fromThisSiteOnly: true });
}
