// Peak memory of a process tree — a build and all its descendants, Chromium's processes included. Every
// ~200 ms the tree is found again from the parent ids in /proc/<pid>/stat, and the resident memory (RSS, from
// /proc/<pid>/statm) of its members summed: the figure. Pages Chromium's processes share are counted
// once per process in it, so it overstates; every tenth sample also sums PSS (shared pages divided among
// their users, from /proc/<pid>/smaps_rollup: closer to what the machine really gives, but some ten times
// dearer to read, hence less often). Linux only: elsewhere the peaks stay undefined.
import { readdirSync, readFileSync } from 'node:fs';

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended meanwhile
  }
};

/** Parent of every running process, from /proc/<pid>/stat (the field after the state, past the command's parentheses). */
function parents() {
  const parentOf = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parentOf.set(Number(name), Number(fields[1]));
  }
  return parentOf;
}

/** `root` and its descendants. */
function tree(root) {
  const children = new Map();
  for (const [pid, parent] of parents()) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const members = [root];
  for (let i = 0; i < members.length; i++) members.push(...(children.get(members[i]) ?? []));
  return members;
}

const PAGE_SIZE = 4096;
/** Samples between two readings of PSS. */
const PSS_EVERY = 10;

/** Resident memory of one process in bytes (0 when it is gone): statm's second field, in pages. */
const rssOf = (pid) => Number(read(`/proc/${pid}/statm`)?.split(' ')[1] ?? 0) * PAGE_SIZE;

/** Proportional set size of one process in bytes (0 when it is gone). */
const pssOf = (pid) => Number(/^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? '')?.[1] ?? 0) * 1024;

/**
 * Starts sampling the tree under `rootPid`; `stop()` returns the peaks (bytes), when the RSS peak came (ms
 * from the start) with how many processes, the largest number of processes seen, and the time the
 * sampling itself took (it shares the machine with the build).
 */
export function sampleProcessTree(rootPid, intervalMs = 200) {
  const peak = { rss: undefined, pss: undefined, processes: 0, atMs: undefined, processesAtPeak: 0, samples: 0, samplingMs: 0 };
  const start = performance.now();
  if (process.platform !== 'linux') return { stop: () => peak };
  const sample = () => {
    const started = performance.now();
    const members = tree(rootPid);
    const rss = members.reduce((sum, pid) => sum + rssOf(pid), 0);
    const pss = peak.samples % PSS_EVERY === 0 ? members.reduce((sum, pid) => sum + pssOf(pid), 0) : 0;
    peak.samplingMs += performance.now() - started;
    if (rss === 0) return; // not started, or already ended
    if (rss > (peak.rss ?? 0)) Object.assign(peak, { rss, atMs: started - start, processesAtPeak: members.length });
    if (pss > 0) peak.pss = Math.max(peak.pss ?? 0, pss);
    peak.processes = Math.max(peak.processes, members.length);
    peak.samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
