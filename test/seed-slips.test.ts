import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../src/lint/engine.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedRepo = path.join(here, 'fixtures', 'seed-slips');
const bundled = path.resolve(here, '..');
const PAGE = 'content/pages/treatment.md';

/**
 * The model page's real reference slips (CONTENT-SPEC.md), planted in a copy
 * of the bundled page: each must be caught by `reference-format` on its line.
 */
describe('seed slips', () => {
  let result: LintResult;
  beforeAll(async () => {
    result = await lint({ cwd: seedRepo, today: '2026-06-01' });
  });

  const formatAt = (line: number) =>
    result.findings.filter((f) => f.file === PAGE && f.line === line && f.ruleId === 'reference-format');

  it.each([
    [30, '2023guidance', '2023 guidance'],
    [30, 'neuroendocrinetumours', 'neuroendocrine tumours'],
    [12, 'M. Pavel', 'M Pavel'],
    [36, '1 - 14', '1–14'],
    [45, '125 – 138', '125–138'],
    [41, 'Neuroendocrinology,', 'Neuroendocrinology'],
  ])('line %i: `%s` → `%s`', (line, bad, good) => {
    const found = formatAt(line).filter((f) => f.message.includes(`\`${bad}\``));
    expect(found, JSON.stringify(result.findings, null, 2)).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message).toContain(`\`${good}\``);
    expect(found[0]!.message).toContain('expected');
  });

  it('reports the initials on the dotted minority, not on F Panzuto (line 31)', () => {
    expect(formatAt(31)).toEqual([]);
  });

  it('reports nothing else on the seed page', () => {
    const lines = result.findings.filter((f) => f.ruleId === 'reference-format').map((f) => f.line);
    expect(lines.sort((a, b) => a - b)).toEqual([12, 30, 30, 36, 41, 45]);
    expect(result.findings.filter((f) => f.severity !== 'info' && f.ruleId !== 'reference-format')).toEqual([]);
  });
});

describe('bundled content', () => {
  it('lints clean: no errors or warnings (infos allowed)', async () => {
    const result = await lint({ cwd: bundled, today: '2026-06-01' });
    expect(result.files.length).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
