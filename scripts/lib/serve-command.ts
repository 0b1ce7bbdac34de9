// How the test suites and benchmarks start the app as `npm start` serves it: scripts/serve.ts bundled
// by esbuild into one plain module that node runs without a loader. Run through tsx instead, the
// front server kept tsx's loader thread and its transforms: about 28 MiB more resident (102 against
// 74 MiB at rest), counted in the app's footprint (issue 15). The `tsx` command would also add a
// relay process of its own (about 45 MiB) that kills a server not acknowledging a signal within 30 ms.
import { renameSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { ROOT } from "./next-build";

/**
 * Two folders below the root, as scripts/serve.ts is one below scripts/: the paths the bundled
 * modules take from import.meta.url (ROOT, the migrations) resolve the same.
 */
const BUNDLE = path.join(ROOT, ".next-serve", "bundle", "serve.mjs");

/** Bundles the server afresh (a few tens of milliseconds) and returns node's arguments to run it. */
export function serveArgs(): string[] {
  const { outputFiles } = buildSync({
    entryPoints: [path.join(ROOT, "scripts", "serve.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Packages load from node_modules as they do under tsx; only the project's own modules are bundled.
    packages: "external",
    write: false,
    outfile: BUNDLE,
    logLevel: "warning",
  });
  mkdirSync(path.dirname(BUNDLE), { recursive: true });
  // Written aside and renamed: a suite starting the app meanwhile never reads half a file.
  const written = `${BUNDLE}.${process.pid}`;
  writeFileSync(written, outputFiles[0]!.contents);
  renameSync(written, BUNDLE);
  return [BUNDLE];
}
