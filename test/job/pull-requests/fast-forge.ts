import type * as GithubForge from '../../../src/forge/github-forge.js';

/**
 * The real GitHub forge with its waits shrunk (GitHub's pacing is 1 s between
 * writes and 3 s between notifying ones), for a `vi.mock` factory:
 * `vi.mock(import('…/github-forge.js'), async (load) => (await import('…/fast-forge.js')).fastForge(await load()))`.
 */
export function fastForge(original: typeof GithubForge): typeof GithubForge {
  const fast = { retry: { backoffMs: 1, settleMs: 5 }, throttle: { secondMs: 5, writeIntervalMs: 0, notificationIntervalMs: 0 } };
  return { ...original, githubForgeFromEnv: (env, options = {}) => original.githubForgeFromEnv(env, { ...options, ...fast }) };
}
