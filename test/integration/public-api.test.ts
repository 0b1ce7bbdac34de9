// The public read API (/api/v1) and the staff CSV export, as a client sees them: the route handlers
// are called with real Requests against a real database. Only published data appears; every answer
// validates against the OpenAPI document the API serves (itself validated as OpenAPI 3.1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { runReaderSearch, MAX_CONCURRENT_READER_SEARCHES } from "@/lib/search/bounded-search";
import { exportClaims } from "@/lib/claims/export-claims";
import { GET as searchClaims, OPTIONS as searchPreflight } from "@/app/api/v1/claims:search/route";
import { GET as getFactCheck } from "@/app/api/v1/fact-checks/[slug]/route";
import { GET as getFeed } from "@/app/api/v1/claim-reviews.jsonld/route";
import { GET as getDocument } from "@/app/api/v1/openapi.json/route";
import { expectDomainError, makeClaim, makeUser, unique, verdictContent } from "@/test/integration/support";

const db = getDb();
let editor: Actor;
let reviewer: Actor;

/** A word of letters only, unique to this run, that full-text search treats as one word. */
const word = () => unique().replace(/\d/g, (digit) => "ghijklmnop"[Number(digit)]!);
const shared = word();

let lastAddress = 0;
/** Each request from an address of its own, unless the test says otherwise (the rate limit is per address). */
function request(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": `2001:db8::${(++lastAddress).toString(16)}`, ...headers } });
}

async function bringTo(state: "draft" | "approved" | "published", claimId: string): Promise<string | null> {
  const draft = await saveVerdictDraft(editor, { claimId, expectedVersion: null, ...verdictContent() });
  if (state === "draft") return null;
  const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
  await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
  if (state === "approved") return null;
  return (await publishVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId })).slug;
}

const published: { slug: string; statement: string }[] = [];
const unpublished: string[] = [];
let formulaStatement: string;
let schemaOf: (name: string) => (value: unknown) => boolean;
let documentCheck: Awaited<ReturnType<Validator["validate"]>>;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser("reviewer")]);
  for (let index = 0; index < 7; index++) {
    const claim = await makeClaim(editor, { statement: `Harbour fees rose ${shared} ${word()}`, ...(index === 0 ? { claimedAt: "2024-03-05" } : {}) });
    published.push({ slug: (await bringTo("published", claim.id))!, statement: claim.statement });
  }
  for (const state of ["draft", "approved"] as const) {
    const claim = await makeClaim(editor, { statement: `Harbour fees rose ${shared} ${word()} (${state})` });
    await bringTo(state, claim.id);
    unpublished.push(claim.statement);
  }
  formulaStatement = `=HYPERLINK("http://evil.example","${shared}")`;
  await makeClaim(editor, { statement: formulaStatement, claimant: "@attacker" });

  const document = (await (await getDocument(request("/api/v1/openapi.json"))).json()) as Record<string, unknown>;
  documentCheck = await new Validator().validate(document);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, "openapi.json");
  schemaOf = (name) => {
    const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    return (value) => {
      const valid = validate(value) as boolean;
      if (!valid) console.error(name, JSON.stringify(validate.errors, null, 2));
      return valid;
    };
  };
});
afterAll(() => db.$disconnect());

type SearchAnswer = { claims: { text: string; claimant: string; claimDate?: string; claimReview: { url: string }[] }[]; nextPageToken?: string };

/** Every page of a search, in order, each checked against the document. */
async function allPages(parameters: string): Promise<SearchAnswer["claims"]> {
  const claims: SearchAnswer["claims"] = [];
  let token: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const response = await searchClaims(request(`/api/v1/claims:search?${parameters}${token ? `&pageToken=${token}` : ""}`));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as SearchAnswer;
    expect(schemaOf("ClaimsSearchAnswer")(answer)).toBe(true);
    claims.push(...answer.claims);
    token = answer.nextPageToken;
    if (!token) return claims;
  }
  throw new Error("the pages never ended");
}

const slugOf = (url: string) => url.split("/fact-checks/")[1];

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document whose schemas refuse a wrong answer", () => {
    expect(documentCheck.errors).toBeUndefined();
    expect(documentCheck.valid).toBe(true);
    expect(schemaOf("ClaimsSearchAnswer")({ claims: [{ text: "t", claimant: "c", claimReview: [{ url: "x" }] }] })).toBe(false);
  });
});

describe("GET /api/v1/claims:search", () => {
  it("pages through exactly the published fact-checks, completely and in a stable order", async () => {
    const first = await allPages(`query=${shared}&pageSize=3`);
    expect(first.map((claim) => slugOf(claim.claimReview[0]!.url)).sort()).toEqual(published.map((entry) => entry.slug).sort());
    for (const statement of unpublished) expect(first.map((claim) => claim.text)).not.toContain(statement);
    expect(await allPages(`query=${shared}&pageSize=3`)).toEqual(first);

    const dated = first.find((claim) => claim.text === published[0]!.statement)!;
    expect(dated.claimDate).toBe("2024-03-05T00:00:00.000Z");
    expect(dated.claimReview[0]).toMatchObject({
      publisher: { name: getEnv().NEWSROOM_NAME, site: new URL(getEnv().SITE_URL).hostname },
      textualRating: "Mixed",
      languageCode: "en",
    });
  });

  it("lists everything published, newest first, without a query; never a draft or an unpublished approval", async () => {
    const all = await allPages("pageSize=30");
    const slugs = all.map((claim) => slugOf(claim.claimReview[0]!.url));
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual(expect.arrayContaining(published.map((entry) => entry.slug)));
    for (const statement of unpublished) expect(all.map((claim) => claim.text)).not.toContain(statement);
  });

  it("filters by language, publisher site and age", async () => {
    const site = new URL(getEnv().SITE_URL).hostname;
    expect(await allPages(`query=${shared}&languageCode=en-GB&reviewPublisherSiteFilter=${site}&maxAgeDays=1`)).toHaveLength(published.length);
    expect(await allPages(`query=${shared}&languageCode=fr`)).toEqual([]);
    expect(await allPages(`query=${shared}&key=any-google-api-key`)).toHaveLength(published.length);
    expect(await allPages(`query=${shared}&reviewPublisherSiteFilter=other.example`)).toEqual([]);
  });

  it("refuses a wrong parameter with 400, naming it and what is allowed", async () => {
    const otherSearch = (await (await searchClaims(request("/api/v1/claims:search?pageSize=1"))).json()) as SearchAnswer;
    expect(otherSearch.nextPageToken).toBeDefined();
    const cases: [string, string][] = [
      ["pageSize=0", "pageSize"],
      ["pageSize=ten", "pageSize"],
      ["maxAgeDays=-3", "maxAgeDays"],
      ["languageCode=english!", "languageCode"],
      ["pageToken=not-a-token", "pageToken"],
      ["pageToken=%21%21", "pageToken"],
      [`query=${shared}&pageToken=${otherSearch.nextPageToken}`, "pageToken"],
      ["q=harbour", "q"],
      ["query=a&query=b", "query"],
    ];
    for (const [parameters, parameter] of cases) {
      const response = await searchClaims(request(`/api/v1/claims:search?${parameters}`));
      expect(response.status, parameters).toBe(400);
      const body = (await response.json()) as { error: { parameter: string; message: string } };
      expect(schemaOf("Error")(body)).toBe(true);
      expect(body.error.parameter, parameters).toBe(parameter);
      expect(body.error.message).toMatch(new RegExp(`^${parameter}: .+`));
    }
  });

  it("answers any parameter values with 200 or a 400 that names the parameter, never a 500", async () => {
    const value = fc.oneof(fc.string({ unit: "binary", maxLength: 260 }), fc.integer({ min: -5, max: 40_000 }).map(String), fc.constant(""));
    const name = fc.constantFrom("query", "languageCode", "reviewPublisherSiteFilter", "maxAgeDays", "pageSize", "pageToken");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, value), { maxLength: 4 }), async (pairs) => {
        const response = await searchClaims(request(`/api/v1/claims:search?${new URLSearchParams(pairs)}`));
        expect([200, 400]).toContain(response.status);
        const body = (await response.json()) as unknown;
        expect(schemaOf(response.status === 200 ? "ClaimsSearchAnswer" : "Error")(body)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("answers 503 with Retry-After, not 500, while every reader search slot is taken", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: MAX_CONCURRENT_READER_SEARCHES }, () => runReaderSearch(() => gate));
    try {
      const response = await searchClaims(request(`/api/v1/claims:search?query=${shared}`));
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(schemaOf("Error")(await response.json())).toBe(true);
    } finally {
      release();
      await Promise.all(holders);
    }
  });

  it("allows any origin to read it, and answers the preflight", async () => {
    const response = await searchClaims(request(`/api/v1/claims:search?query=${shared}`, { origin: "https://elsewhere.example" }));
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = searchPreflight();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });
});

describe("GET /api/v1/fact-checks/{slug}", () => {
  const get = (slug: string, headers: Record<string, string> = {}) =>
    getFactCheck(request(`/api/v1/fact-checks/${slug}`, headers), { params: Promise.resolve({ slug }) });

  it("answers a published fact-check as the document describes it, and 404 for any other slug", async () => {
    const { slug } = published[0]!;
    const response = await get(slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as Record<string, unknown>;
    expect(schemaOf("FactCheck")(body)).toBe(true);
    expect(body).toMatchObject({ slug, claim: { text: published[0]!.statement, claimDate: "2024-03-05" } });
    expect(body.claimReview).toEqual((await getPublishedFactCheck(slug))!.claimReview);

    for (const missing of [`no-such-${word()}`, "UPPER", "../../etc"]) {
      const refused = await get(missing);
      expect(refused.status).toBe(404);
      expect(schemaOf("Error")(await refused.json())).toBe(true);
    }
  });

  it("answers 304 to a current ETag or date, and 200 again once publications change", async () => {
    const { slug } = published[1]!;
    const first = await get(slug);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);

    const byTag = await get(slug, { "if-none-match": etag });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe("");
    expect(byTag.headers.get("etag")).toBe(etag);
    expect((await get(slug, { "if-modified-since": lastModified })).status).toBe(304);
    expect((await get(slug, { "if-none-match": '"something-else"', "if-modified-since": lastModified })).status).toBe(200);

    // Another publication moves the state every answer's validators come from.
    const claim = await makeClaim(editor, { statement: `A later claim ${word()}` });
    await bringTo("published", claim.id);
    const after = await get(slug, { "if-none-match": etag, "if-modified-since": lastModified });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(Date.parse(after.headers.get("last-modified")!)).toBeGreaterThanOrEqual(Date.parse(lastModified));
  });

  it("does not call a copy current once another build serves the API, though no publication changed", async () => {
    const { slug } = published[1]!;
    const builtAt = process.env.CLAIMWORK_BUILT_AT;
    try {
      process.env.CLAIMWORK_BUILT_AT = "2026-01-01T00:00:00.000Z";
      const first = await get(slug);
      const etag = first.headers.get("etag")!;
      expect((await get(slug, { "if-none-match": etag })).status).toBe(304);
      process.env.CLAIMWORK_BUILT_AT = new Date(Date.now() + 60_000).toISOString();
      const rebuilt = await get(slug, { "if-none-match": etag, "if-modified-since": first.headers.get("last-modified")! });
      expect(rebuilt.status).toBe(200);
      expect(rebuilt.headers.get("etag")).not.toBe(etag);
    } finally {
      if (builtAt === undefined) delete process.env.CLAIMWORK_BUILT_AT;
      else process.env.CLAIMWORK_BUILT_AT = builtAt;
    }
  });
});

describe("GET /api/v1/claim-reviews.jsonld", () => {
  it("streams every published ClaimReview as one DataFeed, the same ClaimReview as each page's", async () => {
    const response = await getFeed(request("/api/v1/claim-reviews.jsonld"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const feed = JSON.parse(await response.text()) as { dataFeedElement: { url: string; claimReviewed: string }[] };
    expect(schemaOf("DataFeed")(feed)).toBe(true);
    const bySlug = new Map(feed.dataFeedElement.map((review) => [slugOf(review.url), review]));
    expect(bySlug.size).toBe(feed.dataFeedElement.length);
    for (const { slug } of published) expect(bySlug.get(slug)).toEqual((await getPublishedFactCheck(slug))!.claimReview);
    const reviewed = feed.dataFeedElement.map((review) => review.claimReviewed);
    for (const statement of unpublished) expect(reviewed).not.toContain(statement);

    const again = await getFeed(request("/api/v1/claim-reviews.jsonld", { "if-none-match": response.headers.get("etag")! }));
    expect(again.status).toBe(304);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once an address has used its requests, and only for that address", async () => {
    const address = { "x-forwarded-for": "198.51.100.23" };
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 500 && !refused; attempt++) {
      const response = await getDocument(request("/api/v1/openapi.json", address));
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    expect(refused, "no 429 after 500 requests").toBeDefined();
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused!.headers.get("access-control-allow-origin")).toBe("*");
    expect(schemaOf("Error")(await refused!.json())).toBe(true);
    expect((await getDocument(request("/api/v1/openapi.json"))).status).toBe(200);
  });
});

describe("CSV export of claims", () => {
  const csv = async (actor: Actor | null) => {
    let text = "";
    for await (const lines of exportClaims(actor)) text += lines;
    return text;
  };

  it("is refused to anonymous callers and to a disabled user", async () => {
    await expectDomainError(csv(null), "unauthenticated");
    await expectDomainError(csv(await makeUser("editor", "disabled")), "forbidden");
  });

  it("lists claims with verdict status and ratings, cells that start a formula neutralised", async () => {
    const text = await csv(editor);
    const [header, ...rows] = text.split("\r\n");
    expect(header).toBe('"claim_id","statement","claimant","claim_date","language","tags","created_at","verdict_status","rating","published_rating","published_url"');
    const formulaRow = rows.find((row) => row.includes(`""${shared}""`))!;
    expect(formulaRow).toContain(`"'=HYPERLINK(""http://evil.example"",""${shared}"")"`);
    expect(formulaRow).toContain(`"'@attacker"`);
    expect(formulaRow).toContain(`"none"`);
    // No cell of any row opens with a character a spreadsheet reads as a formula.
    for (const row of rows) expect(row).not.toMatch(/(^|,)"[=+\-@\t\r]/);
    const publishedRow = rows.find((row) => row.includes(published[0]!.statement))!;
    expect(publishedRow).toContain(`"published","Mixed","Mixed","${new URL(`/fact-checks/${published[0]!.slug}`, getEnv().SITE_URL)}"`);
    expect(rows.find((row) => row.includes(unpublished[1]!))).toContain(`"approved","Mixed","",""`);
  });
});
