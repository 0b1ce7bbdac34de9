import { NO_PARAMETERS, preflight, servePublicRead } from "@/lib/api/serve-public-read";
import { getFactCheckResource } from "@/lib/api/get-fact-check-resource";

type Context = { params: Promise<{ slug: string }> };

/** One published fact-check by its slug (README, "Public API"). */
export async function GET(request: Request, context: Context) {
  const { slug } = await context.params;
  return servePublicRead(request, NO_PARAMETERS, (_, url) => ({
    variant: url.pathname,
    answer: async () => ({ body: JSON.stringify(await getFactCheckResource(slug)), contentType: "application/json" }),
  }));
}

export const OPTIONS = preflight;
