// How the test suites and benchmarks start the app as `npm start` serves it: node itself, with tsx
// as a loader. The `tsx` command would add a relay process of its own (about 45 MiB resident) that
// forwards signals and kills a server that does not acknowledge one within 30 ms.
export const SERVE_ARGS = ["--import", "tsx", "scripts/serve.ts"];
