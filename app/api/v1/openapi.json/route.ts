import { NO_PARAMETERS, preflight, servePublicRead } from "@/lib/api/serve-public-read";
import { openApiDocument } from "@/lib/api/openapi-document";

/** The OpenAPI 3.1 description of /api/v1. */
export function GET(request: Request) {
  return servePublicRead(request, NO_PARAMETERS, () => {
    const document = JSON.stringify(openApiDocument());
    // The document changes with the code, not with publications: it is its own variant.
    return { variant: document, answer: async () => ({ body: document, contentType: "application/json" }) };
  });
}

export const OPTIONS = preflight;
