import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContext } from '../../../src/lint/load-context.js';
import { replayRun, RunRecorder, type RunRequest } from '../../../src/lint/run-record.js';
import { GLOSSARY_NET, makeRepo, page } from '../../helpers/temp-repo.js';
import { runCli } from '../../helpers/run-cli.js';

/** Page a leans on everything outside itself a result can: a glossary entry, another page's heading, the roster. */
function repo() {
  return makeRepo({
    'content/glossary/neuroendocrine-tumour.md': GLOSSARY_NET,
    'content/pages/a.md': page({}, 'Most [NETs](glossary:neuroendocrine-tumour) grow slowly. See [b](./b.md#after-surgery).\n'),
    'content/pages/b.md': page({ next_review: '2026-07-01' }, '## After surgery\n\nRest.\n'),
  });
}

const RECORD = '.pagecare-cache/last-run';
const REPLAYED = 'REPLAYED\n';

const lint = (cwd: string, args: string[] = [], env: Record<string, string> = {}) =>
  runCli(['lint', '--format', 'json', ...args], { cwd, env: { PAGECARE_TODAY: '2026-06-01', ...env } });

/** Swap the recorded report for a marker, keeping what it rests on: a run that prints the marker replayed the record. */
function markRecord(root: string): void {
  const bytes = readFileSync(path.join(root, RECORD));
  writeFileSync(path.join(root, RECORD), Buffer.concat([bytes.subarray(0, bytes.indexOf(10) + 1), Buffer.from(REPLAYED)]));
}

const edit = (root: string, file: string, change: (text: string) => string) =>
  writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));

describe('a run with nothing changed replays the last report', () => {
  it('writes the same bytes and exit code again, from .pagecare-cache/last-run', () => {
    const root = repo();
    const first = lint(root);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout).summary).toEqual({ files: 4, errors: 0, warnings: 1, infos: 0 });
    const second = lint(root);
    expect(second).toEqual(first);
    markRecord(root);
    expect(lint(root)).toEqual({ ...first, stdout: REPLAYED });
    // --output writes the same bytes to the file.
    const out = path.join(root, 'out', 'report.json');
    expect(lint(root, ['--output', out]).stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(REPLAYED);
  });

  it('keeps the exit code, --max-warnings and the GitHub step summary of the recorded run', () => {
    const root = repo();
    const stepSummary = path.join(root, 'step-summary.md');
    const github = (args: string[] = []) => runCli(['lint', '--format', 'github', ...args], { cwd: root, env: { PAGECARE_TODAY: '2026-06-01', GITHUB_STEP_SUMMARY: stepSummary } });
    const first = github(['--max-warnings', '0']);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('1 warnings, expected at most 0');
    const summaryText = readFileSync(stepSummary, 'utf8');
    expect(summaryText).not.toBe('');
    rmSync(stepSummary);
    markRecord(root);
    const again = github(['--max-warnings', '0']);
    expect(again).toEqual({ ...first, stdout: REPLAYED });
    expect(readFileSync(stepSummary, 'utf8')).toBe(summaryText);
    expect(github().status).toBe(0);
  });

  // Each change must give the report a fresh run gives, never the recorded one.
  const changes: Array<[string, (root: string) => string[] | void]> = [
    ['the page edited', (root) => edit(root, 'content/pages/a.md', (t) => t.replace('next_review: 2028-03-18', 'next_review: 2026-05-01'))],
    ['the page touched, bytes unchanged', (root) => utimesSync(path.join(root, 'content/pages/a.md'), new Date('2026-01-01'), new Date('2026-01-01'))],
    ['another format', () => ['--format', 'sarif']],
    ['--quiet', () => ['--quiet']],
    ['another day', () => ['--today', '2026-06-20']],
    ['a file added', (root) => writeFileSync(path.join(root, 'content/pages/c.md'), page())],
    ['the config changed', (root) => writeFileSync(path.join(root, 'pagecare.config.yml'), "rules:\n  review-due-soon: 'off'\n")],
    ['editors.yml broken', (root) => edit(root, 'content/editors.yml', (t) => `${t}  broken: [\n`)],
  ];
  it.each(changes)('is not replayed after %s', (_, change) => {
    const root = repo();
    lint(root);
    markRecord(root);
    const args = change(root) ?? [];
    const fresh = lint(root, args);
    expect(fresh.stdout).not.toBe(REPLAYED);
    rmSync(path.join(root, '.pagecare-cache'), { recursive: true });
    expect(fresh).toEqual(lint(root, args));
  });

  // Linting page a alone: what changed is not among the files linted, only among what their results rest on.
  const outside: Array<[string, (root: string) => void, string]> = [
    ['its glossary entry renamed', (root) => edit(root, 'content/glossary/neuroendocrine-tumour.md', (t) => t.replace('term: Neuroendocrine tumour\naliases: [NET]', 'term: Carcinoid\naliases: []')), 'glossary-link-text'],
    ['the heading it links to renamed', (root) => edit(root, 'content/pages/b.md', (t) => t.replace('## After surgery', '## Afterwards')), 'link-broken'],
    ['the page it links to removed', (root) => rmSync(path.join(root, 'content/pages/b.md')), 'link-broken'],
    ['its owner removed from editors.yml', (root) => edit(root, 'content/editors.yml', (t) => t.replace(/ {2}jsmith:.*\n/, '')), 'owner-unknown'],
  ];
  it.each(outside)('is not replayed after %s', (_, change, rule) => {
    const root = repo();
    const args = ['content/pages/a.md'];
    expect(lint(root, args).status).toBe(0);
    markRecord(root);
    change(root);
    const fresh = lint(root, args);
    expect(fresh.stdout).not.toBe(REPLAYED);
    expect(JSON.parse(fresh.stdout).messages.map((m: { ruleId: string }) => m.ruleId)).toContain(rule);
  });

  it('is not replayed from another working directory, whose paths the report would name', () => {
    const root = repo();
    lint(root);
    markRecord(root);
    const sub = path.join(root, 'content', 'pages');
    expect(JSON.parse(lint(sub).stdout).messages[0].file).toBe('b.md');
  });

  it('--no-cache neither replays nor records; --changed is never replayed', () => {
    const root = repo();
    lint(root, ['--no-cache']);
    expect(existsSync(path.join(root, RECORD))).toBe(false);
    for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'pages']]) {
      expect(spawnSync('git', args, { cwd: root }).status).toBe(0);
    }
    lint(root);
    markRecord(root);
    expect(lint(root, ['--no-cache']).stdout).not.toBe(REPLAYED);
    expect(lint(root, ['--changed', 'HEAD']).stdout).not.toBe(REPLAYED);
    expect(lint(root).stdout).toBe(REPLAYED);
  });

  it('a record cut short or unreadable is ignored, never fatal', () => {
    const root = repo();
    const first = lint(root);
    writeFileSync(path.join(root, RECORD), readFileSync(path.join(root, RECORD)).subarray(0, 100));
    expect(lint(root)).toEqual(first);
    rmSync(path.join(root, RECORD));
    mkdirSync(path.join(root, RECORD));
    expect(lint(root)).toEqual(first);
  });

  it('a run with a file it could not read is not recorded', () => {
    const root = repo();
    lint(root);
    rmSync(path.join(root, RECORD));
    const outsideRoot = path.join(tmpdir(), `pagecare-outside-${process.pid}.md`);
    writeFileSync(outsideRoot, page());
    try {
      rmSync(path.join(root, 'content/pages/b.md'));
      symlinkSync(outsideRoot, path.join(root, 'content/pages/b.md'));
      expect(lint(root).stdout).toContain('a symbolic link out of the repository');
      expect(existsSync(path.join(root, RECORD))).toBe(false);
    } finally {
      rmSync(outsideRoot, { force: true });
    }
  });
});

describe('the run recorder', () => {
  const request: RunRequest = { cwd: '/', format: 'json', quiet: false, color: false, shard: undefined };
  const summary = { files: 0, errors: 0, warnings: 0, infos: 0 };

  it('puts a record in place only once the whole report went through it', async () => {
    const root = makeRepo({});
    const context = await loadContext({ cwd: root, today: '2026-06-01' });
    const inputs = { files: [], pairs: [] };
    // A reader that leaves after the first piece (`pagecare lint | head`): nothing is recorded.
    const cut = RunRecorder.start(context, inputs, request, summary, undefined)!;
    for (const piece of cut.tee(['one\n', 'two\n'])) {
      expect(piece.toString()).toBe('one\n');
      break;
    }
    cut.finish();
    expect(existsSync(path.join(root, RECORD))).toBe(false);
    expect(readdirSync(path.join(root, '.pagecare-cache'))).toEqual([]);

    const whole = RunRecorder.start(context, inputs, request, summary, undefined)!;
    expect(Buffer.concat([...whole.tee(['one\n', 'twó\n'])]).toString()).toBe('one\ntwó\n');
    whole.finish();
    expect(replayRun(context, [], request)).toEqual({ output: Buffer.from('one\ntwó\n'), summary, stepSummary: undefined });
    expect(readdirSync(path.join(root, '.pagecare-cache'))).toEqual(['last-run']);
  });
});
