import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lint/reporters/json.js';
import { summarize } from '../../src/lint/reporters/summary.js';
import { findings, files } from './fixtures.js';

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
