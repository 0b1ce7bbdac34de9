import { runApiRequest } from "@/lib/actions/run-api-request";
import { exportAnnotations } from "@/lib/articles/export-annotations";

type Context = { params: Promise<{ id: string }> };

/** The article's passages as a W3C Web Annotation collection (JSON-LD); anonymous readers get published claims only. */
export function GET(_request: Request, context: Context) {
  return runApiRequest(async (actor) => {
    const collection = await exportAnnotations(actor, (await context.params).id);
    return new Response(JSON.stringify(collection, null, 2), {
      headers: {
        "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        "Cache-Control": actor ? "private, no-store" : "public, max-age=60",
      },
    });
  });
}
