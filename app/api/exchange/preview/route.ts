import { runApiRequest } from "@/lib/actions/run-api-request";
import { requirePermission } from "@/lib/auth/actor";
import { previewExchangeFile } from "@/lib/exchange/preview-exchange-file";
import { readExchangeUpload } from "@/lib/exchange/read-exchange-upload";

/** What importing this file of other fact-checkers' reviews would do, every problem listed, writing nothing. */
export function POST(request: Request) {
  return runApiRequest(async (actor) => {
    // Checked before the upload is read, and again in the use case.
    const signedIn = requirePermission(actor, "exchange.import");
    return previewExchangeFile(signedIn, await readExchangeUpload(request));
  }, { fromThisSiteOnly: true });
}
