import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { FILE_TOO_COMPLEX, RULES, type RuleMeta } from '../../rules/catalog.js';
import { inPieces } from '../../fs/in-pieces.js';
import { compareFindings, type Finding } from '../finding.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of the partial fingerprint: bump the version if the hashed inputs ever change. */
export const FINGERPRINT_KEY = 'pagecare/v1';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifOptions {
  /** pagecare's version (tool.driver.version). */
  version: string;
  informationUri?: string;
}

/** A file path as a relative URI reference (each segment percent-encoded, `/` kept). */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * Stable identity of a finding for code scanning: sha256 of rule id, file and message (not the
 * line, so alerts survive edits above them), plus `:n` for the n-th identical finding in the file.
 */
function fingerprint(finding: Finding, occurrence: number): string {
  const hash = createHash('sha256').update(`${finding.ruleId}\0${finding.file}\0${finding.message}`).digest('hex');
  return `${hash}:${occurrence}`;
}

/** The SARIF 2.1.0 log object: one run, every catalog rule, one result per finding. */
export function toSarif(findings: readonly Finding[], options: SarifOptions): Log {
  const sorted = [...findings].sort(compareFindings);
  const { rules, ruleIndex } = sarifRules(sorted);
  return sarifLog(rules, [...sarifResults(sorted, ruleIndex)], options);
}

/**
 * `pagecare lint --format sarif`: the log pretty-printed with two spaces and a trailing
 * newline, in pieces of about a megabyte, a result at a time, to be written as it
 * comes: the log as one object and one string was the whole report twice over (formatJsonInPieces
 * says what that cost the JSON report at 10,000 pages), and SARIF says more per finding.
 */
export function formatSarifInPieces(findings: readonly Finding[], options: SarifOptions): Iterable<string> {
  const sorted = [...findings].sort(compareFindings);
  const { rules, ruleIndex } = sarifRules(sorted);
  const skeleton = `${JSON.stringify(sarifLog(rules, [], options), null, 2)}\n`;
  // `results` is the run's last key: everything after it closes the run and the log.
  const at = skeleton.lastIndexOf(EMPTY_RESULTS);
  return inPieces(
    (function* () {
      if (sorted.length === 0) {
        yield skeleton;
        return;
      }
      yield `${skeleton.slice(0, at)}"results": [\n`;
      let first = true;
      for (const result of sarifResults(sorted, ruleIndex)) {
        // What JSON.stringify(log, null, 2) prints for each result, indented to its depth.
        yield `${first ? '' : ',\n'}${RESULT_INDENT}${JSON.stringify(result, null, 2).replaceAll('\n', `\n${RESULT_INDENT}`)}`;
        first = false;
      }
      yield `\n      ]${skeleton.slice(at + EMPTY_RESULTS.length)}`;
    })(),
  );
}

const EMPTY_RESULTS = '"results": []';
/** Results sit in log.runs[0].results: four levels deep. */
const RESULT_INDENT = ' '.repeat(8);

/** Every catalog rule, then any other rule id a finding has (e.g. from a plugin), so ruleIndex stays valid. */
function sarifRules(sorted: readonly Finding[]): { rules: ReportingDescriptor[]; ruleIndex: Map<string, number> } {
  // Off-by-default rules say so; file-too-complex is the engine's own finding, always on.
  const rules: ReportingDescriptor[] = [...RULES, FILE_TOO_COMPLEX].map((rule: RuleMeta) => ({
    id: rule.id,
    shortDescription: { text: rule.summary },
    defaultConfiguration: { level: LEVEL[rule.severity], ...(rule.enabled === false ? { enabled: false } : {}) },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  for (const finding of sorted) {
    if (!ruleIndex.has(finding.ruleId)) {
      ruleIndex.set(finding.ruleId, rules.length);
      rules.push({ id: finding.ruleId, defaultConfiguration: { level: LEVEL[finding.severity] } });
    }
  }
  return { rules, ruleIndex };
}

/** One result per finding, made as asked. */
function* sarifResults(sorted: readonly Finding[], ruleIndex: ReadonlyMap<string, number>): Generator<Result> {
  const seen = new Map<string, number>();
  for (const finding of sorted) {
    const key = `${finding.ruleId}\0${finding.file}\0${finding.message}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const startLine = Math.max(1, finding.line);
    const region: NonNullable<NonNullable<Result['locations']>[number]['physicalLocation']>['region'] = {
      startLine,
      startColumn: Math.max(1, finding.column),
    };
    if (finding.endLine !== undefined && finding.endLine >= startLine) region.endLine = finding.endLine;
    if (finding.endColumn !== undefined && finding.endColumn >= 1) region.endColumn = finding.endColumn;
    yield {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(finding.file), uriBaseId: '%SRCROOT%' },
            region,
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding, occurrence) },
    };
  }
}

function sarifLog(rules: ReportingDescriptor[], results: Result[], options: SarifOptions): Log {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pagecare',
            version: options.version,
            ...(options.informationUri !== undefined ? { informationUri: options.informationUri } : {}),
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
