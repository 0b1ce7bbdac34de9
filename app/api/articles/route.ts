import { runApiRequest } from "@/lib/actions/run-api-request";
import { requirePermission } from "@/lib/auth/actor";
import { importArticle } from "@/lib/articles/import-article";
import { readUploadForm, readUploadedFile } from "@/lib/articles/read-upload";

/** Imports one article file, with the details the editor corrected (empty fields keep the proposal). */
export function POST(request: Request) {
  return runApiRequest(async (actor) => {
    const signedIn = requirePermission(actor, "articles.write");
    const form = await readUploadForm(request);
    const file = await readUploadedFile(form);
    const details = Object.fromEntries(
      ["title", "outlet", "author", "url", "language", "publishedAt", "sourceUpdatedAt"]
        .map((key) => [key, form.get(key)])
        .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== ""),
    );
    return importArticle(signedIn, { ...file, details });
  }, { fromThisSiteOnly: true });
}
