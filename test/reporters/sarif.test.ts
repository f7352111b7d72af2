import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/finding.js';
import { formatFindings } from '../../src/lint/reporters/index.js';
import { FINGERPRINT_KEY, SARIF_SCHEMA, formatSarifInPieces, toSarif } from '../../src/lint/reporters/sarif.js';
import { RULES } from '../../src/rules/catalog.js';
import { findings } from './fixtures.js';

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * The official SARIF 2.1.0 schema shipped in @microsoft/jest-sarif. It declares draft-04 and a
 * draft-04 `id`; it uses no keyword whose meaning changed after draft-04 (no exclusiveMinimum /
 * exclusiveMaximum), so Ajv 8 validates it as-is once `$schema` is dropped and `id` becomes `$id`.
 */
function sarifValidator() {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  // unicodeRegExp: false because one of the schema's `pattern`s is not a valid `u`-flag regular expression.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: String(id) });
}
const validate = sarifValidator();

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('sarif reporter', () => {
  it('uses a validator that rejects invalid logs', () => {
    const log = toSarif(findings, { version: '0.1.0' });
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const bad = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    bad.runs[0]!.results[0]!.level = 'info';
    expect(validate(bad)).toBe(false);
  });

  it('produces a schema-valid log for all three severities', () => {
    const log = toSarif(findings, { version: '0.1.0', informationUri: 'https://example.org/pagecare' });
    expectValid(log);
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'pagecare', version: '0.1.0', informationUri: 'https://example.org/pagecare' });
    expect(run.tool.driver.rules).toHaveLength(RULES.length + 1);
    expect(run.tool.driver.rules!.find((rule) => rule.id === 'file-too-complex')?.defaultConfiguration).toEqual({ level: 'error' });
    expect(run.tool.driver.rules!.find((rule) => rule.id === 'glossary-term-unlinked')?.defaultConfiguration).toEqual({ level: 'note', enabled: false });
    expect(run.tool.driver.rules![0]).toEqual({
      id: RULES[0].id,
      shortDescription: { text: RULES[0].summary },
      defaultConfiguration: { level: 'error' },
    });
    const stale = run.tool.driver.rules!.find((rule) => rule.id === 'reference-stale');
    expect(stale?.defaultConfiguration?.level).toBe('note');

    const results = run.results!;
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['review-overdue', 'error'],
      ['reference-format', 'warning'],
      ['glossary-link-repeated', 'note'],
    ]);
    for (const result of results) {
      expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
    }
    expect(results[0]).toMatchObject({
      message: { text: findings[1]!.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'content/pages/a.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 7, startColumn: 1, endLine: 7, endColumn: 24 },
          },
        },
      ],
    });
    expect(results[1]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 21, startColumn: 5 });
  });

  it('produces a schema-valid log for an empty run', () => {
    const text = formatFindings('sarif', { findings: [], files: 3, version: '0.1.0', color: false });
    expect(text.endsWith('}\n')).toBe(true);
    const log = JSON.parse(text) as ReturnType<typeof toSarif>;
    expectValid(log);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules).toHaveLength(RULES.length + 1);
  });

  it('stays valid for odd file names and rules outside the catalog', () => {
    const odd: Finding = { file: 'content/pages/a:b #1 ü.md', line: 1, column: 1, ruleId: 'plugin-rule', severity: 'warning', message: 'x' };
    const log = toSarif([odd], { version: '0.1.0' });
    expectValid(log);
    const result = log.runs[0]!.results![0]!;
    expect(result.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('content/pages/a%3Ab%20%231%20%C3%BC.md');
    expect(log.runs[0]!.tool.driver.rules![result.ruleIndex!]!.id).toBe('plugin-rule');
  });

  it('fingerprints are stable across calls and input order, and distinct per finding', () => {
    const print = (log: ReturnType<typeof toSarif>) => log.runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    const first = print(toSarif(findings, { version: '0.1.0' }));
    const second = print(toSarif([...findings].reverse(), { version: '0.2.0' }));
    expect(first).toEqual(second);
    expect(first.every((f) => typeof f === 'string' && /^[0-9a-f]{64}:1$/.test(f))).toBe(true);
    expect(new Set(first).size).toBe(first.length);

    // Moving a finding to another line keeps its fingerprint; a second identical one gets its own.
    const moved = print(toSarif([{ ...findings[1]!, line: 30 }], { version: '0.1.0' }));
    expect(moved[0]).toBe(first[0]);
    const twice = print(toSarif([findings[1]!, { ...findings[1]!, line: 40 }], { version: '0.1.0' }));
    expect(twice[0]).toBe(first[0]);
    expect(twice[1]).toBe(first[0]!.replace(/:1$/, ':2'));
  });
});

describe('sarif reporter in pieces', () => {
  const finding = fc.record(
    {
      file: fc.constantFrom('content/pages/a.md', 'content/pages/b b.md', 'content/glossary/z.md'),
      line: fc.integer({ min: 0, max: 500 }),
      column: fc.integer({ min: 0, max: 80 }),
      endLine: fc.integer({ min: 0, max: 500 }),
      endColumn: fc.integer({ min: 0, max: 80 }),
      // A rule outside the catalog gets its own descriptor.
      ruleId: fc.constantFrom('review-overdue', 'sentence-length', 'from-a-plugin'),
      severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
      // Quotes, line breaks, curly quotes and emoji, and the text the pieces are cut at.
      message: fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '\n', '\u201c', '\u{1F600}', '"results": []'), maxLength: 12 }),
    },
    { requiredKeys: ['file', 'line', 'column', 'ruleId', 'severity', 'message'] },
  );

  it('joins to exactly JSON.stringify of the log, pretty-printed', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 10 }), fc.option(fc.constant('https://example.org/pagecare'), { nil: undefined }), (found, informationUri) => {
        const options = informationUri === undefined ? { version: '0.1.0' } : { version: '0.1.0', informationUri };
        expect([...formatSarifInPieces(found, options)].join('')).toBe(`${JSON.stringify(toSarif(found, options), null, 2)}\n`);
      }),
      { numRuns: 1_000 },
    );
  });

  it('comes in pieces of about a megabyte for a large report', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...findings[i % findings.length]!, line: i + 1 }));
    const pieces = [...formatSarifInPieces(many, { version: '0.1.0' })];
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(1.1 * 2 ** 20);
    expect(JSON.parse(pieces.join('')).runs[0].results).toHaveLength(10_000);
  });
});
