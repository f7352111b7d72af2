import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';

const TODAY = '2026-06-01';
const NET = `---
term: Neuroendocrine tumour
aliases: [NET]
owner: jsmith
last_reviewed: 2025-03-18
next_review: 2028-03-18
---
A growth that starts in cells that make hormones.
`;

function repo() {
  return makeRepo({
    'content/glossary/neuroendocrine-tumour.md': NET,
    'content/pages/a.md': page({}, 'Most [NETs](glossary:neuroendocrine-tumour) grow slowly. See [b](./b.md#after-surgery).\n'),
    'content/pages/b.md': page({}, '## After surgery\n\nRest.\n'),
    'content/pages/c.md': page({}, 'Some people have [chemo](glossary:chemotherapy).\n'),
    'content/pages/d.md': page({ owner: 'content-lead' }, 'Plain text.\n'),
  });
}

const run = (cwd: string, today = TODAY) => lint({ cwd, today, cache: true });
const rules = (result: Awaited<ReturnType<typeof run>>) => result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
const edit = (root: string, file: string, change: (text: string) => string) =>
  writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));

describe('the lint cache', () => {
  it('serves every unchanged file from .pagecare-cache/ on a warm run, with the same findings', async () => {
    const root = repo();
    const cold = await run(root);
    expect(cold.cached).toBe(0);
    const warm = await run(root);
    expect(warm.cached).toBe(cold.files.length);
    expect(warm.findings).toEqual(cold.findings);
  });

  it('re-lints a file whose content changed', async () => {
    const root = repo();
    await run(root);
    edit(root, 'content/pages/c.md', (t) => t.replace('[chemo]', '[cancer drugs]'));
    const result = await run(root);
    expect(result.cached).toBe(result.files.length - 1);
    expect(rules(result)).toContain('content/pages/c.md:14 glossary-link-text');
  });

  it('an edited glossary entry re-checks exactly the pages that link to it', async () => {
    const root = repo();
    await run(root);
    edit(root, 'content/glossary/neuroendocrine-tumour.md', (t) => t.replace('aliases: [NET]', 'aliases: [carcinoid tumour]'));
    const result = await run(root);
    // The glossary entry itself changed, and a.md links to it: two re-lints, the rest cached.
    expect(result.cached).toBe(result.files.length - 2);
    expect(rules(result)).toContain('content/pages/a.md:14 glossary-link-text');
  });

  it('an alias added for other pages re-checks only the entry and the pages whose link text the entry does not name', async () => {
    const root = repo();
    writeFileSync(path.join(root, 'content/pages/e.md'), page({}, 'Doctors may find [a growth in the gut](glossary:neuroendocrine-tumour).\n'));
    await run(root);
    edit(root, 'content/glossary/neuroendocrine-tumour.md', (t) => t.replace('aliases: [NET]', 'aliases: [NET, carcinoid]'));
    const result = await run(root);
    // a.md's "NETs" still names the entry: cached. e.md's finding lists the names, so it is re-checked.
    expect(result.cached).toBe(result.files.length - 2);
    const fresh = await lint({ cwd: root, today: TODAY, cache: false });
    expect(result.findings).toEqual(fresh.findings);
    expect(result.findings.find((f) => f.file === 'content/pages/e.md' && f.ruleId === 'glossary-link-text')?.message).toContain('`carcinoid`');

    // An alias that now names e.md's link text clears its finding; a removed entry makes every link to it unknown.
    edit(root, 'content/glossary/neuroendocrine-tumour.md', (t) => t.replace('aliases: [NET, carcinoid]', 'aliases: [NET, a growth in the gut]'));
    const named = await run(root);
    expect(rules(named).filter((r) => r.startsWith('content/pages/e.md'))).toEqual([]);
    expect(named.findings).toEqual((await lint({ cwd: root, today: TODAY, cache: false })).findings);
    rmSync(path.join(root, 'content/glossary/neuroendocrine-tumour.md'));
    const gone = await run(root);
    expect(rules(gone)).toEqual(expect.arrayContaining(['content/pages/a.md:14 glossary-link-unknown', 'content/pages/e.md:14 glossary-link-unknown']));
    expect(gone.findings).toEqual((await lint({ cwd: root, today: TODAY, cache: false })).findings);
  });

  it('a renamed page or heading breaks the links to it, never a stale pass', async () => {
    const root = repo();
    await run(root);
    edit(root, 'content/pages/b.md', (t) => t.replace('## After surgery', '## Afterwards'));
    expect(rules(await run(root))).toContain('content/pages/a.md:14 link-broken');
    rmSync(path.join(root, 'content/pages/b.md'));
    const gone = await run(root);
    expect(gone.findings.filter((f) => f.ruleId === 'link-broken').map((f) => f.message)).toEqual([
      expect.stringContaining('no such file'),
    ]);
  });

  it('a handle removed from editors.yml is reported on the pages it owns', async () => {
    const root = repo();
    await run(root);
    edit(root, 'content/editors.yml', (t) => t.replace(/ {2}content-lead:.*\n/, '').replace('escalation: [content-lead]', 'escalation: []'));
    const result = await run(root);
    expect(rules(result)).toContain('content/pages/d.md:3 owner-unknown');
    expect(result.cached).toBeGreaterThan(0);
  });

  it('a changed config re-lints everything', async () => {
    const root = repo();
    await run(root);
    writeFileSync(path.join(root, 'pagecare.config.yml'), "rules:\n  glossary-link-text: 'off'\n");
    expect((await run(root)).cached).toBe(0);
  });

  it('date rules hold only as long as their answer: a page falls overdue on the right day', async () => {
    const root = makeRepo({ 'content/pages/a.md': page({ next_review: '2026-09-30' }) });
    expect(rules(await run(root, '2026-06-01'))).toEqual([]);
    // Still before the due-soon window (90 days before 30 September is 2 July): cached and clean.
    const later = await run(root, '2026-07-01');
    expect(later.cached).toBe(later.files.length);
    expect(rules(later)).toEqual([]);
    expect(rules(await run(root, '2026-07-02'))).toEqual(['content/pages/a.md:5 review-due-soon']);
    expect(rules(await run(root, '2026-10-01'))).toEqual(['content/pages/a.md:5 review-overdue']);
  });

  it('keys on content, not timestamps: a fresh checkout with a restored cache is warm', async () => {
    const root = repo();
    const cold = await run(root);
    const clone = mkdtempSync(path.join(tmpdir(), 'pagecare-clone-'));
    cpSync(root, clone, { recursive: true });
    const warm = await run(clone);
    expect(warm.cached).toBe(cold.files.length);
    expect(rules(warm)).toEqual(rules(cold));
    rmSync(clone, { recursive: true, force: true });
  });

  it('ignores a cache written by another version of pagecare or its config', async () => {
    const root = repo();
    await run(root);
    const file = path.join(root, '.pagecare-cache', 'lint.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    // A stale result that would hide a finding, under a key this pagecare would not write:
    for (const entry of Object.values(stored.entries) as Array<{ findings: unknown[] }>) entry.findings = [];
    writeFileSync(file, JSON.stringify({ ...stored, key: 'another-version' }));
    expect((await run(root)).cached).toBe(0);
  });

  it('a corrupt cache is ignored, never fatal', async () => {
    const root = repo();
    await run(root);
    writeFileSync(path.join(root, '.pagecare-cache', 'lint.json'), '{ not json');
    const result = await run(root);
    expect(result.cached).toBe(0);
    expect(result.files.length).toBeGreaterThan(0);
  });

  it('writes the cache as ASCII and reads back the same findings for text outside it', async () => {
    const root = repo();
    // A file name, a glossary id and a heading in characters outside ASCII, including one outside the BMP.
    writeFileSync(path.join(root, 'content/pages/café-ñ.md'), page({}, 'See [the 💊 part](./b.md#missing-heading) and [x](glossary:thé–rapie).\n'));
    const cold = await run(root);
    const stored = readFileSync(path.join(root, '.pagecare-cache/lint.json'));
    expect(stored.every((byte) => byte < 0x80)).toBe(true);
    const warm = await run(root);
    expect(warm.cached).toBe(cold.files.length);
    expect(warm.findings).toEqual(cold.findings);
    expect(warm.findings.some((finding) => finding.file.includes('café-ñ') && finding.message.includes('thé–rapie'))).toBe(true);
  });
});
