import { createGitHubForge, type GitHubForgeOptions } from '../../../src/forge/github-forge.js';
import type { FakeGitHub } from './fake-github.js';

/** Waits shrunk so retries, rate limits and GitHub's write pacing take milliseconds in tests. */
export const FAST: Pick<GitHubForgeOptions, 'retry' | 'throttle'> = {
  retry: { backoffMs: 1, settleMs: 5 },
  throttle: { secondMs: 5, writeIntervalMs: 0, notificationIntervalMs: 0 },
};

/** A GitHub forge pointed at `server`, collecting its log lines into `log`. */
export function forgeFor(server: FakeGitHub, log: string[] = [], options: Partial<GitHubForgeOptions> = {}) {
  return createGitHubForge({
    token: server.token,
    repository: server.repository,
    apiUrl: server.url,
    ...FAST,
    log: (line) => log.push(line),
    ...options,
  });
}
