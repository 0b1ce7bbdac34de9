// Run by run.ts in a process of its own, on the benchmark's database (DATABASE_URL): the resident
// memory and the heap the claim index adds to a process that has loaded everything else, each read
// after full garbage collections. Prints one line of JSON.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { getDb } from "@/lib/db";
import { loadClaimIndex } from "@/lib/relations/load-claim-index";

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const memory = async () => {
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed + usage.arrayBuffers };
};
// The database client and the matcher's tables loaded and used once, so only the index differs.
await getDb().$queryRaw`SELECT 1`;
const before = await memory();
const index = await loadClaimIndex();
const after = await memory();
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
console.log(
  JSON.stringify({
    claims: index.size,
    residentMb: mb(after.rss - before.rss),
    heapMb: mb(after.heap - before.heap),
    heapBytesPerClaim: Math.round((after.heap - before.heap) / index.size),
    typedBuffersMb: mb(index.bytes),
    processResidentMb: mb(after.rss),
  }),
);
await getDb().$disconnect();
