import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import { GLOSSARY_NET, makeRepo, page } from '../../helpers/temp-repo.js';

const TODAY = '2026-06-01';
function repo() {
  return makeRepo({
    'content/glossary/neuroendocrine-tumour.md': GLOSSARY_NET,
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
    // The glossary entry itself is re-linted; a.md's links are checked again from the cache, without a parse.
    expect(result.cached).toBe(result.files.length - 1);
    expect(result.rechecked).toBe(1);
    expect(rules(result)).toContain('content/pages/a.md:14 glossary-link-text');
    expect(result.findings).toEqual((await lint({ cwd: root, today: TODAY, cache: false })).findings);
  });

  it('an alias added for other pages re-checks only the entry and the pages whose link text the entry does not name', async () => {
    const root = repo();
    writeFileSync(path.join(root, 'content/pages/e.md'), page({}, 'Doctors may find [a growth in the gut](glossary:neuroendocrine-tumour).\n'));
    await run(root);
    edit(root, 'content/glossary/neuroendocrine-tumour.md', (t) => t.replace('aliases: [NET]', 'aliases: [NET, carcinoid]'));
    const result = await run(root);
    // a.md's "NETs" still names the entry: cached. e.md's finding lists the names, so its links are checked again.
    expect(result.cached).toBe(result.files.length - 1);
    expect(result.rechecked).toBe(1);
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

  it('a renamed term is checked on the stored links of every page that links to it, with the findings of a fresh lint', async () => {
    const root = repo();
    // A reference-style link (its definition's line is in the message) and a link to an entry that does not exist yet.
    writeFileSync(
      path.join(root, 'content/pages/e.md'),
      page({}, 'Doctors may find a [NET][net] or [carcinoid](glossary:carcinoid-tumour).\n\n[net]: glossary:neuroendocrine-tumour\n'),
    );
    const cold = await run(root);
    expect(rules(cold)).toContain('content/pages/e.md:14 glossary-link-unknown');
    // Renamed keeping the word "neuroendocrine", which reference-format's vocabulary asks about: only the links are affected.
    edit(root, 'content/glossary/neuroendocrine-tumour.md', (t) => t.replace('term: Neuroendocrine tumour\naliases: [NET]', 'term: Neuroendocrine growth\naliases: []'));
    writeFileSync(path.join(root, 'content/glossary/carcinoid-tumour.md'), GLOSSARY_NET.replace('Neuroendocrine tumour', 'Carcinoid tumour').replace('[NET]', '[carcinoid]'));
    const renamed = await run(root);
    // Both entries are linted; a.md and e.md are not parsed again, only their links checked.
    expect(renamed.cached).toBe(renamed.files.length - 2);
    expect(renamed.rechecked).toBe(2);
    const fresh = await lint({ cwd: root, today: TODAY, cache: false });
    expect(renamed.findings).toEqual(fresh.findings);
    expect(rules(renamed)).toEqual(expect.arrayContaining(['content/pages/a.md:14 glossary-link-text', 'content/pages/e.md:14 glossary-link-text']));
    expect(rules(renamed)).not.toContain('content/pages/e.md:14 glossary-link-unknown');

    // Checked again, the stored results hold on the next run; removing the entry makes the reference link unknown.
    const warm = await run(root);
    expect([warm.cached, warm.rechecked]).toEqual([warm.files.length, 0]);
    expect(warm.findings).toEqual(fresh.findings);
    rmSync(path.join(root, 'content/glossary/neuroendocrine-tumour.md'));
    const gone = await run(root);
    expect(gone.findings).toEqual((await lint({ cwd: root, today: TODAY, cache: false })).findings);
    expect(gone.findings.find((f) => f.file === 'content/pages/e.md' && f.ruleId === 'glossary-link-unknown')?.message).toContain('(defined on line 16)');
  });

  it('without links.json (lost, or from other bytes) a page whose glossary changed is linted whole: never checked on wrong links', async () => {
    const root = repo();
    await run(root);
    const links = path.join(root, '.pagecare-cache', 'links.json');
    const stored = JSON.parse(readFileSync(links, 'latin1')) as { records: Record<string, [string, string]> };
    expect(Object.keys(stored.records).sort()).toEqual(['content/pages/a.md', 'content/pages/c.md']);
    // a.md's links recorded against other bytes; c.md's gone.
    stored.records['content/pages/a.md']![0] = 'f'.repeat(64);
    delete stored.records['content/pages/c.md'];
    writeFileSync(links, JSON.stringify(stored));
    edit(root, 'content/glossary/neuroendocrine-tumour.md', (t) => t.replace('aliases: [NET]', 'aliases: [carcinoid tumour]'));
    const result = await run(root);
    expect([result.cached, result.rechecked]).toEqual([result.files.length - 2, 0]);
    expect(result.findings).toEqual((await lint({ cwd: root, today: TODAY, cache: false })).findings);
    // Linted again, a.md's links are stored anew; c.md, not linted, stays without (it is linted whole if its entry changes).
    const after = (JSON.parse(readFileSync(links, 'latin1')) as typeof stored).records;
    expect(Object.keys(after)).toEqual(['content/pages/a.md']);
    expect(after['content/pages/a.md']![0]).not.toBe('f'.repeat(64));
  });

  it('a page with a message-control marker is parsed again when the glossary changes: the marker may silence a link', async () => {
    const root = repo();
    writeFileSync(
      path.join(root, 'content/pages/e.md'),
      page({}, '<!-- pagecare-disable glossary-link-text -->\nMost [NETs](glossary:neuroendocrine-tumour) grow slowly.\n<!-- pagecare-enable glossary-link-text -->\n'),
    );
    await run(root);
    edit(root, 'content/glossary/neuroendocrine-tumour.md', (t) => t.replace('aliases: [NET]', 'aliases: [carcinoid tumour]'));
    const result = await run(root);
    // The entry and e.md are linted again; a.md's links are checked from the cache.
    expect([result.cached, result.rechecked]).toEqual([result.files.length - 2, 1]);
    expect(result.findings).toEqual((await lint({ cwd: root, today: TODAY, cache: false })).findings);
    expect(rules(result)).toContain('content/pages/a.md:14 glossary-link-text');
    expect(rules(result).filter((r) => r.startsWith('content/pages/e.md'))).toEqual([]);
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
    // With both link rules off, no page keeps its links.
    const linked = () => {
      const { entries } = JSON.parse(readFileSync(path.join(root, '.pagecare-cache', 'lint.json'), 'latin1')) as { entries: Record<string, { links?: unknown }> };
      return Object.keys(entries).filter((file) => entries[file]!.links);
    };
    expect(linked()).toEqual(['content/pages/a.md', 'content/pages/c.md']);
    writeFileSync(path.join(root, 'pagecare.config.yml'), "rules:\n  glossary-link-text: 'off'\n  glossary-link-unknown: 'off'\n");
    expect((await run(root)).cached).toBe(0);
    expect(linked()).toEqual([]);
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

  it('a day before the one a date finding was checked on is checked again, never served', async () => {
    // `--today` (or PAGECARE_TODAY) can go back: a result from 1 October says overdue, which 1 June is not.
    const root = makeRepo({ 'content/pages/a.md': page({ next_review: '2026-09-30' }) });
    expect(rules(await run(root, '2026-10-01'))).toEqual(['content/pages/a.md:5 review-overdue']);
    const earlier = await run(root, '2026-06-01');
    expect(rules(earlier)).toEqual([]);
    // Every file here has review dates, so every one was checked again; checked on 1 June, they hold for 1 June.
    expect(earlier.cached).toBe(0);
    const again = await run(root, '2026-06-01');
    expect(again.cached).toBe(again.files.length);
    expect(rules(again)).toEqual([]);
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
    // Known from its first bytes: never parsed, so none of it stays on the heap through the cold run.
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect((await run(root)).cached).toBe(0);
      expect(parse.mock.calls.filter(([text]) => String(text).includes('another-version'))).toEqual([]);
    } finally {
      parse.mockRestore();
    }
  });

  it('a corrupt cache is ignored, never fatal', async () => {
    const root = repo();
    await run(root);
    writeFileSync(path.join(root, '.pagecare-cache', 'lint.json'), '{ not json');
    const result = await run(root);
    expect(result.cached).toBe(0);
    expect(result.files.length).toBeGreaterThan(0);
  });

  it('an entry naming a dependency the cache does not hold is re-linted, never served', async () => {
    const root = repo();
    const cold = await run(root);
    const file = path.join(root, '.pagecare-cache', 'lint.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const entries = stored.entries as Record<string, { findings: unknown[]; dependencies: unknown[] }>;
    // Stale (no findings) and damaged: ids past the table, negative, not a number.
    for (const [name, damage] of [['content/pages/a.md', stored.dependencies.length + 5], ['content/pages/b.md', -1], ['content/pages/c.md', 'x']] as const) {
      entries[name]!.findings = [];
      entries[name]!.dependencies.push(damage);
    }
    writeFileSync(file, JSON.stringify(stored));
    const warm = await run(root);
    expect(warm.cached).toBe(cold.files.length - 3);
    expect(warm.findings).toEqual(cold.findings);
  });

  it.runIf(existsSync('/proc/self/fd'))('a run that fails half way saves nothing and keeps no scratch file open', async () => {
    const root = repo();
    const openScratch = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).includes(path.join(root, '.pagecare-cache', '.links-'));
      } catch {
        return false;
      }
    });
    // a.md links to the glossary, so its links are spilled before the run stops.
    const failing = lint({ cwd: root, today: TODAY, cache: true, paths: ['content/pages/a.md', 'content/pages/b.md'], onProgress: (done) => {
      if (done === 2) throw new Error('stopped');
    } });
    await expect(failing).rejects.toThrow('stopped');
    expect(openScratch()).toEqual([]);
    expect(existsSync(path.join(root, '.pagecare-cache', 'lint.json'))).toBe(false);
    expect(readdirSync(path.join(root, '.pagecare-cache'))).toEqual([]);
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
