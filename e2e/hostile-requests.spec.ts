import { expect, test } from "@playwright/test";
import { callServerAction } from "@/scripts/lib/workbench-client";
import { ACTIONS, serverAction, sessionOf } from "./support/actions";
import { count, createUser, db, snapshot } from "./support/database";

// Requests a browser on another site, or a proxy-confused server, could send: cross-site posts, a
// forged X-Forwarded-Host. And the security headers every answer must carry.

const EVIL = "evil.example";

async function publishedSlug(): Promise<string> {
  const row = (await db().query<{ slug: string }>(`SELECT slug FROM publications ORDER BY first_published_at LIMIT 1`)).rows[0];
  if (!row) throw new Error("the seeded database has no published fact-check");
  return row.slug;
}

test("a server action posted from another site, with Origin null or with a forged X-Forwarded-Host does nothing, even with a valid session", { lock: "-exclusive-" }, async ({ baseURL }) => {
  const baseUrl = baseURL!;
  const editor = await sessionOf(baseUrl, await createUser("editor", "csrf"));
  const createClaim = serverAction(ACTIONS.createClaim);
  const statement = `Planted from another site ${Date.now()}`;
  const input = { statement, claimant: "A forger", language: "en" };
  const form = () => {
    // What a plain HTML <form> on evil.example would submit (no JavaScript, no Next-Action header).
    const body = new FormData();
    body.set(`$ACTION_ID_${createClaim.id}`, "");
    for (const [name, value] of Object.entries(input)) body.set(name, value);
    return body;
  };

  const attempts: { name: string; headers: Record<string, string>; form?: boolean }[] = [
    { name: "Origin: https://evil.example", headers: { origin: `https://${EVIL}` } },
    { name: "Origin: null", headers: { origin: "null" } },
    { name: "X-Forwarded-Host: evil.example", headers: { "x-forwarded-host": EVIL } },
    { name: "X-Forwarded-Host and Origin evil.example", headers: { "x-forwarded-host": EVIL, origin: `https://${EVIL}` } },
    { name: "X-Forwarded-Host and Origin evil.example over http", headers: { "x-forwarded-host": EVIL, "x-forwarded-proto": "http", origin: `http://${EVIL}` } },
    { name: "form post, Origin: https://evil.example", headers: { origin: `https://${EVIL}` }, form: true },
    { name: "form post, X-Forwarded-Host and Origin evil.example", headers: { "x-forwarded-host": EVIL, origin: `https://${EVIL}` }, form: true },
  ];
  const executed: string[] = [];
  for (const attempt of attempts) {
    const before = await snapshot();
    const response = attempt.form
      ? await fetch(`${baseUrl}${createClaim.pagePath}`, { method: "POST", redirect: "manual", headers: { cookie: editor, ...attempt.headers }, body: form() })
      : await callServerAction(baseUrl, createClaim, [input], { cookie: editor, headers: attempt.headers });
    const location = response instanceof Response ? response.headers.get("location") : null;
    expect(location ?? "", attempt.name).not.toContain(EVIL);
    if ((await count("claims", "statement = $1", [statement])) > 0) executed.push(attempt.name);
    expect(await snapshot(), `${attempt.name}: nothing written`).toEqual(before);
  }

  // Uploads go to route handlers, not server actions: the same refusals.
  const upload = () => {
    const body = new FormData();
    body.set("file", new File([`Planted article ${statement}\n\nA paragraph long enough to be an article.`], "planted.txt", { type: "text/plain" }));
    return body;
  };
  const articleId = (await db().query<{ id: string }>(`SELECT id FROM articles LIMIT 1`)).rows[0]!.id;
  const endpoints = ["/api/articles", "/api/articles/preview", `/api/articles/${articleId}/revisions`, "/api/exchange/preview", "/api/exchange/import"];
  const uploadAttempts = attempts.filter((attempt) => !attempt.form);
  for (const endpoint of endpoints) {
    for (const attempt of uploadAttempts) {
      const before = await snapshot();
      const response = await fetch(`${baseUrl}${endpoint}`, { method: "POST", redirect: "manual", headers: { cookie: editor, ...attempt.headers }, body: upload() });
      if (response.status !== 403) executed.push(`POST ${endpoint} (${attempt.name}): ${response.status}`);
      expect(await snapshot(), `POST ${endpoint} (${attempt.name}): nothing written`).toEqual(before);
    }
  }
  const preview = await fetch(`${baseUrl}/api/articles/preview`, { method: "POST", headers: { cookie: editor, origin: baseUrl }, body: upload() });
  expect(preview.status, "the same upload from this site is previewed").toBe(200);

  console.log(`cross-site posts: ${attempts.length + endpoints.length * uploadAttempts.length} attempts with a valid session, ${executed.length} executed`);
  expect(executed).toEqual([]);

  // The same call from this site's own page does create the claim: the refusals above were not an accident.
  const genuine = await callServerAction(baseUrl, createClaim, [input], { cookie: editor });
  expect(genuine.result).toMatchObject({ ok: true });
  expect(await count("claims", "statement = $1", [statement])).toBe(1);
});

test("no redirect, link or structured data follows a forged X-Forwarded-Host; absolute URLs use SITE_URL", async ({ baseURL }) => {
  const baseUrl = baseURL!;
  const slug = await publishedSlug();
  const forged = { "x-forwarded-host": EVIL, "x-forwarded-proto": "https", host: EVIL };
  const urls = [
    "/", `/fact-checks/${slug}`, `/fact-checks/${slug}/revisions/1`, "/search?q=venezuela", "/methodology", "/feed.xml", "/sitemap.xml", "/robots.txt",
    "/signin", "/signin?callbackUrl=%2Fworkbench%2Fusers", "/workbench", "/workbench/users", "/api/auth/signin", "/api/auth/providers", "/api/auth/csrf",
    "/api/auth/signout", "/no-such-page",
  ];
  const pointing: string[] = [];
  for (const url of urls) {
    for (const headers of [forged, { "x-forwarded-host": EVIL }]) {
      const response = await fetch(`${baseUrl}${url}`, { redirect: "manual", headers });
      const location = response.headers.get("location") ?? "";
      const body = await response.text();
      if (location.includes(EVIL) || body.includes(EVIL)) pointing.push(`${url} ${JSON.stringify(headers)}: ${location || "body"}`);
    }
  }
  const signInPost = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...forged, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "nobody@claimwork.example", password: "x", callbackUrl: "/workbench" }),
  });
  if ((signInPost.headers.get("location") ?? "").includes(EVIL)) pointing.push("credentials callback");
  expect(pointing).toEqual([]);

  // The fact-check's canonical data (ClaimReview JSON-LD, Open Graph) names the configured site.
  const page = await (await fetch(`${baseUrl}/fact-checks/${slug}`, { headers: forged })).text();
  const jsonLd = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(page)?.[1];
  expect(jsonLd, "ClaimReview JSON-LD on the fact-check page").toBeTruthy();
  const claimReview = JSON.parse(jsonLd!) as { url?: string };
  expect(claimReview.url).toBe(`${baseUrl}/fact-checks/${slug}`);
});

type CheckedPage = { url: string; cookie?: string; html: boolean };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** One page of every kind: public, fact-check, search, sign-in, workbench (signed in), 404, API, feed. */
async function everyKindOfPage(baseUrl: string): Promise<CheckedPage[]> {
  const slug = await publishedSlug();
  const articleId = (await db().query<{ id: string }>(`SELECT id FROM articles LIMIT 1`)).rows[0]!.id;
  const admin = await sessionOf(baseUrl, await createUser("admin", "headers"));
  return [
    { url: "/", html: true },
    { url: `/fact-checks/${slug}`, html: true },
    { url: `/fact-checks/${slug}/revisions/1`, html: true },
    { url: "/search?q=venezuela", html: true },
    { url: "/methodology", html: true },
    { url: "/signin", html: true },
    { url: "/workbench", cookie: admin, html: true },
    { url: "/workbench/users", cookie: admin, html: true },
    { url: "/no-such-page", html: true },
    { url: "/api/health", html: false },
    { url: `/api/articles/${articleId}/annotations`, html: false },
    { url: "/feed.xml", html: false },
    { url: "/api/auth/csrf", html: false },
  ];
}

const fetchPage = (baseUrl: string, page: CheckedPage) => fetch(`${baseUrl}${page.url}`, { headers: page.cookie ? { cookie: page.cookie } : {} });

test("every kind of page carries the security headers", async ({ baseURL }) => {
  const problems: string[] = [];
  for (const page of await everyKindOfPage(baseURL!)) {
    const response = await fetchPage(baseURL!, page);
    const csp = directives(response.headers.get("content-security-policy") ?? "");
    const report = (problem: string) => problems.push(`${page.url}: ${problem}`);
    if (csp.get("object-src")?.join(" ") !== "'none'") report(`object-src is ${csp.get("object-src")?.join(" ")}`);
    if (csp.get("frame-ancestors")?.join(" ") !== "'none'") report(`frame-ancestors is ${csp.get("frame-ancestors")?.join(" ")}`);
    if (response.headers.get("x-content-type-options") !== "nosniff") report("no X-Content-Type-Options: nosniff");
    if (!response.headers.get("referrer-policy")) report("no Referrer-Policy");
  }
  expect(problems).toEqual([]);
});

test("every HTML page's CSP allows scripts by a nonce fresh on each response, never 'unsafe-inline', and every script carries it", async ({ baseURL }) => {
  const problems: string[] = [];
  for (const page of (await everyKindOfPage(baseURL!)).filter((candidate) => candidate.html)) {
    const [first, second] = [await fetchPage(baseURL!, page), await fetchPage(baseURL!, page)];
    const report = (problem: string) => problems.push(`${page.url}: ${problem}`);
    const csp = directives(first.headers.get("content-security-policy") ?? "");
    const scriptSrc = csp.get("script-src") ?? csp.get("default-src") ?? [];
    if (scriptSrc.includes("'unsafe-inline'")) report("script-src allows 'unsafe-inline'");
    const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
    if (!nonce) {
      report("script-src has no nonce");
      continue;
    }
    const secondNonce = directives(second.headers.get("content-security-policy") ?? "").get("script-src")?.find((value) => value.startsWith("'nonce-"));
    if (secondNonce === `'nonce-${nonce}'`) report("the same nonce in two responses");
    const html = await first.text();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
      if (/type="application\/ld\+json"/.test(tag)) continue;
      if (!tag.includes(`nonce="${nonce}"`)) report(`a script without the response's nonce: ${tag.slice(0, 120)}`);
    }
  }
  expect(problems).toEqual([]);
});
