import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import * as z from '../zod.js';
import { UsageError } from '../config/config-error.js';
import { compareFindings } from './finding.js';
import type { JsonReport } from './reporters/json.js';

export const MERGE_FORMATS = ['json', 'sarif'] as const;
export type MergeFormat = (typeof MERGE_FORMATS)[number];

export interface ReportInput {
  /** Where the text came from, for error messages. */
  name: string;
  text: string;
}

export interface MergedReport {
  format: MergeFormat;
  /** Pretty-printed like `pagecare lint` prints it, with a trailing newline. */
  text: string;
  /** Findings of severity error: the merged run fails when there are any. */
  errors: number;
}

const count = z.int().check(z.minimum(0));
const jsonReportSchema = z.object({
  messages: z.array(
    z.object({
      file: z.string(),
      line: count,
      column: count,
      ruleId: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
    }),
  ),
  summary: z.object({ files: count, errors: count, warnings: count, infos: count }),
});

/** Only what merging reads is checked; everything else in the log is carried through untouched. */
const sarifLogSchema = z.looseObject({
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.looseObject({
        tool: z.looseObject({ driver: z.looseObject({ name: z.string(), rules: z.optional(z.array(z.looseObject({ id: z.string() }))) }) }),
        results: z.optional(z.array(z.looseObject({ ruleId: z.optional(z.string()), message: z.looseObject({ text: z.optional(z.string()) }) }))),
      }),
    )
    .check(z.minLength(1)),
});

export type ParsedReport = { format: 'json'; report: JsonReport } | { format: 'sarif'; log: Log };

/**
 * Combine the reports of the shards of one run into the report an unsharded
 * run prints. The format is the inputs' own; all must agree (and match
 * `format` when it is given).
 */
export function mergeReports(inputs: readonly ReportInput[], format?: MergeFormat): MergedReport {
  if (inputs.length === 0) throw new UsageError('No reports to merge, expected the JSON or SARIF files of a sharded lint run');
  const parsed = inputs.map((input) => parseReport(input));
  const want = format ?? parsed[0]!.format;
  parsed.forEach((report, i) => {
    if (report.format === want) return;
    const name = `\`${inputs[i]!.name}\``;
    throw new UsageError(
      format
        ? `${name} is a ${label(report.format)}, expected a ${label(want)} (--format ${format})`
        : `${name} is a ${label(report.format)} but \`${inputs[0]!.name}\` is a ${label(want)}, expected reports of one format`,
    );
  });
  if (want === 'json') {
    const report = mergeJsonReports(parsed.flatMap((p) => (p.format === 'json' ? [p.report] : [])));
    return { format: want, text: pretty(report), errors: report.summary.errors };
  }
  const log = mergeSarifLogs(parsed.flatMap((p) => (p.format === 'sarif' ? [p.log] : [])));
  const errors = (log.runs[0]!.results ?? []).filter((r) => (r.level ?? 'warning') === 'error').length;
  return { format: want, text: pretty(log), errors };
}

function label(format: MergeFormat): string {
  return format === 'json' ? 'JSON report' : 'SARIF log';
}

function pretty(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** One input as a JSON report or a SARIF log; UsageError naming the input otherwise. */
export function parseReport({ name, text }: ReportInput): ParsedReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`\`${name}\` is not JSON (${(error as Error).message}), expected the JSON or SARIF output of pagecare lint`);
  }
  const isSarif = typeof value === 'object' && value !== null && 'runs' in value;
  const result = isSarif ? sarifLogSchema.safeParse(value) : jsonReportSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new UsageError(`\`${name}\` is not a valid ${isSarif ? 'SARIF log' : 'JSON report'} (${issue.message}${where}), expected the output of pagecare lint --format ${isSarif ? 'sarif' : 'json'}`);
  }
  return isSarif ? { format: 'sarif', log: result.data as Log } : { format: 'json', report: result.data as JsonReport };
}

/** Messages concatenated in the reporters' order, counts summed (each file was checked by one shard). */
export function mergeJsonReports(reports: readonly JsonReport[]): JsonReport {
  const messages = reports.flatMap((report) => report.messages).sort(compareFindings);
  const summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  for (const report of reports) {
    summary.files += report.summary.files;
    summary.errors += report.summary.errors;
    summary.warnings += report.summary.warnings;
    summary.infos += report.summary.infos;
  }
  return { messages, summary };
}

/**
 * One run: the first log's tool and settings, every result sorted as the SARIF
 * reporter sorts findings, `ruleIndex` pointing into the merged rules. Rules
 * every shard lists (the catalog) keep the first log's order; rules only some
 * shards added (ids outside the catalog) follow in order of first use, as in
 * an unsharded log. Fingerprints are kept: each file was in one shard, so
 * their per-file occurrence counts are already those of an unsharded run.
 */
export function mergeSarifLogs(logs: readonly Log[]): Log {
  const runs = logs.flatMap((log) => log.runs);
  const first = runs[0]!;
  const ruleLists = runs.map((run) => run.tool.driver.rules ?? []);
  const rules: ReportingDescriptor[] = ruleLists[0]!.filter((rule) => ruleLists.every((list) => list.some((r) => r.id === rule.id)));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const addRule = (rule: ReportingDescriptor) => {
    if (ruleIndex.has(rule.id)) return;
    ruleIndex.set(rule.id, rules.length);
    rules.push(rule);
  };
  const descriptor = new Map<string, ReportingDescriptor>();
  for (const rule of ruleLists.flat()) if (!descriptor.has(rule.id)) descriptor.set(rule.id, rule);

  const sorted = runs.flatMap((run) => run.results ?? []).sort(compareResults);
  for (const result of sorted) {
    const rule = result.ruleId === undefined ? undefined : descriptor.get(result.ruleId);
    if (rule) addRule(rule);
  }
  for (const rule of descriptor.values()) addRule(rule);
  const results = sorted.map((result): Result => (result.ruleId === undefined ? result : { ...result, ruleIndex: ruleIndex.get(result.ruleId)! }));

  const run: Run = { ...first, tool: { ...first.tool, driver: { ...first.tool.driver, rules } }, results };
  return { ...logs[0]!, runs: [run] };
}

/** compareFindings on results: file (the decoded URI), line, column, rule, message. */
function compareResults(a: Result, b: Result): number {
  return compareFindings(asFinding(a), asFinding(b));
}

function asFinding(result: Result) {
  const location = result.locations?.[0]?.physicalLocation;
  const uri = location?.artifactLocation?.uri ?? '';
  return {
    file: safeDecode(uri),
    line: location?.region?.startLine ?? 0,
    column: location?.region?.startColumn ?? 0,
    ruleId: result.ruleId ?? '',
    severity: 'info' as const,
    message: result.message.text ?? '',
  };
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
