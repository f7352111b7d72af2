import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { FILE_TOO_COMPLEX, RULES, type RuleMeta } from '../../rules/catalog.js';
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
  // Off-by-default rules say so; file-too-complex is the engine's own finding, always on.
  const rules: ReportingDescriptor[] = [...RULES, FILE_TOO_COMPLEX].map((rule: RuleMeta) => ({
    id: rule.id,
    shortDescription: { text: rule.summary },
    defaultConfiguration: { level: LEVEL[rule.severity], ...(rule.enabled === false ? { enabled: false } : {}) },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sorted = [...findings].sort(compareFindings);
  // Rule ids outside the catalog (e.g. from a plugin) still get a descriptor so ruleIndex stays valid.
  for (const finding of sorted) {
    if (!ruleIndex.has(finding.ruleId)) {
      ruleIndex.set(finding.ruleId, rules.length);
      rules.push({ id: finding.ruleId, defaultConfiguration: { level: LEVEL[finding.severity] } });
    }
  }

  const seen = new Map<string, number>();
  const results: Result[] = sorted.map((finding) => {
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
    return {
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
  });

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

/** `pagecare lint --format sarif`: the log pretty-printed with two spaces and a trailing newline. */
export function formatSarif(findings: readonly Finding[], options: SarifOptions): string {
  return `${JSON.stringify(toSarif(findings, options), null, 2)}\n`;
}
