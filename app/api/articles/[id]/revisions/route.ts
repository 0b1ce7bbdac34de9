import { runApiRequest } from "@/lib/actions/run-api-request";
import { requirePermission } from "@/lib/auth/actor";
import { readUploadForm, readUploadedFile } from "@/lib/articles/read-upload";
import { reviseArticle } from "@/lib/articles/revise-article";

type Context = { params: Promise<{ id: string }> };

/** A new revision of the article's text; its passages are re-anchored into it. */
export function POST(request: Request, context: Context) {
  return runApiRequest(async (actor) => {
    const signedIn = requirePermission(actor, "articles.write");
    const form = await readUploadForm(request);
    const file = await readUploadedFile(form);
    return reviseArticle(signedIn, {
      ...file,
      articleId: (await context.params).id,
      expectedRevisionNumber: Number(form.get("expectedRevisionNumber")),
    });
  }, { fromThisSiteOnly: true });
}
