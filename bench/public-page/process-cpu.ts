// CPU time (user + system) a process and its descendants have used so far, from /proc: on a machine
// shared with other work, the CPU a server spends per request stays meaningful when its throughput
// does not. Linux only; null elsewhere.
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: the fields after its last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** Seconds of CPU used by `pid` and every process below it, or null without /proc. */
export function processTreeCpuSeconds(pid: number): number | null {
  let pids: number[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return null;
  }
  const stats = new Map(pids.flatMap((one) => {
    const entry = stat(one);
    return entry ? [[one, entry] as const] : [];
  }));
  const children = new Map<number, number[]>();
  for (const [one, entry] of stats) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), one]);
  let ticks = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const next = stack.pop()!;
    ticks += stats.get(next)?.ticks ?? 0;
    stack.push(...(children.get(next) ?? []));
  }
  return stats.has(pid) ? ticks / TICKS_PER_SECOND : null;
}
