import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Span } from '../content/front-matter.js';
import type { ContentKind, PreparedFile } from './context.js';
import type { ActiveSeverity, RuleId } from '../rules/catalog.js';

export interface Place {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface RuleApi {
  tree: Root;
  file: VFile;
  prepared: PreparedFile;
  options: Record<string, unknown>;
  /** Report at a place; `cap` lowers this one message's severity (unknown fields are warnings). */
  report(message: string, place: Place | Span | undefined, cap?: ActiveSeverity): void;
}

type RuleBody = (api: RuleApi) => void;

/** Severity ceiling carried by a message until the preset applies configured severities. */
export const SEVERITY_CAP = Symbol('pagecare.severityCap');
export type CappedMessage = VFileMessage & { [SEVERITY_CAP]?: ActiveSeverity };

/**
 * A pagecare rule: a unified-lint-rule plugin that only runs on the kinds of
 * file it governs and reads the shared, prepared front matter and index.
 */
export function defineRule(id: RuleId, kinds: readonly ContentKind[], body: RuleBody) {
  return lintRule<Root, undefined>({ origin: `pagecare:${id}` }, (tree, file) => {
    const prepared = file.data.pagecare;
    if (!prepared || !kinds.includes(prepared.kind) || file.data.rulesApart?.has(id)) return;
    // In the remark CLI or an editor every rule is attached; the file's own config says which run, with what options.
    const config = prepared.context.config;
    if (config.severities[id] === 'off') return;
    const report: RuleApi['report'] = (message, place, cap) => {
      const start = { line: place?.line ?? 1, column: place?.column ?? 1 };
      const end = place?.endLine ? { line: place.endLine, column: place.endColumn ?? 1 } : undefined;
      // A message is an Error: without this, each one captures a stack trace nobody reads (about 1% of a lint).
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      let msg: CappedMessage;
      try {
        msg = file.message(message, { place: end ? { start, end } : start }) as CappedMessage;
      } finally {
        Error.stackTraceLimit = limit;
      }
      if (cap) msg[SEVERITY_CAP] = cap;
    };
    try {
      body({ tree, file, prepared, options: config.ruleOptions[id] ?? {}, report });
    } catch (error) {
      // A fault in one rule is a finding on this file, never a crashed run.
      report(`Internal error in rule \`${id}\` (${(error as Error).message}); the other rules still ran, please report this`, { line: 1 });
    }
  });
}
