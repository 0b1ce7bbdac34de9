// @ts-check
// The Content-Security-Policy, with its per-response nonce, is set by proxy.ts.
/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build folder lets two builds run side by side (e.g. a benchmark beside the tests).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // npm test type-checks the whole tree first (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "pg"],
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

export default nextConfig;
