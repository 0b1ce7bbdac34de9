import { runApiRequest } from "@/lib/actions/run-api-request";
import { requirePermission } from "@/lib/auth/actor";
import { previewArticle } from "@/lib/articles/preview-article";
import { readUploadForm, readUploadedFile } from "@/lib/articles/read-upload";

/** What an import would store (title, outlet, date, language, duplicate), without storing it. */
export function POST(request: Request) {
  return runApiRequest(async (actor) => {
    const signedIn = requirePermission(actor, "articles.write");
    const file = await readUploadedFile(await readUploadForm(request));
    return previewArticle(signedIn, file);
  }, { fromThisSiteOnly: true });
}
