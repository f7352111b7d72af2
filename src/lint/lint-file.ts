import type { Processor } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { ContentIndex, Dependency } from '../content/content-index.js';
import { splitFrontMatter } from '../content/front-matter.js';
import { FILE_TOO_COMPLEX } from '../rules/catalog.js';
import { measureFile, type FileMetrics } from './file-metrics.js';
import { checkLinks, checksLinks, LINK_RULES, linkRecords, storedLinks } from './link-recheck.js';
import { mayHaveMarkers } from './message-control.js';
import { compareInFile, type Finding } from './finding.js';
import { MAX_NESTING, screen, type Screen } from './screen.js';

export type LintProcessor = Processor<Root, undefined, undefined, undefined, undefined>;

/** A finding before it is placed in a file (the cache and workers keep findings this way). */
export type FileFinding = Omit<Finding, 'file'>;

export interface FileResult {
  findings: FileFinding[];
  /** What the findings depend on elsewhere in the repository, with each one's fingerprint then. */
  dependencies: Array<[Dependency, string]>;
  /** Last day the findings hold as they are (date rules); null when they hold until the file changes. */
  validUntil: string | null;
  /** What was measured for the reports (src/lint/file-metrics.ts). */
  metrics: FileMetrics;
  /** The page's glossary links, checked apart from the tree (src/lint/link-recheck.ts), with what their findings depend on. */
  links?: { records: string; dependencies: Array<[Dependency, string]> } | undefined;
}

export interface LintFileOptions {
  path: string;
  cwd: string;
  /** The bytes' screen when the caller already made it (to choose a thread). */
  screen?: Screen;
}

/**
 * Lint one file's bytes with a frozen processor: one parse, every rule on
 * that tree, noting what the findings depend on for the cache. A file nested
 * deeper than any page needs is refused before the parse, which it would stall.
 */
export async function lintFile(processor: LintProcessor, index: ContentIndex, bytes: Uint8Array, options: LintFileOptions): Promise<FileResult> {
  // Decode once; invalid UTF-8 becomes U+FFFD, which `file-encoding` reports, rather than a failure.
  const text = new TextDecoder().decode(bytes);
  const { depth, depthLine } = options.screen ?? screen(bytes);
  if (depth > MAX_NESTING) {
    const refusal = fileTooComplex(
      `Markdown nested ${depth} levels deep (lists or block quotes opened on one line), so the body was not checked; expected at most ${MAX_NESTING} levels`,
      depthLine,
    );
    const part = frontMatterPart(text);
    // Nesting inside the front matter itself: nothing can be checked safely.
    if (!part || depthLine <= part.endLine) return { findings: [refusal], dependencies: [], validUntil: null, metrics: {} };
    const checked = await lintText(processor, index, part.text, options);
    // The body was not read, so it was not measured.
    return { ...checked, findings: [refusal, ...checked.findings.filter((finding) => finding.line <= part.endLine)], metrics: {} };
  }
  return lintText(processor, index, text, options);
}

async function lintText(processor: LintProcessor, index: ContentIndex, text: string, options: LintFileOptions): Promise<FileResult> {
  const file = new VFile({ path: options.path, cwd: options.cwd, value: text });
  // A marker could silence a link's finding, which the stored links could not tell: those pages are checked whole.
  if (!mayHaveMarkers(text)) file.data.rulesApart = LINK_RULES;
  const dependencies = new Set<Dependency>();
  let links: FileResult['links'];
  let apart: FileFinding[] = [];
  index.recordInto(dependencies);
  let metrics: FileMetrics = {};
  try {
    const tree = processor.parse(file);
    await processor.run(tree, file);
    metrics = measureFile(tree, file);
    const prepared = file.data.pagecare;
    const records = file.data.rulesApart && prepared && checksLinks(prepared.context.config) ? linkRecords(tree) : [];
    if (prepared && records.length > 0) {
      const checked = checkLinks(records, prepared.context);
      apart = checked.findings;
      links = { records: storedLinks(records), dependencies: checked.dependencies };
    }
  } catch (error) {
    file.message(`Cannot check this file (${(error as Error).message}), expected Markdown pagecare can parse`, {
      place: { line: 1, column: 1 },
      ruleId: FILE_TOO_COMPLEX.id,
      source: 'pagecare',
    }).fatal = true;
  } finally {
    index.recordInto(undefined);
  }
  const findings = file.messages.map(
    (message): FileFinding => ({
      line: message.line ?? 1,
      column: message.column ?? 1,
      ...(message.place && 'end' in message.place && message.place.end.line
        ? { endLine: message.place.end.line, endColumn: message.place.end.column }
        : {}),
      ruleId: message.ruleId ?? 'internal',
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      message: message.reason,
    }),
  );
  return {
    findings: [...findings, ...apart].sort(compareInFile),
    dependencies: index.fingerprinted(dependencies),
    validUntil: file.data.pagecare?.clock.validUntil?.toString() ?? null,
    metrics,
    ...(links ? { links } : {}),
  };
}

/**
 * The front matter alone (`---` to `---`) and its last line, for a file whose
 * body is not checked: the findings on those lines are the front matter's own.
 * Undefined when there is no closed front matter.
 */
export function frontMatterPart(text: string): { text: string; endLine: number } | undefined {
  const block = splitFrontMatter(text);
  if (!block.closed) return undefined;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { text: text.slice(0, bom + block.bodyOffset), endLine: block.endLine };
}

export function fileTooComplex(message: string, line = 1): FileFinding {
  return { line, column: 1, ruleId: FILE_TOO_COMPLEX.id, severity: FILE_TOO_COMPLEX.severity, message };
}
