import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Git as a fresh CI runner has it: no global or system config, so no identity.
 * Set before any git runs in this test file (each file has its own process env).
 */
export function isolateGit(): void {
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  for (const name of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'EMAIL']) {
    delete process.env[name];
  }
}

/** Runs git in `cwd`; the identity is for the test's own setup commits only. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export interface Repos {
  remote: string;
  clone: (name: string) => string;
}

/** A bare repository with one commit on `main`, standing in for the content repository's remote. */
export function makeRemote(): Repos {
  const base = mkdtempSync(path.join(tmpdir(), 'pagecare-git-'));
  const remote = path.join(base, 'remote.git');
  git(base, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  const seed = path.join(base, 'seed');
  git(base, 'clone', '--quiet', remote, seed);
  writeFileSync(path.join(seed, 'README.md'), '# content\n');
  git(seed, 'add', 'README.md');
  git(seed, 'commit', '--quiet', '-m', 'seed');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  return {
    remote,
    clone: (name) => {
      const dir = path.join(base, name);
      git(base, 'clone', '--quiet', remote, dir);
      return dir;
    },
  };
}
