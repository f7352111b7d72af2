// The few git commands the benchmark needs, run synchronously in the corpus (not pagecare code:
// pagecare itself goes through simple-git).
import { spawnSync } from 'node:child_process';

/** A fixed identity and date: the same corpus always gets the same commit ids. */
export function gitEnv(date) {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: 'pagecare bench',
    GIT_AUTHOR_EMAIL: 'bench@example.org',
    GIT_COMMITTER_NAME: 'pagecare bench',
    GIT_COMMITTER_EMAIL: 'bench@example.org',
    GIT_AUTHOR_DATE: `${date}T00:00:00Z`,
    GIT_COMMITTER_DATE: `${date}T00:00:00Z`,
  };
}

export function git(cwd, env, ...args) {
  const run = spawnSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${run.stderr || run.error}`);
  return run.stdout.trim();
}
