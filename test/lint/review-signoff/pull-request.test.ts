import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITORS, GLOSSARY_CHEMO, makeRepo, page } from '../../helpers/temp-repo.js';
import { runCli } from '../../helpers/run-cli.js';
import { git, isolateGit } from '../../notify/ledger/git-repos.js';

isolateGit();

const TODAY = '2026-06-01';
const PAGE = 'content/pages/a.md';
/** Authors as editors.yml knows them (test/helpers/temp-repo.ts). */
const JO = 'Jo Smith <jo.smith@example.org>';
const NETS = 'NET clinical reviewers <nets@example.org>';

interface Finding {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  message: string;
}

/**
 * A content repository whose `main` has page a.md (reviewed 2025-03-18, signed off by
 * net-clinical); work happens on `feature`. With `subfolder`, the content repository is a
 * folder inside the git repository.
 */
function pullRequest(subfolder = '') {
  const top = makeRepo({}, false);
  const root = path.join(top, subfolder);
  const files = { 'content/editors.yml': EDITORS, 'content/glossary/chemotherapy.md': GLOSSARY_CHEMO, [PAGE]: page(), 'content/pages/b.md': page({ owner: 'content-lead' }, 'Plain text.\n') };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  git(top, 'init', '--quiet', '--initial-branch=main');
  git(top, 'add', '-A');
  git(top, 'commit', '--quiet', '-m', 'content', `--author=${JO}`);
  git(top, 'checkout', '--quiet', '-b', 'feature');
  const write = (file: string, change: (text: string) => string) =>
    writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));
  const commit = (author: string, message: string) => {
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '-m', message, `--author=${author}`);
  };
  const lint = (...args: string[]) => {
    const result = runCli(['lint', ...args, '--format', 'json', '--no-cache'], { cwd: root, env: { PAGECARE_TODAY: TODAY } });
    const findings = (JSON.parse(result.stdout) as { messages: Finding[] }).messages.filter((f) => f.ruleId === 'review-signoff');
    return { status: result.status, findings, stderr: result.stderr };
  };
  return { root, write, commit, lint };
}

/** The review a pull request records: new dates, and the sign-off as given. */
const review = (signedBy: string | undefined) => (text: string) => {
  const dated = text.replace('last_reviewed: 2025-03-18', 'last_reviewed: 2026-05-20').replace('next_review: 2028-03-18', 'next_review: 2029-05-20');
  return signedBy === undefined ? dated.replace(/^reviewed_by: .*\n/m, '') : dated.replace(/^reviewed_by: .*$/m, `reviewed_by: ${signedBy}`);
};

const lineOf = (root: string, key: string) =>
  readFileSync(path.join(root, PAGE), 'utf8')
    .split('\n')
    .findIndex((line) => line.startsWith(`${key}:`)) + 1;

describe('review-signoff in a pull request (lint --changed main)', () => {
  it('catches a commit that moves last_reviewed without sign-off, at the last_reviewed line', () => {
    const pr = pullRequest();
    pr.write(PAGE, review(undefined));
    pr.commit(JO, 'Review a');
    const { status, findings } = pr.lint('--changed', 'main');
    expect(status).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ file: PAGE, line: lineOf(pr.root, 'last_reviewed'), severity: 'error', message: expect.stringContaining('`last_reviewed` moves from 2025-03-18 to 2026-05-20 without `reviewed_by`') }),
    ]);
  });

  it('passes when a clinical reviewer other than the author signs off', () => {
    const pr = pullRequest();
    pr.write(PAGE, review('[net-clinical]'));
    pr.commit(JO, 'Review a');
    expect(pr.lint('--changed', 'main')).toEqual({ status: 0, findings: [], stderr: '' });
  });

  it('catches the last editor signing off their own change, at the reviewed_by line; a full run checks presence only', () => {
    const pr = pullRequest();
    pr.write(PAGE, review('[net-clinical]'));
    pr.commit(JO, 'Review a');
    // The clinical reviewer edits the page afterwards: the newest commit is theirs.
    pr.write(PAGE, (text) => text.replace('Some people', 'Many people'));
    pr.commit(NETS, 'Wording');
    const { status, findings } = pr.lint('--changed', 'main');
    expect(status).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ line: lineOf(pr.root, 'reviewed_by'), message: expect.stringContaining('signed off only by `net-clinical`, who made the last change') }),
    ]);
    expect(pr.lint().findings).toEqual([]);
  });

  it('judges uncommitted work by git user.email, and a new page by its author', () => {
    const pr = pullRequest();
    git(pr.root, 'config', 'user.email', 'NETS@example.org');
    pr.write(PAGE, review('[net-clinical]'));
    writeFileSync(path.join(pr.root, 'content/pages/new.md'), page({ last_reviewed: '2026-05-01', next_review: '2029-05-01' }));
    const { findings } = pr.lint('--changed', 'main');
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      ['content/pages/a.md', lineOf(pr.root, 'reviewed_by')],
      ['content/pages/new.md', 12],
    ]);
    expect(findings[1]!.message).toContain('`last_reviewed` 2026-05-01 is set by this change');
  });

  it('works when the content repository is a folder inside the git repository', () => {
    const pr = pullRequest('site');
    pr.write(PAGE, review('[net-clinical]'));
    pr.commit(NETS, 'Review a');
    // A person's setting that would make git grep name files from the top of the repository.
    git(pr.root, 'config', 'grep.fullName', 'true');
    const { findings } = pr.lint('--changed', 'main');
    expect(findings.map((f) => [f.file, f.line])).toEqual([[PAGE, lineOf(pr.root, 'reviewed_by')]]);
    // The base's last_reviewed was found too (paths are the content repository's, not the git top's).
    expect(findings[0]!.message).toContain('`last_reviewed` moves from 2025-03-18 to 2026-05-20');
  });

  it('hands what git says to the worker threads of a large run', () => {
    const pr = pullRequest();
    for (let i = 0; i < 70; i++) writeFileSync(path.join(pr.root, `content/pages/new-${i}.md`), page({ last_reviewed: '2026-05-01', next_review: '2029-05-01' }));
    pr.commit(NETS, 'Seventy new pages, signed off by their own author');
    const { findings } = pr.lint('--changed', 'main');
    expect(findings).toHaveLength(70);
    expect(new Set(findings.map((f) => f.message))).toEqual(
      new Set([expect.stringContaining('signed off only by `net-clinical`, who made the last change')]),
    );
  });

  it('asks git seven questions for a committed pull request: no rev-parse, no user.email, one grep for the texts at the base', () => {
    const pr = pullRequest();
    pr.write(PAGE, review('[net-clinical]'));
    pr.commit(JO, 'Review a');
    const trace = path.join(pr.root, '.git', 'trace.log');
    const result = runCli(['lint', '--changed', 'main', '--format', 'json', '--no-cache'], { cwd: pr.root, env: { PAGECARE_TODAY: TODAY, GIT_TRACE: trace } });
    expect(result.status, result.stderr).toBe(0);
    const asked = [...readFileSync(trace, 'utf8').matchAll(/trace: built-in: git (\S+)/g)].map((match) => match[1]).sort();
    expect(asked).toEqual(['diff', 'diff', 'grep', 'grep', 'log', 'ls-files', 'merge-base']);
  });

  it('leaves a change that does not move last_reviewed to the presence check', () => {
    const pr = pullRequest();
    pr.write(PAGE, (text) => text.replace('Some people', 'Many people'));
    pr.commit(NETS, 'Wording only');
    expect(pr.lint('--changed', 'main').findings).toEqual([]);
  });
});
