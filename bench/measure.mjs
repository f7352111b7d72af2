// Runs one command as a child process and measures it: wall time here, CPU time and
// peak memory reported by the child itself (rusage.mjs), so it works wherever Node does.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'rusage.mjs')).href;

/**
 * Run `node <args>` in `cwd` with stdout and stderr written to `<outBase>.out`
 * and `<outBase>.err`. Resolves to wall seconds, CPU seconds summed over every
 * Node process it started, and the largest peak RSS among them in MB
 * (`undefined` when a process died without reporting). A run longer than
 * `timeoutSeconds` is killed and marked `timedOut`.
 */
export function measure({ args, cwd, env, outBase, timeoutSeconds = Infinity }) {
  const usageFile = `${outBase}.rusage`;
  const stdout = openSync(`${outBase}.out`, 'w');
  const stderr = openSync(`${outBase}.err`, 'w');
  const childEnv = {
    ...env,
    NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import=${PRELOAD}`.trim(),
    PAGECARE_BENCH_RUSAGE: usageFile,
  };
  closeSync(openSync(usageFile, 'w'));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: childEnv, stdio: ['ignore', stdout, stderr] });
    let timedOut = false;
    const timer = Number.isFinite(timeoutSeconds)
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, timeoutSeconds * 1000)
      : undefined;
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const wall = (performance.now() - started) / 1000;
      closeSync(stdout);
      closeSync(stderr);
      const reports = existsSync(usageFile) ? readFileSync(usageFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
      const reported = reports.length > 0 && signal === null;
      resolve({
        wall,
        cpu: reported ? reports.reduce((sum, r) => sum + r.cpu, 0) : undefined,
        peakMb: reported ? Math.max(...reports.map((r) => r.maxRssKb)) / 1024 : undefined,
        status: status ?? signal,
        timedOut,
        stdoutFile: `${outBase}.out`,
        stderrFile: `${outBase}.err`,
      });
    });
  });
}
