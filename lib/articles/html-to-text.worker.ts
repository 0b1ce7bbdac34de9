// Worker thread of html-to-text-pool.ts: converts one page at a time, off the thread that answers
// requests. It says "ready" once loaded, so that its start-up does not count against the time limit.
import { parentPort } from "node:worker_threads";
import { htmlToArticleText } from "./html-to-text";

if (!parentPort) throw new Error("html-to-text.worker.ts runs as a worker thread (see html-to-text-pool.ts)");
const port = parentPort;

port.on("message", (html: string) => port.postMessage({ type: "result", result: htmlToArticleText(html) }));
port.postMessage({ type: "ready" });
