import { runApiRequest } from "@/lib/actions/run-api-request";
import { requirePermission } from "@/lib/auth/actor";
import { previewArticle } from "@/lib/articles/preview-article";
import { readUploadedFile, refuseOversizedBody } from "@/lib/articles/read-upload";

/** What an import would store (title, outlet, date, language, duplicate), without storing it. */
export function POST(request: Request) {
  return runApiRequest(async (actor) => {
    const signedIn = requirePermission(actor, "articles.write");
    refuseOversizedBody(request);
    const file = await readUploadedFile(await request.formData());
    return previewArticle(signedIn, file);
  }, { fromThisSiteOnly: true });
}
