import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/finding.js';
import { escapeData, escapeProperty, formatGithub, githubStepSummary } from '../../src/lint/reporters/github.js';
import { summarize } from '../../src/lint/reporters/summary.js';
import { findings, files } from './fixtures.js';

describe('github reporter', () => {
  it('emits one workflow command per finding with the right command per severity', () => {
    expect(formatGithub(findings)).toBe(
      [
        '::error file=content/pages/a.md,line=7,col=1,endLine=7,endColumn=24,title=pagecare review-overdue::Unexpected `next_review` of `2026-01-01` in the past, expected a date on or after `2026-06-01`',
        '::warning file=content/pages/a.md,line=21,col=5,title=pagecare reference-format::Unexpected page range `12-19`, expected an en dash such as `12–19`',
        '::notice file=content/pages/b.md,line=12,col=3,endLine=12,endColumn=40,title=pagecare glossary-link-repeated::Unexpected second link to `chemotherapy`, expected one link per term per page',
        '',
      ].join('\n'),
    );
    expect(formatGithub([])).toBe('');
  });

  it('escapes property values and messages', () => {
    const odd: Finding = {
      file: 'content/pages/a:b,c 100%.md',
      line: 3,
      column: 2,
      ruleId: 'link-broken',
      severity: 'error',
      message: 'Unexpected link, expected a page\r\nsee: a, b 50%',
    };
    expect(formatGithub([odd])).toBe(
      '::error file=content/pages/a%3Ab%2Cc 100%25.md,line=3,col=2,title=pagecare link-broken::Unexpected link, expected a page%0D%0Asee: a, b 50%25\n',
    );
    expect(escapeData('a%b\nc\rd:e,f')).toBe('a%25b%0Ac%0Dd:e,f');
    expect(escapeProperty('a%b\nc\rd:e,f')).toBe('a%25b%0Ac%0Dd%3Ae%2Cf');
  });
});

describe('githubStepSummary', () => {
  it('renders counts and a findings table with pipes escaped', () => {
    const piped: Finding = { ...findings[0]!, message: 'Unexpected `a|b`, expected `a`\nor `b`' };
    const md = githubStepSummary([piped, findings[1]!], summarize([piped, findings[1]!], files));
    expect(md).toBe(
      [
        '## pagecare lint',
        '',
        '| Files | Errors | Warnings | Infos |',
        '| ---: | ---: | ---: | ---: |',
        '| 3 | 1 | 0 | 1 |',
        '',
        '| Location | Severity | Rule | Message |',
        '| --- | --- | --- | --- |',
        '| content/pages/a.md:7 | error | review-overdue | Unexpected `next_review` of `2026-01-01` in the past, expected a date on or after `2026-06-01` |',
        '| content/pages/b.md:12 | info | glossary-link-repeated | Unexpected `a\\|b`, expected `a`<br>or `b` |',
        '',
      ].join('\n'),
    );
  });

  it('says so when clean and caps long tables', () => {
    expect(githubStepSummary([], summarize([], 4))).toContain('✔ 4 files checked, no problems.');
    const md = githubStepSummary(findings, summarize(findings, files), { maxRows: 1 });
    expect(md.match(/^\| content\//gm)).toHaveLength(1);
    expect(md).toContain('… and 2 more findings not listed.');
  });
});
