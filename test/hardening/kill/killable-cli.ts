import { spawn } from 'node:child_process';
import { BIN } from '../../helpers/run-cli.js';
import { cliEnv } from '../../job/cli.js';

export interface CliOutcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  ms: number;
}

export interface KillableCli {
  /** SIGKILL the whole process group: the job and any git it had started die together, as on a lost runner. */
  kill(): void;
  done: Promise<CliOutcome>;
}

/**
 * The built `pagecare` binary as the leader of its own process group, with
 * outside settings cleared and `env` on top.
 */
export function spawnKillable(args: string[], options: { cwd: string; env: Record<string, string | undefined> }): KillableCli {
  const env = cliEnv(options.env);
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliOutcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, ms: Date.now() - started }));
  });
  return {
    kill: () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone between the check and the kill.
      }
    },
    done,
  };
}

/** A small seeded generator (mulberry32): the same seed gives the same kill points. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
