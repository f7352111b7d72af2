import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/config/config-error.js';
import { lint } from '../../../src/lint/engine.js';
import type { Finding } from '../../../src/lint/finding.js';
import { mergeReports, mergeSarifLogs } from '../../../src/lint/merge-reports.js';
import { formatFindings, type Format } from '../../../src/lint/reporters/index.js';
import { toSarif } from '../../../src/lint/reporters/sarif.js';
import { selectShard } from '../../../src/lint/shard.js';
import { findings as reporterFindings } from '../../reporters/fixtures.js';
import { TODAY } from '../../rules/expectations.js';

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules/repo');

/** The official SARIF 2.1.0 schema, loaded as test/reporters/sarif.test.ts loads it. */
function sarifValidator() {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: String(id) });
}

const report = (format: Format, findings: readonly Finding[], files: readonly string[]) =>
  formatFindings(format, { findings, files, version: '0.1.0', color: false });

describe('merging the reports of a sharded run of the rule fixtures', () => {
  let all: { findings: Finding[]; files: string[] };
  let shards: Array<{ findings: Finding[]; files: string[] }>;
  beforeAll(async () => {
    all = await lint({ cwd: repo, today: TODAY });
    shards = [];
    for (let index = 1; index <= 3; index++) {
      const paths = selectShard(all.files, { index, count: 3 });
      expect(paths.length).toBeGreaterThan(0);
      shards.push(await lint({ cwd: repo, today: TODAY, paths }));
    }
  });

  it('splits the files between the shards and finds the same findings', () => {
    expect(shards.flatMap((s) => s.files).sort()).toEqual([...all.files].sort());
    expect(shards.flatMap((s) => s.findings).length).toBe(all.findings.length);
    expect(all.findings.some((f) => f.severity === 'error')).toBe(true);
  });

  it('JSON: the merged report is the unsharded report', () => {
    const inputs = shards.map((s, i) => ({ name: `shard-${i + 1}.json`, text: report('json', s.findings, s.files) }));
    const merged = mergeReports(inputs);
    const unsharded = report('json', all.findings, all.files);
    expect(merged.format).toBe('json');
    expect(JSON.parse(merged.text)).toEqual(JSON.parse(unsharded));
    expect(merged.text).toBe(unsharded);
    expect(merged.errors).toBe(all.findings.filter((f) => f.severity === 'error').length);
  });

  it('SARIF: the merged log has the unsharded results and validates against the schema', () => {
    const inputs = shards.map((s, i) => ({ name: `shard-${i + 1}.sarif`, text: report('sarif', s.findings, s.files) }));
    const merged = mergeReports(inputs);
    const unsharded = JSON.parse(report('sarif', all.findings, all.files)) as Log;
    const log = JSON.parse(merged.text) as Log;
    expect(merged.format).toBe('sarif');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.results).toEqual(unsharded.runs[0]!.results);
    expect(log).toEqual(unsharded);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(merged.errors).toBe(all.findings.filter((f) => f.severity === 'error').length);
  });
});

describe('mergeSarifLogs', () => {
  it('keeps rules outside the catalog and recomputes ruleIndex against the merged rules', () => {
    const plugin = (file: string, ruleId: string): Finding => ({ file, line: 2, column: 1, ruleId, severity: 'warning', message: `Unexpected ${ruleId}, expected none` });
    const findings = [...reporterFindings, plugin('content/pages/b.md', 'x-plugin-b'), plugin('content/pages/a.md', 'x-plugin-a'), plugin('content/pages/b.md', 'x-plugin-a')];
    const byFile = (file: string) => findings.filter((f) => f.file === file);
    // The shard with b.md comes first, so its extra rule is first in its own log.
    const merged = mergeSarifLogs([toSarif(byFile('content/pages/b.md'), { version: '1' }), toSarif(byFile('content/pages/a.md'), { version: '1' })]);
    expect(merged).toEqual(toSarif(findings, { version: '1' }));
    const run = merged.runs[0]!;
    for (const result of run.results!) expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  it('sorts by the decoded file path, as the reporters do', () => {
    const finding = (file: string): Finding => ({ file, line: 1, column: 1, ruleId: 'link-broken', severity: 'error', message: 'Broken link, expected a page' });
    // Encoded, `aé` (`a%C3%A9`) would sort before `a~`; decoded it sorts after.
    const findings = ['content/pages/a b.md', 'content/pages/a~.md', 'content/pages/aé.md'].map(finding);
    const merged = mergeSarifLogs(findings.map((f) => toSarif([f], { version: '1' })).reverse());
    expect(merged.runs[0]!.results).toEqual(toSarif(findings, { version: '1' }).runs[0]!.results);
  });
});

describe('mergeReports input errors', () => {
  const json = formatFindings('json', { findings: reporterFindings, files: 3, version: '1', color: false });
  const sarif = formatFindings('sarif', { findings: reporterFindings, files: 3, version: '1', color: false });

  it('sums the summary and counts errors of clean and failing reports', () => {
    const clean = formatFindings('json', { findings: [], files: 4, version: '1', color: false });
    const merged = mergeReports([{ name: 'a', text: json }, { name: 'b', text: clean }]);
    expect(JSON.parse(merged.text).summary).toEqual({ files: 7, errors: 1, warnings: 1, infos: 1 });
    expect(merged.errors).toBe(1);
    expect(mergeReports([{ name: 'b', text: clean }]).errors).toBe(0);
  });

  it.each([
    ['not JSON', [{ name: 'broken.json', text: '{"messages": [' }], undefined, /`broken.json` is not JSON/],
    ['not a report', [{ name: 'other.json', text: '{"results": []}' }], undefined, /`other.json` is not a valid JSON report/],
    ['a bad message', [{ name: 'bad.json', text: '{"messages":[{"file":1}],"summary":{"files":1,"errors":0,"warnings":0,"infos":0}}' }], undefined, /`bad.json` .*messages\.0\.file/],
    ['a SARIF log of another version', [{ name: 'old.sarif', text: '{"version":"2.0.0","runs":[]}' }], undefined, /`old.sarif` is not a valid SARIF log/],
    ['mixed formats', [{ name: 'a.json', text: json }, { name: 'b.sarif', text: sarif }], undefined, /`b.sarif` is a SARIF log but `a.json` is a JSON report/],
    ['a format other than --format', [{ name: 'a.json', text: json }], 'sarif' as const, /`a.json` is a JSON report, expected a SARIF log \(--format sarif\)/],
    ['no inputs', [], undefined, /No reports to merge/],
  ])('rejects %s, naming the file', (_, inputs, format, message) => {
    expect(() => mergeReports(inputs, format)).toThrow(UsageError);
    expect(() => mergeReports(inputs, format)).toThrow(message);
  });
});
