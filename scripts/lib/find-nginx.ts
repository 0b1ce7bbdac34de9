import { existsSync } from "node:fs";
import path from "node:path";

/** The nginx binary (NGINX_PATH first, then PATH, then where Debian puts it), or undefined when none is installed. */
export function findNginx(): string | undefined {
  const configured = process.env.NGINX_PATH;
  if (configured && existsSync(configured)) return configured;
  const onPath = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, "nginx"));
  return [...onPath, "/usr/sbin/nginx", "/usr/local/sbin/nginx"].find((candidate) => existsSync(candidate));
}
