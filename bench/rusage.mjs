// Preloaded into every Node process the benchmark measures (NODE_OPTIONS=--import): on exit,
// appends the process's own CPU time and peak memory (getrusage) to the file the runner names.
// Worker threads share their process's usage, so only the main thread writes.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.PAGECARE_BENCH_RUSAGE;
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // userCPUTime and systemCPUTime are in microseconds, maxRSS in kilobytes.
    const line = { pid: process.pid, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssKb: usage.maxRSS };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
