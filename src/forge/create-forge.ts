import path from 'node:path';
import { UsageError } from '../config/config-error.js';
import type { ResolvedConfig } from '../config/load-config.js';
import type { Forge } from './forge.js';
import { githubForgeFromEnv } from './github-forge.js';
import { createLocalForge } from './local-forge.js';

export interface ForgeChoice {
  forge: Forge;
  /** Where review branches are pushed: the configured remote for GitHub, none for the local forge. */
  remote: string | undefined;
}

/**
 * GitHub when asked for, or (`auto`) when `GITHUB_TOKEN` and
 * `GITHUB_REPOSITORY` are set as in GitHub Actions; otherwise the embedded
 * local forge, which keeps branches in this repository and writes the pull
 * request text to reports/pull-requests/.
 */
export function createForge(env: NodeJS.ProcessEnv, config: ResolvedConfig, log: (line: string) => void, choice = config.config.pullRequests.forge): ForgeChoice {
  if (choice !== 'local') {
    const github = githubForgeFromEnv(env, { log });
    if (github) return { forge: github, remote: config.config.repository.remote };
    if (choice === 'github') throw new UsageError('The GitHub forge needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name) in the environment');
  }
  const dir = path.join(config.config.reports.dir, 'pull-requests');
  return { forge: createLocalForge({ root: config.root, dir }), remote: undefined };
}
