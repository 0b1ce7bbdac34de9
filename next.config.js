// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// The Content-Security-Policy, with its per-response nonce, is set by proxy.ts.
/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build folder lets two builds run side by side (e.g. a benchmark beside the tests).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // npm test type-checks the whole tree first (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Metadata in the <head> for every client, never streamed after it: a page's bytes then do not
  // depend on whether generateMetadata finished before the shell (a draft's address must answer the
  // very bytes of a page that never existed, e2e/verdict-journey.spec.ts), and every link preview
  // finds its title and og: tags where it looks.
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // When this build was made, compiled into it: the public API's validators change with the build
  // (lib/api/serve-public-read.ts), since a new build may shape the same data differently.
  env: { CLAIMWORK_BUILT_AT: new Date().toISOString() },
  serverExternalPackages: ["@node-rs/argon2", "pg"],
  // The message catalogue is read from messages/ at run time (lib/i18n/load-messages.ts).
  outputFileTracingIncludes: { "/**": ["./messages/**/*.json"] },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

// next-intl reads its request configuration from i18n/request.ts (ADR 0018).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
