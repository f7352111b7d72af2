import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareFindings, type Finding } from '../../src/lint/finding.js';
import { formatFindings } from '../../src/lint/reporters/index.js';
import { formatJsonInPieces } from '../../src/lint/reporters/json.js';
import { summarize } from '../../src/lint/reporters/summary.js';
import { findings, files } from './fixtures.js';

const formatJson = (found: readonly Finding[], count: readonly string[] | number) => formatFindings('json', { findings: found, files: count, version: '0.1.0', color: false });

describe('summarize', () => {
  it('counts files and findings by severity', () => {
    expect(summarize(findings, files)).toEqual({ files: 3, errors: 1, warnings: 1, infos: 1 });
    expect(summarize([], 0)).toEqual({ files: 0, errors: 0, warnings: 0, infos: 0 });
  });
});

describe('json reporter', () => {
  it('prints exactly the output contract', () => {
    const text = formatJson(findings, files);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const parsed: unknown = JSON.parse(text);
    expect(parsed).toStrictEqual({
      messages: [
        {
          file: 'content/pages/a.md',
          line: 7,
          column: 1,
          ruleId: 'review-overdue',
          severity: 'error',
          message: 'Unexpected `next_review` of `2026-01-01` in the past, expected a date on or after `2026-06-01`',
        },
        {
          file: 'content/pages/a.md',
          line: 21,
          column: 5,
          ruleId: 'reference-format',
          severity: 'warning',
          message: 'Unexpected page range `12-19`, expected an en dash such as `12–19`',
        },
        {
          file: 'content/pages/b.md',
          line: 12,
          column: 3,
          ruleId: 'glossary-link-repeated',
          severity: 'info',
          message: 'Unexpected second link to `chemotherapy`, expected one link per term per page',
        },
      ],
      summary: { files: 3, errors: 1, warnings: 1, infos: 1 },
    });
  });

  it('keeps the contract key order', () => {
    const parsed = JSON.parse(formatJson(findings, files)) as { messages: object[]; summary: object };
    expect(Object.keys(parsed)).toEqual(['messages', 'summary']);
    expect(Object.keys(parsed.messages[0]!)).toEqual(['file', 'line', 'column', 'ruleId', 'severity', 'message']);
    expect(Object.keys(parsed.summary)).toEqual(['files', 'errors', 'warnings', 'infos']);
  });

  it('prints an empty run', () => {
    expect(formatJson([], 2)).toBe(
      '{\n  "messages": [],\n  "summary": {\n    "files": 2,\n    "errors": 0,\n    "warnings": 0,\n    "infos": 0\n  }\n}\n',
    );
  });
});

describe('json reporter in pieces', () => {
  // The contract object the plain way: the keys in their order, messages sorted by file, line and column.
  const contract = (found: Finding[], count: number) => ({
    messages: [...found].sort(compareFindings).map(({ file, line, column, ruleId, severity, message }) => ({ file, line, column, ruleId, severity, message })),
    summary: summarize(found, count),
  });
  const severity = fc.constantFrom('error' as const, 'warning' as const, 'info' as const);
  const finding = fc.record({
    file: fc.constantFrom('content/pages/a.md', 'content/pages/b.md', 'content/glossary/z.md'),
    line: fc.integer({ min: 1, max: 500 }),
    column: fc.integer({ min: 1, max: 80 }),
    ruleId: fc.constantFrom('review-overdue', 'sentence-length', 'reference-format'),
    severity,
    // Quotes, line breaks, curly quotes and emoji: everything JSON escapes or keeps as it is.
    message: fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '\n', '\u201c', '\u2019', '\u{1F600}', '`'), maxLength: 30 }),
  });

  it('joins to exactly JSON.stringify of the contract object, pretty-printed', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 12 }), fc.integer({ min: 0, max: 20 }), (found, files) => {
        const whole = `${JSON.stringify(contract(found, files), null, 2)}\n`;
        expect([...formatJsonInPieces(found, files)].join('')).toBe(whole);
        expect(formatJson(found, files)).toBe(whole);
      }),
      { numRuns: 2_000 },
    );
  });

  it('comes in pieces of about a megabyte for a large report', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ...findings[i % findings.length]!, line: i + 1 }));
    const pieces = [...formatJsonInPieces(many, 1)];
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(1.1 * 2 ** 20);
    expect(JSON.parse(pieces.join('')).messages).toHaveLength(20_000);
  });
});
