import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, page } from '../helpers/temp-repo.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/seed-slips');
const PAGE = 'content/pages/treatment.md';

function fix(args: string[], cwd: string) {
  return runCli(['fix', '--today', '2026-06-01', ...args], { cwd });
}

function seedCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pagecare-fix-cli-'));
  cpSync(fixture, root, { recursive: true });
  return root;
}

// Each run starts Node with the TypeScript loader: allow for a busy machine.
describe('pagecare fix', { timeout: 90_000 }, () => {
  it('fixes in place, keeping the file mode, says what changed and what is left for a person', () => {
    const root = seedCopy();
    chmodSync(path.join(root, PAGE), 0o640);
    const result = fix([], root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      PAGE,
      '  12  `M. Pavel and others` → `M Pavel and others` in `references[0].authors` (initials without full stops, as this page writes them)  reference-format',
      '  36  `1 - 14` → `1–14` in `references[2].pages` (page range as `start–end`)  reference-format',
      '  45  `125 – 138` → `125–138` in `references[3].pages` (page range as `start–end`)  reference-format',
      'Fixed 3 problems in 1 of 16 files.',
      '',
    ]);
    expect(lines.slice(6)).toEqual([
      'Left for a person (not safe to fix automatically):',
      expect.stringMatching(/^ {2}content\/pages\/treatment\.md:30 {2}Unexpected `2023guidance`.* {2}reference-format$/),
      expect.stringMatching(/^ {2}content\/pages\/treatment\.md:30 {2}Unexpected `neuroendocrinetumours`/),
      expect.stringMatching(/^ {2}content\/pages\/treatment\.md:41 {2}Unexpected trailing `,`/),
      '',
    ]);
    const text = readFileSync(path.join(root, PAGE), 'utf8');
    expect(text).toContain('    pages: "1–14"\n');
    expect(statSync(path.join(root, PAGE)).mode & 0o777).toBe(0o640);
    // No temp file is left beside the page.
    expect(readdirSync(path.join(root, 'content/pages'))).toEqual(['treatment.md']);

    const again = fix([], root);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('Nothing to fix in 16 files.\n');
  });

  it('prints a unified diff with --dry-run, writes nothing, and the diff applies with git', () => {
    const root = seedCopy();
    const before = readFileSync(path.join(root, PAGE), 'utf8');
    const result = fix(['--dry-run'], root);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(root, PAGE), 'utf8')).toBe(before);
    expect(result.stdout).toMatch(/^--- a\/content\/pages\/treatment\.md\n\+\+\+ b\/content\/pages\/treatment\.md\n@@ /);
    expect(result.stdout).toContain('\n-    pages: "1 - 14"\n+    pages: "1–14"\n');
    expect(result.stderr).toContain('Would fix 3 problems in 1 of 16 files (dry run: nothing written).');

    const applied = spawnSync('git', ['apply', '-'], { cwd: root, input: result.stdout, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    const fixed = seedCopy();
    expect(fix([], fixed).status).toBe(0);
    expect(readFileSync(path.join(root, PAGE), 'utf8')).toBe(readFileSync(path.join(fixed, PAGE), 'utf8'));
  });

  it('fixes only the paths given, shown relative to the working directory', () => {
    const root = makeRepo({
      'content/pages/a.md': page({ last_reviewed: '18 Mar 2025' }),
      'content/pages/b.md': page({ last_reviewed: '18 Mar 2025' }),
    });
    const result = fix(['a.md'], path.join(root, 'content/pages'));
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'a.md\n  4  `18 Mar 2025` → `2025-03-18` in `last_reviewed` (ISO 8601 date)  review-date-invalid\nFixed 1 problem in 1 of 1 file.\n',
    );
    expect(readFileSync(path.join(root, 'content/pages/b.md'), 'utf8')).toContain('last_reviewed: 18 Mar 2025\n');
    expect(fix(['content/glossary'], root).stdout).toBe('Nothing to fix in 1 file.\n');
    expect(fix(['content/pages/*.md'], root).stdout).toContain('Fixed 1 problem in 1 of 2 files.');
  });

  it('exits 2 on usage errors', () => {
    const root = makeRepo({ 'content/pages/a.md': page(), 'notes.md': '# Notes\n' });
    const missing = fix(['nowhere.md'], root);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('pagecare: No page or glossary entry at nowhere.md, expected a path to content the config governs\n');
    expect(fix(['notes.md'], root).status).toBe(2);
    expect(fix(['--today', 'soon'], root)).toMatchObject({ status: 2, stderr: expect.stringContaining('expected a date as YYYY-MM-DD') });
    expect(fix(['--config', 'missing.yml'], root)).toMatchObject({ status: 2, stderr: expect.stringContaining('Cannot read config') });
  });
});
