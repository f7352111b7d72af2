import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../../src/lint/engine.js';
import { RULES } from '../../src/rules/catalog.js';
import { TODAY, expectedFindings, type Expectation } from './expectations.js';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), 'repo');

/**
 * One scenario runner for every rule (the markdownlint way): each fixture
 * file carries its expected findings inline, so adding a case means adding
 * a file. Every finding must be expected, and every expectation found.
 */
describe('rule fixtures', () => {
  let result: LintResult;
  beforeAll(async () => {
    result = await lint({ cwd: repo, today: TODAY });
  });

  it('lints every fixture file', () => {
    expect(result.files.length).toBeGreaterThan(RULES.length);
  });

  it('reports exactly the findings each fixture expects (rule, severity, line)', () => {
    const actual = result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`).sort();
    const expected = result.files
      .flatMap((file) => expectedFindings(readFileSync(path.join(repo, file), 'latin1')).map((e) => `${file}:${e.line} ${e.ruleId} ${e.severity}`))
      .sort();
    expect(actual).toEqual(expected);
  });

  it('gives every message a "what is wrong, what would be right" sentence', () => {
    for (const finding of result.findings) {
      expect(finding.message, `${finding.file}:${finding.line}`).toMatch(/expected|should|consider|please/i);
    }
  });

  describe.each(RULES.map((rule) => rule.id))('%s', (id) => {
    it('has a valid fixture that lints clean and an invalid one that it reports', () => {
      const valid = result.files.filter((file) => file.startsWith(`content/pages/${id}/valid`));
      expect(valid.length, `content/pages/${id}/valid*.md`).toBeGreaterThan(0);
      for (const file of valid) expect(result.findings.filter((f) => f.file === file)).toEqual([]);
      const expectations: Expectation[] = result.files.flatMap((file) =>
        expectedFindings(readFileSync(path.join(repo, file), 'latin1')).filter((e) => e.ruleId === id),
      );
      expect(expectations.length, `an expect marker for ${id}`).toBeGreaterThan(0);
      const rule = RULES.find((r) => r.id === id)!;
      expect(result.findings.filter((f) => f.ruleId === id).some((f) => f.severity === rule.severity)).toBe(true);
    });
  });
});
