import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, type CliResult } from '../helpers/run-cli.js';

export interface RunningCli {
  child: ChildProcess;
  /** Settles when the process has exited, however it ended. */
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/**
 * The built `pagecare` binary in a child process that does not block this
 * one, so an SMTP server in the test process can answer it (runCli's
 * spawnSync would deadlock). Outside mail, date and GitHub settings are cleared.
 */
export function spawnCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): RunningCli {
  const env = cliEnv(options.env);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}

/**
 * This process's environment without the outside settings a job would pick up
 * (date, mail, GitHub, step summary), with `overrides` on top.
 */
export function cliEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    PAGECARE_TODAY: undefined,
    PAGECARE_SMTP_URL: undefined,
    PAGECARE_MAIL_FROM: undefined,
    GITHUB_STEP_SUMMARY: undefined,
    GITHUB_TOKEN: undefined,
    GITHUB_REPOSITORY: undefined,
    GITHUB_API_URL: undefined,
    ...overrides,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as NodeJS.ProcessEnv;
}

/** Run the CLI to completion. */
export function cli(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }) {
  return spawnCli(args, options).done;
}
