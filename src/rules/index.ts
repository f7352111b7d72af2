import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import path from 'node:path';
import { loadConfig, type ResolvedConfig } from '../config/load-config.js';
import type { LintContext } from '../lint/context.js';
import { SEVERITY_CAP, type CappedMessage } from '../lint/define-rule.js';
import { loadContext } from '../lint/load-context.js';
import { applyMessageControl } from '../lint/message-control.js';
import { prepareFile } from '../lint/prepare.js';
import { SEVERITY_RANK, type ActiveSeverity, type RuleId } from './catalog.js';
import fileEncoding from './file-encoding.js';
import frontmatterMissing from './frontmatter-missing.js';
import frontmatterInvalid from './frontmatter-invalid.js';
import frontmatterSchema from './frontmatter-schema.js';
import ownerUnknown from './owner-unknown.js';
import reviewDateInvalid from './review-date-invalid.js';
import reviewDateOrder from './review-date-order.js';
import reviewIntervalTooLong from './review-interval-too-long.js';
import reviewOverdue from './review-overdue.js';
import reviewDueSoon from './review-due-soon.js';
import referencesMissing from './references-missing.js';
import referenceIncomplete from './reference-incomplete.js';
import referenceFormat from './reference-format.js';
import referenceDuplicate from './reference-duplicate.js';
import referenceStale from './reference-stale.js';
import glossaryLinkUnknown from './glossary-link-unknown.js';
import glossaryLinkText from './glossary-link-text.js';
import glossaryLinkRepeated from './glossary-link-repeated.js';
import linkBroken from './link-broken.js';

/** Every rule plugin by id; the catalog holds their default severities. */
export const rulePlugins: Record<RuleId, ReturnType<typeof import('../lint/define-rule.js').defineRule>> = {
  'file-encoding': fileEncoding,
  'frontmatter-missing': frontmatterMissing,
  'frontmatter-invalid': frontmatterInvalid,
  'frontmatter-schema': frontmatterSchema,
  'owner-unknown': ownerUnknown,
  'review-date-invalid': reviewDateInvalid,
  'review-date-order': reviewDateOrder,
  'review-interval-too-long': reviewIntervalTooLong,
  'review-overdue': reviewOverdue,
  'review-due-soon': reviewDueSoon,
  'references-missing': referencesMissing,
  'reference-incomplete': referenceIncomplete,
  'reference-format': referenceFormat,
  'reference-duplicate': referenceDuplicate,
  'reference-stale': referenceStale,
  'glossary-link-unknown': glossaryLinkUnknown,
  'glossary-link-text': glossaryLinkText,
  'glossary-link-repeated': glossaryLinkRepeated,
  'link-broken': linkBroken,
};

export interface PresetOptions {
  /** A ready context (what `pagecare lint` passes); otherwise one is loaded for `cwd`. */
  context?: LintContext;
  cwd?: string;
  config?: string;
  today?: string;
}

/**
 * The pagecare rules as one remark plugin: usable from `.remarkrc.mjs`
 * (`plugins: ['pagecare/preset']`) and by `pagecare lint`, with the same findings.
 */
export default function remarkPresetPagecare(this: Processor, options: PresetOptions = {}): void {
  const shared = options.context ? undefined : sharedContext(options);
  const config = options.context?.config ?? shared!.config;
  const context = options.context ? () => Promise.resolve(options.context!) : shared!.context;

  this.use(remarkFrontmatter, ['yaml']);
  this.use(() => async (_tree: Root, file: VFile) => prepareFile(await context(), file));
  for (const [id, plugin] of Object.entries(rulePlugins) as Array<[RuleId, (typeof rulePlugins)[RuleId]]>) {
    const severity = config.severities[id];
    if (severity === 'off') continue;
    this.use(plugin, [severity === 'error' ? 'error' : 'warn', config.ruleOptions[id]]);
  }
  this.use(() => (tree: Root, file: VFile) => {
    applySeverities(file, config.severities);
    // Message control walks the whole tree: only worth it when the page has a marker.
    if (String(file.value).includes('pagecare-')) applyMessageControl(tree, file);
  });
}

interface SharedContext {
  config: ResolvedConfig;
  context: () => Promise<LintContext>;
}

/**
 * unified-engine (the remark CLI) attaches the preset once per file: the
 * config and the index are loaded once per repository, config file and day,
 * and shared, or every file would rebuild them.
 */
const loaded = new Map<string, SharedContext>();

function sharedContext(options: PresetOptions): SharedContext {
  const key = JSON.stringify([path.resolve(options.cwd ?? process.cwd()), options.config ?? null, options.today ?? process.env.PAGECARE_TODAY ?? null]);
  let shared = loaded.get(key);
  if (!shared) {
    const config = loadConfig({ cwd: options.cwd ?? process.cwd(), configPath: options.config });
    let pending: Promise<LintContext> | undefined;
    shared = { config, context: () => (pending ??= loadContext({ cwd: config.root, config, today: options.today })) };
    loaded.set(key, shared);
  }
  return shared;
}

/** Configured severity, lowered by a message's own cap; info has no `fatal` in vfile terms. */
function applySeverities(file: VFile, severities: Record<RuleId, string>): void {
  for (const message of file.messages as CappedMessage[]) {
    if (message.source !== 'pagecare' || !message.ruleId) continue;
    let severity = (severities[message.ruleId as RuleId] ?? 'error') as ActiveSeverity;
    const cap = message[SEVERITY_CAP];
    if (cap && SEVERITY_RANK[cap] < SEVERITY_RANK[severity]) severity = cap;
    message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  }
}

export { RULES } from './catalog.js';
