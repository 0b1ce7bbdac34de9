// Makes an nginx.conf for Claimwork from deploy/nginx.conf.template:
//   npx tsx deploy/render-nginx-conf.ts --listen 80 --app 127.0.0.1:3001 --app 127.0.0.1:3002 \
//     --state-dir /var/lib/claimwork-nginx > /etc/nginx/claimwork.conf
// then `nginx -c /etc/nginx/claimwork.conf`. The scale-out suite renders it the same way.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), "nginx.conf.template");

const hostPort = z.string().regex(/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$|^\d{1,5}$/, "say host:port (or a port)");

const renderOptions = z.object({
  /** What nginx listens on: "80", "127.0.0.1:8080", "[::]:80". */
  listen: hostPort,
  /** The app processes' front servers, "host:port" each. */
  apps: z.array(hostPort.refine((value) => value.includes(":"), "an app is host:port")).min(1, "name at least one app process (--app host:port)"),
  /** An absolute folder nginx may write to: its pid file, logs, buffers and micro-cache. */
  stateDir: z.string().refine((value) => path.isAbsolute(value), "the state folder must be an absolute path"),
  /** Passive health check: failures within failTimeout that leave a process out for failTimeout. */
  maxFails: z.number().int().min(1).default(1),
  failTimeoutSeconds: z.number().int().min(1).default(5),
  workerProcesses: z.union([z.literal("auto"), z.number().int().min(1)]).default("auto"),
  /** A file, or "off". */
  accessLog: z.string().optional(),
});

export type NginxConfOptions = z.input<typeof renderOptions>;

export function renderNginxConf(input: NginxConfOptions): string {
  const options = renderOptions.parse(input);
  const values: Record<string, string> = {
    LISTEN: options.listen,
    SERVERS: options.apps.map((app) => `    server ${app} max_fails=${options.maxFails} fail_timeout=${options.failTimeoutSeconds}s;`).join("\n"),
    STATE_DIR: options.stateDir,
    WORKER_PROCESSES: String(options.workerProcesses),
    ACCESS_LOG: options.accessLog === "off" ? "off" : `${options.accessLog ?? `${options.stateDir}/access.log`} claimwork`,
  };
  return readFileSync(TEMPLATE, "utf8").replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx.conf.template names an unknown value {{${name}}}`);
    return value;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({
    options: {
      listen: { type: "string", default: "80" },
      app: { type: "string", multiple: true, default: [] },
      "state-dir": { type: "string" },
      "max-fails": { type: "string", default: "1" },
      "fail-timeout": { type: "string", default: "5" },
    },
  });
  try {
    process.stdout.write(
      renderNginxConf({
        listen: values.listen,
        apps: values.app,
        stateDir: values["state-dir"] ?? "",
        maxFails: Number(values["max-fails"]),
        failTimeoutSeconds: Number(values["fail-timeout"]),
      }),
    );
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n") : String(error);
    console.error(`render-nginx-conf: ${message}`);
    process.exit(1);
  }
}
