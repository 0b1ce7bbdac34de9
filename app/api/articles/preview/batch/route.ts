import { runApiRequest } from "@/lib/actions/run-api-request";
import { requirePermission } from "@/lib/auth/actor";
import { previewArticles } from "@/lib/articles/preview-articles";
import { readUploadBatch } from "@/lib/articles/read-upload-batch";

/** What importing each of up to 100 files would store, without storing anything: one result per file, in order. */
export function POST(request: Request) {
  return runApiRequest(async (actor) => {
    const signedIn = requirePermission(actor, "articles.write");
    const files = await readUploadBatch(request);
    return previewArticles(signedIn, { files: files.map(({ name, bytes, mediaType }) => ({ name, bytes, mediaType })) });
  }, { fromThisSiteOnly: true });
}
