// The resident memory of a server and all its descendants, read from /proc (Linux), sampled on a
// timer: `next start` may fork workers, and a front proxy is a process of its own.
import { readdirSync, readFileSync } from "node:fs";

export type MemoryFigures = {
  /** Sum of VmRSS over the process tree, in MiB. */
  startMiB: number;
  peakMiB: number;
  endMiB: number;
  /** The most processes seen in the tree at once. */
  processes: number;
  samples: number;
};

/** Parent PID of every process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parents(): Map<number, number> {
  const result = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      result.set(Number(entry), ppid);
    } catch {
      // the process exited between the listing and the read
    }
  }
  return result;
}

/** The roots and all their descendants. */
function tree(roots: number[]): number[] {
  const parentOf = parents();
  const members = new Set(roots.filter((pid) => parentOf.has(pid)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!members.has(pid) && members.has(ppid)) {
        members.add(pid);
        grew = true;
      }
    }
  }
  return [...members];
}

function rssKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** One reading: total RSS of the tree (MiB) and how many processes it has. */
export function readTreeMemory(roots: number[]): { mib: number; processes: number } {
  const pids = tree(roots);
  return { mib: pids.reduce((sum, pid) => sum + rssKiB(pid), 0) / 1024, processes: pids.length };
}

/** Samples the tree now and every `intervalMs` until stop(), which takes the last sample. */
export function sampleMemory(roots: number[], intervalMs = 500): { stop(): MemoryFigures } {
  const first = readTreeMemory(roots);
  let peak = first.mib;
  let processes = first.processes;
  let samples = 1;
  const take = () => {
    const reading = readTreeMemory(roots);
    peak = Math.max(peak, reading.mib);
    processes = Math.max(processes, reading.processes);
    samples++;
    return reading;
  };
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const last = take();
      return { startMiB: first.mib, peakMiB: peak, endMiB: last.mib, processes, samples };
    },
  };
}
