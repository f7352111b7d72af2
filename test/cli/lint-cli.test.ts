import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, page } from '../helpers/temp-repo.js';
import { BIN, runCli } from '../helpers/run-cli.js';

const TODAY = ['--today', '2026-06-01'];
const project = path.resolve(import.meta.dirname, '../..');

describe('pagecare lint', () => {
  it('passes the bundled content (exit 0) and prints a summary', () => {
    const result = runCli(['lint', ...TODAY], { cwd: project });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/16 files checked, no problems/);
  });

  it('prints the JSON contract with paths relative to the working directory', () => {
    const root = makeRepo({ 'content/pages/a.md': page({ next_review: '2026-05-01' }) });
    const result = runCli(['lint', '--format', 'json', ...TODAY], { cwd: root });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['messages', 'summary']);
    expect(json.summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0 });
    expect(json.messages).toEqual([
      expect.objectContaining({ file: 'content/pages/a.md', line: 5, column: 1, ruleId: 'review-overdue', severity: 'error' }),
    ]);
    const sub = path.join(root, 'content', 'pages');
    const fromSub = JSON.parse(runCli(['lint', '--format', 'json', ...TODAY], { cwd: sub }).stdout);
    expect(fromSub.messages[0].file).toBe('a.md');
  });

  it('takes today from PAGECARE_TODAY', () => {
    const root = makeRepo({ 'content/pages/a.md': page({ next_review: '2026-05-01' }) });
    expect(runCli(['lint'], { cwd: root, env: { PAGECARE_TODAY: '2026-04-01' } }).status).toBe(0);
    expect(runCli(['lint'], { cwd: root, env: { PAGECARE_TODAY: '2026-06-01' } }).status).toBe(1);
  });

  it('lints only the paths given', () => {
    const root = makeRepo({ 'content/pages/a.md': page({ next_review: '2026-05-01' }), 'content/pages/b.md': page() });
    const result = runCli(['lint', 'content/pages/b.md', '--format', 'json', ...TODAY], { cwd: root });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary.files).toBe(1);
  });

  it('--quiet hides warnings; --max-warnings turns too many into exit 1', () => {
    const root = makeRepo({ 'content/pages/a.md': page({ next_review: '2026-07-01' }) });
    const quiet = runCli(['lint', '--quiet', '--format', 'json', ...TODAY], { cwd: root });
    expect(JSON.parse(quiet.stdout).messages).toEqual([]);
    expect(quiet.status).toBe(0);
    expect(runCli(['lint', ...TODAY], { cwd: root }).status).toBe(0);
    const strict = runCli(['lint', '--max-warnings', '0', ...TODAY], { cwd: root });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/1 warnings, expected at most 0/);
  });

  it('takes per-rule severities from pagecare.config.yml', () => {
    const root = makeRepo({
      'pagecare.config.yml': "rules:\n  review-due-soon: error\n  glossary-link-text: 'off'\n",
      'content/pages/a.md': page({ next_review: '2026-07-01' }, '[cancer drugs](glossary:chemotherapy)\n'),
    });
    const result = runCli(['lint', '--format', 'json', ...TODAY], { cwd: root });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).messages.map((m: { ruleId: string; severity: string }) => `${m.ruleId} ${m.severity}`)).toEqual([
      'review-due-soon error',
    ]);
  });

  it('writes GitHub annotations and a job summary', () => {
    const root = makeRepo({ 'content/pages/a.md': page({ next_review: '2026-05-01' }) });
    const summary = path.join(root, 'summary.md');
    const result = runCli(['lint', '--format', 'github', ...TODAY], { cwd: root, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.stdout).toMatch(/^::error file=content\/pages\/a\.md,line=5,col=1.*::/m);
    expect(readFileSync(summary, 'utf8')).toMatch(/review-overdue/);
  });

  it('writes SARIF to a file with --output', () => {
    const root = makeRepo({ 'content/pages/a.md': page() });
    const result = runCli(['lint', '--format', 'sarif', '--output', 'out/lint.sarif', ...TODAY], { cwd: root });
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'out/lint.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  describe('exit 2 when the command itself cannot run', () => {
    it.each([
      [['lint', '--format', 'xml'], /format/],
      [['lint', '--today', '18 Mar 2025'], /YYYY-MM-DD/],
      [['lint', '--today', '2025-02-30'], /real calendar date such as `2025-02-28`/],
      [['lint', '--bogus'], /unknown option/],
      [['lint', 'content/pages/missing.md'], /No such file/],
      [['lint', '--config', 'nope.yml'], /Cannot read config/],
    ])('%j', (args, message) => {
      const root = makeRepo({ 'content/pages/a.md': page() });
      const result = runCli(args, { cwd: root });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    it('a bad config names the key and the fix', () => {
      const root = makeRepo({ 'pagecare.config.yml': 'policy:\n  dueSoon: soon\n', 'content/pages/a.md': page() });
      const result = runCli(['lint'], { cwd: root });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/pagecare\.config\.yml:2: Unexpected `soon` in `policy\.dueSoon`, expected an ISO 8601 duration/);
    });
  });

  it('runs outside any content repository with nothing to check', () => {
    const empty = path.join(tmpdir(), `pagecare-empty-${process.pid}`);
    mkdirSync(empty, { recursive: true });
    const result = runCli(['lint', '--format', 'json', ...TODAY], { cwd: empty });
    expect(JSON.parse(result.stdout).summary.files).toBe(0);
  });
});

describe('bad input: one broken file never stops the others', () => {
  const good = page();
  const root = makeRepo({
    'content/pages/empty.md': '',
    'content/pages/bom.md': `\uFEFF${good}`,
    'content/pages/crlf.md': page({ next_review: '2026-05-01' }).replace(/\n/g, '\r\n'),
    'content/pages/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]),
    'content/pages/latin1.md': Buffer.concat([Buffer.from(good.replace('Some people', 'Caf')), Buffer.from([0xe9, 0x0a])]),
    'content/pages/broken-yaml.md': '---\ntitle: [unclosed\nowner: jsmith\n---\n\n[chemo](glossary:chemotherpy)\n',
    'content/pages/unclosed.md': '---\ntitle: never closed\nowner: jsmith\n',
    'content/pages/zz-good.md': good,
  });
  const result = runCli(['lint', '--format', 'json', ...TODAY], { cwd: root });
  const json = JSON.parse(result.stdout) as { messages: Array<{ file: string; line: number; ruleId: string }>; summary: { files: number } };
  const at = (file: string) => json.messages.filter((m) => m.file === `content/pages/${file}`).map((m) => `${m.line} ${m.ruleId}`);

  it('exits 1, not 2, and checks every file', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(json.summary.files).toBe(9);
  });
  it('an empty file has no front matter at line 1', () => expect(at('empty.md')).toEqual(['1 frontmatter-missing']));
  it('a BOM changes nothing', () => expect(at('bom.md')).toEqual([]));
  it('CRLF line ends keep lines exact', () => expect(at('crlf.md')).toEqual(['5 review-overdue']));
  it('a binary file is reported, not parsed', () => expect(at('binary.md')).toContain('1 file-encoding'));
  it('a non-UTF-8 byte is reported on its line and the rest is checked', () => expect(at('latin1.md')).toEqual(["15 file-encoding"]));
  it('unparseable YAML is reported and the body still checked', () => {
    expect(at('broken-yaml.md')).toEqual(expect.arrayContaining([expect.stringMatching(/^\d frontmatter-invalid$/), '6 glossary-link-unknown']));
  });
  it('an unclosed front matter is reported at its fence', () => expect(at('unclosed.md')).toEqual(['1 frontmatter-invalid']));
  it('the good file after them is clean', () => expect(at('zz-good.md')).toEqual([]));
});

describe('pagecare lint into a pipe whose reader leaves early', () => {
  it('stops writing quietly and still exits with the result', () => {
    // Far more than a pipe holds (64 KB), so pagecare is still writing when `head` leaves.
    const links = Array.from({ length: 3000 }, (_, i) => `[term ${i}](glossary:no-such-term-${i})`).join('\n\n');
    const root = makeRepo({ 'content/pages/a.md': page({}, links) });
    const shell = `"${process.execPath}" "${BIN}" lint --format json --today 2026-06-01 2>stderr.txt | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', shell], { cwd: root, encoding: 'utf8' });
    expect(readFileSync(path.join(root, 'stderr.txt'), 'utf8')).toBe('');
    expect(result.stdout.trim()).toBe('1');
  });

  it.runIf(existsSync('/dev/full'))('says so and exits 2 when the output cannot be written at all (a full disk), whatever it found', () => {
    const root = makeRepo({ 'content/pages/a.md': page({ next_review: '2026-05-01' }) });
    const shell = `"${process.execPath}" "${BIN}" lint --format json --today 2026-06-01 > /dev/full`;
    const result = spawnSync('bash', ['-c', shell], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('pagecare: cannot write to standard output (ENOSPC)\n');
    expect(result.status).toBe(2);
  });
});
