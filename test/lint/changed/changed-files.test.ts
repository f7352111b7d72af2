import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/config/config-error.js';
import { lint } from '../../../src/lint/engine.js';
import { parseNameStatus } from '../../../src/lint/changed-files.js';
import { EDITORS, page } from '../../helpers/temp-repo.js';
import { git, isolateGit } from '../../notify/ledger/git-repos.js';
import { PAGES, scenario, type Scenario } from './repo.js';

isolateGit();

const TODAY = '2026-06-01';

/** The target list with reasons, as one readable object. */
async function selected(repo: Scenario, base?: string): Promise<Record<string, string>> {
  const { targets, reasons } = await repo.changed(base);
  expect([...reasons.keys()]).toEqual(targets);
  return Object.fromEntries(targets.map((file) => [file, reasons.get(file)!]));
}

describe('changedTargets', () => {
  it('selects nothing when nothing changed', async () => {
    expect(await selected(scenario())).toEqual({});
  });

  it('selects a page changed in a commit on the branch, and only it', async () => {
    const repo = scenario();
    repo.write('content/pages/unrelated.md', page({ owner: 'content-lead', title: 'Edited' }, 'Nothing linked.\n'));
    repo.git('commit', '--quiet', '-am', 'edit');
    expect(await selected(repo)).toEqual({ 'content/pages/unrelated.md': 'changed' });
  });

  it('compares with the merge base, so commits on the base branch since are not changes', async () => {
    const repo = scenario();
    repo.git('checkout', '--quiet', 'main');
    repo.write('content/pages/unrelated.md', page({ owner: 'content-lead', title: 'On main' }, 'Nothing linked.\n'));
    repo.git('commit', '--quiet', '-am', 'on main');
    repo.git('checkout', '--quiet', 'feature');
    expect(await selected(repo)).toEqual({});
  });

  it('selects staged, unstaged and untracked governed files, not ignored or ungoverned ones', async () => {
    const repo = scenario();
    repo.write('content/pages/reviewed.md', page({ owner: 'content-lead', title: 'Staged' }, 'Nothing linked.\n'));
    repo.git('add', 'content/pages/reviewed.md');
    repo.write('content/pages/unrelated.md', page({ owner: 'content-lead', title: 'Unstaged' }, 'Nothing linked.\n'));
    repo.write('content/pages/new folder/brand new.md', page({ owner: 'content-lead' }, 'New.\n'));
    repo.write('.gitignore', 'content/pages/scratch.md\n');
    repo.write('content/pages/scratch.md', page());
    repo.write('notes.md', 'not governed\n');
    expect(await selected(repo, 'HEAD')).toEqual({
      'content/pages/new folder/brand new.md': 'added',
      'content/pages/reviewed.md': 'changed',
      'content/pages/unrelated.md': 'changed',
    });
  });

  it('selects the pages linking to a renamed page by its old name (inline, reference definition, heading)', async () => {
    const repo = scenario();
    repo.git('mv', 'content/pages/surgery.md', 'content/pages/operations.md');
    expect(await selected(repo)).toEqual({
      'content/pages/operations.md': 'renamed from `content/pages/surgery.md`',
      'content/pages/links-surgery.md': 'links to `content/pages/surgery.md` which was renamed to `content/pages/operations.md`',
      'content/pages/links-surgery-bare.md': 'links to `content/pages/surgery.md` which was renamed to `content/pages/operations.md`',
      'content/pages/links-surgery-heading.md': 'links to `content/pages/surgery.md` which was renamed to `content/pages/operations.md`',
    });
  });

  it('selects the pages linking to a removed page; the removed page itself is gone', async () => {
    const repo = scenario();
    repo.remove('content/pages/surgery.md');
    const targets = await selected(repo);
    expect(Object.keys(targets)).toEqual(['content/pages/links-surgery-bare.md', 'content/pages/links-surgery-heading.md', 'content/pages/links-surgery.md']);
    expect(targets['content/pages/links-surgery.md']).toBe('links to `content/pages/surgery.md` which was removed');
  });

  it('selects the pages linking to an edited page by heading, whose anchors may have changed', async () => {
    const repo = scenario();
    repo.write('content/pages/surgery.md', page({ owner: 'content-lead' }, '# Surgery\n\n## Recovery\n\nRest.\n'));
    expect(await selected(repo)).toEqual({
      'content/pages/surgery.md': 'changed',
      'content/pages/links-surgery-heading.md': 'links to a heading of `content/pages/surgery.md` whose headings changed',
    });
  });

  it('selects no linkers of an edited page whose headings stayed the same', async () => {
    const repo = scenario();
    repo.write('content/pages/surgery.md', page({ owner: 'content-lead', title: 'Retitled' }, '# Surgery\n\n## After surgery\n\nRest well.\n'));
    expect(await selected(repo)).toEqual({ 'content/pages/surgery.md': 'changed' });
  });

  it('selects exactly the linkers of an edited glossary entry, whatever case the scheme is in', async () => {
    const repo = scenario();
    repo.write('content/glossary/chemotherapy.md', readFileSync(path.join(repo.root, 'content/glossary/chemotherapy.md'), 'utf8').replace('[chemo]', '[chemo, chemotherapies]'));
    repo.git('commit', '--quiet', '-am', 'alias');
    expect(await selected(repo)).toEqual({
      'content/glossary/chemotherapy.md': 'changed',
      'content/pages/chemo.md': 'links to glossary entry `chemotherapy` which changed',
      'content/pages/chemo-reference.md': 'links to glossary entry `chemotherapy` which changed',
    });
  });

  it('selects the linkers of a removed glossary entry', async () => {
    const repo = scenario();
    repo.git('rm', '--quiet', 'content/glossary/lymph-nodes.md');
    expect(await selected(repo)).toEqual({ 'content/pages/lymph.md': 'links to glossary entry `lymph-nodes` which was removed' });
  });

  it('selects the linkers of both ids of a renamed glossary entry', async () => {
    const repo = scenario({ ...PAGES, 'content/pages/new-id.md': page({ owner: 'content-lead' }, 'See [lymph nodes](glossary:lymph-glands).\n') });
    repo.git('mv', 'content/glossary/lymph-nodes.md', 'content/glossary/lymph-glands.md');
    expect(await selected(repo)).toEqual({
      'content/glossary/lymph-glands.md': 'renamed from `content/glossary/lymph-nodes.md`',
      'content/pages/lymph.md': 'links to glossary entry `lymph-nodes` which was renamed to `lymph-glands`',
      'content/pages/new-id.md': 'links to glossary entry `lymph-glands` which was renamed from `lymph-nodes`',
    });
  });

  it('selects the files owned or reviewed by a handle removed from editors.yml', async () => {
    const repo = scenario();
    repo.write('content/editors.yml', EDITORS.replace(/^ {2}net-clinical:.*\n/m, '').replace(/^ {2}jsmith:.*\n/m, ''));
    const targets = await selected(repo);
    const owned = Object.entries(PAGES)
      .filter(([, text]) => /owner: jsmith/.test(text))
      .map(([file]) => file);
    expect(Object.keys(targets).sort()).toEqual(['content/glossary/chemotherapy.md', ...owned, 'content/pages/reviewed.md'].sort());
    expect(targets['content/pages/reviewed.md']).toBe('names `net-clinical` whose entry in `content/editors.yml` was removed');
    expect(targets['content/pages/chemo.md']).toBe('names `jsmith` whose entry in `content/editors.yml` was removed');
  });

  it('selects nothing for an editors.yml change that touches no handle (escalation only)', async () => {
    const repo = scenario();
    repo.write('content/editors.yml', EDITORS.replace('escalation: [content-lead]', 'escalation: [jsmith]'));
    expect(await selected(repo)).toEqual({});
  });

  it('selects every file when the config changed', async () => {
    const repo = scenario({ ...PAGES, 'pagecare.config.yml': 'timezone: Europe/London\n' });
    repo.write('pagecare.config.yml', 'timezone: Europe/London\nrules:\n  review-due-soon: off\n');
    const targets = await selected(repo);
    expect(Object.keys(targets)).toHaveLength(Object.keys(PAGES).length + 1);
    expect(new Set(Object.values(targets))).toEqual(new Set(['`pagecare.config.yml` changed']));
  });

  it('works when the content root is a folder inside the git repository', async () => {
    const repo = scenario(PAGES, { subfolder: 'site' });
    repo.write('content/pages/unrelated.md', page({ owner: 'content-lead', title: 'Edited' }, 'Nothing linked.\n'));
    repo.write('content/pages/new.md', page({ owner: 'content-lead' }, 'New.\n'));
    repo.remove('content/glossary/lymph-nodes.md');
    expect(await selected(repo)).toEqual({
      'content/pages/lymph.md': 'links to glossary entry `lymph-nodes` which was removed',
      'content/pages/new.md': 'added',
      'content/pages/unrelated.md': 'changed',
    });
  });

  it('rejects a base that does not exist, naming it', async () => {
    const repo = scenario();
    const error = await repo.changed('origin/no-such-branch').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^Unknown base `origin\/no-such-branch` \(no such branch, tag or commit\), expected/);
    await expect(repo.changed('--output=x')).rejects.toThrow(UsageError);
  });

  it('rejects a base with no history in common with HEAD, saying how CI gets it', async () => {
    const repo = scenario();
    repo.git('checkout', '--quiet', '--orphan', 'elsewhere');
    repo.git('commit', '--quiet', '-m', 'unrelated');
    repo.git('checkout', '--quiet', 'feature');
    const error = await repo.changed('elsewhere').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^No common history between base `elsewhere` and HEAD, .*fetch-depth: 0/);
  });

  it('misses no file whose findings changed (full lint before and after, many changes at once)', async () => {
    const repo = scenario();
    repo.git('mv', 'content/pages/surgery.md', 'content/pages/operations.md');
    repo.git('rm', '--quiet', 'content/glossary/lymph-nodes.md');
    repo.write('content/editors.yml', EDITORS.replace(/^ {2}net-clinical:.*\n/m, ''));
    repo.git('commit', '--quiet', '-am', 'many changes');
    repo.write('content/glossary/chemotherapy.md', readFileSync(path.join(repo.root, 'content/glossary/chemotherapy.md'), 'utf8').replace('aliases: [chemo]', 'aliases: []'));
    repo.write('content/pages/fresh.md', page({}, 'See [lymph nodes](glossary:lymph-nodes) and [surgery](operations.md).\n'));

    const before = mkdtempSync(path.join(tmpdir(), 'pagecare-base-'));
    git(repo.root, 'worktree', 'add', '--quiet', '--detach', before, git(repo.root, 'merge-base', 'main', 'HEAD'));
    const [old, now, { targets }] = await Promise.all([findingsByFile(before), findingsByFile(repo.root), repo.changed()]).finally(() =>
      rmSync(before, { recursive: true, force: true }),
    );
    const differing = [...new Set([...old.keys(), ...now.keys()])].filter(
      (file) => old.get(file) !== now.get(file) && existsSync(path.join(repo.root, file)) && file !== 'content/editors.yml',
    );
    expect(differing.length).toBeGreaterThan(3);
    expect(targets).toEqual(expect.arrayContaining(differing));
  });
});

async function findingsByFile(root: string): Promise<Map<string, string>> {
  const { findings } = await lint({ cwd: root, today: TODAY });
  const byFile = new Map<string, string>();
  for (const f of findings) byFile.set(f.file, `${byFile.get(f.file) ?? ''}${f.line}:${f.column} ${f.ruleId} ${f.message}\n`);
  return byFile;
}

describe('parseNameStatus', () => {
  it('reads statuses, renames and copies from NUL-separated output', () => {
    expect(parseNameStatus('M\0a b.md\0R087\0old.md\0new.md\0D\0gone.md\0A\0added.md\0C100\0src.md\0copy.md\0T\0t.md\0')).toEqual([
      { status: 'modified', path: 'a b.md' },
      { status: 'renamed', path: 'new.md', from: 'old.md' },
      { status: 'removed', path: 'gone.md' },
      { status: 'added', path: 'added.md' },
      { status: 'added', path: 'copy.md' },
      { status: 'modified', path: 't.md' },
    ]);
    expect(parseNameStatus('')).toEqual([]);
  });
});
