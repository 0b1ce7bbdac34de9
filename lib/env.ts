import { z } from "zod";

// Environment read once and validated here; nothing else in lib/ reads process.env.
const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (npm start sets it to the embedded database when you give none)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /// Pool size per app process; small, since one PostgreSQL serves several processes (DESIGN 10).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /// Absolute address of the public site, for links in ClaimReview data and feeds.
  SITE_URL: z.url().default("http://localhost:3000"),
  /// The publisher named on every fact-check (ClaimReview `author`).
  NEWSROOM_NAME: z.string().min(1).default("Claimwork Fact Check"),
  /// "hide" keeps reviewers' names off reader pages (the byline then says a second editor reviewed it).
  PUBLIC_REVIEWER_NAMES: z.enum(["show", "hide"], { error: 'PUBLIC_REVIEWER_NAMES must be "show" or "hide"' }).default("show"),
  /// Proxies allowed to tell the client's address in X-Forwarded-For, comma-separated, in proxy-addr
  /// syntax ("loopback", addresses, CIDR ranges). None by default: the connection's address counts.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean)),
  /// A session ends after this many minutes without a request.
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: "SESSION_IDLE_MINUTES must be a whole number of minutes" })
    .int("SESSION_IDLE_MINUTES must be a whole number of minutes")
    .min(5, "SESSION_IDLE_MINUTES must be at least 5")
    .max(7 * 24 * 60, "SESSION_IDLE_MINUTES must be at most a week (10080)")
    .default(120),
  /// A session ends this many hours after signing in, however busy it is.
  SESSION_MAX_HOURS: z.coerce
    .number({ error: "SESSION_MAX_HOURS must be a whole number of hours" })
    .int("SESSION_MAX_HOURS must be a whole number of hours")
    .min(1, "SESSION_MAX_HOURS must be at least 1")
    .max(30 * 24, "SESSION_MAX_HOURS must be at most 30 days (720)")
    .default(12),
  /// How long an invitation or password-reset link stays usable.
  ACCOUNT_LINK_HOURS: z.coerce
    .number({ error: "ACCOUNT_LINK_HOURS must be a whole number of hours" })
    .int("ACCOUNT_LINK_HOURS must be a whole number of hours")
    .min(1, "ACCOUNT_LINK_HOURS must be at least 1")
    .max(30 * 24, "ACCOUNT_LINK_HOURS must be at most 30 days (720)")
    .default(72),
  /// The public address; an https:// one makes the device cookie Secure (next-auth reads it too).
  NEXTAUTH_URL: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  }
  cached = parsed.data;
  return cached;
}

/** The secret that signs session tokens. Production refuses to run without one. */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is not set (npm start generates one; set it yourself in production)");
  }
  return "claimwork-development-secret-not-for-production";
}
