import { runApiRequest } from "@/lib/actions/run-api-request";
import { requirePermission } from "@/lib/auth/actor";
import { importExternalFactChecks } from "@/lib/exchange/import-external-fact-checks";
import { importOwnArchive } from "@/lib/exchange/import-own-archive";
import { readExchangeUpload } from "@/lib/exchange/read-exchange-upload";
import { actionErrorOf } from "@/lib/actions/create-action";

/**
 * Imports the file: other fact-checkers' work, or (target "archive") this newsroom's own published
 * fact-checks. A refusal (a bad row not confirmed, no permission) is a 4xx answer as usual;
 * once the file is checked the answer is streamed as NDJSON: {"done","total"} after each batch, then
 * {"result"} or {"error"} (the transaction then left nothing).
 */
export function POST(request: Request) {
  return runApiRequest(async (actor) => {
    const signedIn = requirePermission(actor, "exchange.import");
    const upload = await readExchangeUpload(request);
    // The archive use case checks the publishing permission itself.
    const prepared = upload.target === "archive" ? await importOwnArchive(signedIn, upload) : await importExternalFactChecks(signedIn, upload);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        send({ done: 0, total: prepared.total });
        try {
          send({ result: await prepared.run((done, total) => send({ done, total })) });
        } catch (error) {
          // With its catalogue key, for the page to show it in its reader's language.
          const { code, message, messageKey, issues } = actionErrorOf(error, signedIn.requestId);
          send({ error: { code, message, messageKey, issues } });
        }
        controller.close();
      },
    });
    return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
  }, { fromThisSiteOnly: true });
}
