import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatJobSummary } from '../../../src/cli/job-summary.js';
import { runJob, type JobResult } from '../../../src/job/run-job.js';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../forge/github/fake-github.js';
import { GLOSSARY_CHEMO, page } from '../../helpers/temp-repo.js';
import { git, isolateGit, makeRemote, type Repos } from '../../notify/ledger/git-repos.js';

/** The pull requests API of the repository the fake GitHub serves (see githubEnv). */
export const PULLS = '/repos/acme/patient-info/pulls';

/**
 * For a test file of GitHub job runs: git isolated from the user's config,
 * content repositories removed after the file, and a fresh fake GitHub for
 * each test as `github.server`.
 */
export function useFakeGitHub(): { readonly server: FakeGitHub } {
  isolateGit();
  afterAll(removeContentRepos);
  const github = {} as { server: FakeGitHub };
  beforeEach(async () => {
    github.server = await startFakeGitHub();
  });
  afterEach(() => github.server.close());
  return github;
}

/** Every run in this folder is on a fixed day. */
export const TODAY = '2026-06-01';

/** The owner and one reviewer have GitHub logins; the clinical team has none, so it is never asked. */
export const EDITORS = `editors:
  jsmith: { name: Jo Smith, email: jo.smith@example.org, github: jo-smith }
  ann: { name: Ann Lee, email: ann.lee@example.org, github: ann-lee }
  net-clinical: { name: NET clinical reviewers, email: nets@example.org, clinical: true }
  content-lead: { name: Sam Patel, email: sam.patel@example.org }
escalation: [content-lead]
`;

/** Overdue pages are lint errors by default; as warnings they are findings in the PR body and the exit code stays 0. */
export const BASE_CONFIG = `rules:
  review-overdue: warning
mail:
  retries: 0
repository:
  url: https://git.example.org/nets/content
`;

const TWO_REFERENCES = `
  - type: guideline
    title: ESMO Clinical Practice Guidelines for neuroendocrine neoplasms
    authors: M Pavel and others
    journal: Annals of Oncology
    year: 2020
  - type: article
    title: Somatostatin analogues in carcinoid syndrome
    authors: A Rinke
    journal: Journal of Clinical Oncology
    year: 2025`;

/**
 * On TODAY with the default window (P30D, to 2026-07-01):
 * - overdue (2026-05-20): owner jsmith, reviewers ann and net-clinical, two references
 * - soon (2026-06-20): owner jsmith
 * - later (2026-08-15) and calm (2027-06-01): outside the window
 */
export const PAGES: Record<string, string> = {
  'content/pages/overdue.md': page({
    title: 'Carcinoid syndrome',
    next_review: '2026-05-20',
    reviewers: '[ann, net-clinical]',
    references: TWO_REFERENCES,
  }),
  'content/pages/soon.md': page({ title: 'Living with NET', next_review: '2026-06-20' }),
  'content/pages/later.md': page({ title: 'Diet after surgery', next_review: '2026-08-15' }),
  'content/pages/calm.md': page({ title: 'Calm page', next_review: '2027-06-01' }),
};

export const OVERDUE = { path: 'content/pages/overdue.md', branch: 'pagecare/review/overdue' };
export const SOON = { path: 'content/pages/soon.md', branch: 'pagecare/review/soon' };

const made: string[] = [];

/** Remove every remote and clone this test file made. */
export function removeContentRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface ContentRepos extends Repos {
  /** The clone pagecare runs in (a CI runner's checkout), on main. */
  root: string;
  /** Every ref update the remote received, one `old new ref` line each. */
  pushes: () => string[];
}

/**
 * A bare remote `origin` and a clone of it holding the content, committed on
 * main and pushed. `config` is appended to BASE_CONFIG; `pages` replace PAGES.
 */
export function contentRepos(options: { config?: string; pages?: Record<string, string> } = {}): ContentRepos {
  const repos = makeRemote();
  made.push(path.dirname(repos.remote));
  const hook = path.join(repos.remote, 'hooks', 'pre-receive');
  writeFileSync(hook, '#!/bin/sh\ncat >> pushes.log\n');
  chmodSync(hook, 0o755);
  const log = path.join(repos.remote, 'pushes.log');
  const root = repos.clone('content');
  commitAndPush(
    root,
    {
      'pagecare.config.yml': `${BASE_CONFIG}${options.config ?? ''}`,
      'content/editors.yml': EDITORS,
      'content/glossary/chemotherapy.md': GLOSSARY_CHEMO,
      '.gitignore': 'reports/\n.pagecare/\n.pagecare-cache/\n',
      ...(options.pages ?? PAGES),
    },
    'content',
  );
  const pushes = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []);
  return { ...repos, root, pushes };
}

/** What an editor does on main: change files, commit, push. */
export function commitAndPush(root: string, files: Record<string, string>, message: string): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', message);
  git(root, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
}

/** Replace one front-matter line of a page in the clone, commit it on main and push. */
export function changeOnMain(root: string, file: string, key: string, value: string): void {
  const text = readFileSync(path.join(root, file), 'utf8');
  const next = text.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`);
  if (next === text) throw new Error(`${file} has no ${key} line to change`);
  commitAndPush(root, { [file]: next }, `${file}: ${key} ${value}`);
}

/** What a person does: a commit of their own on top of a review branch, pushed from their own clone. */
export function personPushes(repos: ContentRepos, branch: string, file: string): string {
  const person = repos.clone(`person-${Math.random().toString(36).slice(2)}`);
  git(person, 'fetch', '--quiet', 'origin', `refs/heads/${branch}`);
  git(person, 'checkout', '--quiet', '-b', 'edit', 'FETCH_HEAD');
  writeFileSync(path.join(person, file), `${readFileSync(path.join(person, file), 'utf8')}\nChecked by the clinical team.\n`);
  git(person, '-c', 'user.name=Jo Smith', '-c', 'user.email=jo.smith@example.org', 'commit', '--quiet', '-am', 'Clinical edits');
  git(person, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
  return git(person, 'rev-parse', 'HEAD');
}

/** Every ref of the bare remote with its commit. */
export function remoteRefs(remote: string): string {
  return git(remote, 'for-each-ref', '--format=%(objectname) %(refname)');
}

/** The environment GitHub Actions gives a job, pointed at the fake server. */
export function githubEnv(server: FakeGitHub): Record<string, string> {
  return { GITHUB_TOKEN: server.token, GITHUB_REPOSITORY: server.repository, GITHUB_API_URL: server.url };
}

export interface Run {
  result: JobResult;
  /** What `pagecare run` prints to stdout for this result. */
  summary: string;
  /** Warning lines from the forge (rate-limit waits, refused reviewers). */
  log: string[];
}

/** The job's lint and pull-request steps on `today`, as `pagecare run` takes them. */
export async function runPullRequests(root: string, env: Record<string, string>, today = TODAY): Promise<Run> {
  const log: string[] = [];
  const result = await runJob({
    cwd: root,
    today,
    steps: { lint: true, reports: false, remind: false, pullRequests: true },
    dryRun: false,
    env,
    log: (line) => log.push(line),
  });
  return { result, summary: formatJobSummary(result, root, false), log };
}
