import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { LintContext } from '../lint/context.js';
import { SEVERITY_CAP, type CappedMessage } from '../lint/define-rule.js';
import { applyMessageControl, mayHaveMarkers } from '../lint/message-control.js';
import { prepareFile } from '../lint/prepare.js';
import { standaloneContext, type StandaloneOptions } from './preset-context.js';
import { SEVERITY_RANK, type ActiveSeverity, type RuleId } from './catalog.js';
import remarkFrontMatterApart from './front-matter-apart.js';
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
import reviewSignoff from './review-signoff.js';
import referenceUnchecked from './reference-unchecked.js';
import readability from './readability.js';
import sentenceLength from './sentence-length.js';
import glossaryTermUnlinked from './glossary-term-unlinked.js';

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
  'review-signoff': reviewSignoff,
  'reference-unchecked': referenceUnchecked,
  readability,
  'sentence-length': sentenceLength,
  'glossary-term-unlinked': glossaryTermUnlinked,
};

export interface PresetOptions extends StandaloneOptions {
  /** A ready context (what `pagecare lint` passes); otherwise one is found for each file. */
  context?: LintContext;
}

/**
 * The pagecare rules as one remark plugin: usable from `.remarkrc.mjs`
 * (`plugins: ['pagecare/preset']`) and by `pagecare lint`, with the same findings.
 * Given a context, only the rules it switches on are attached; otherwise each
 * file's repository decides (see preset-context.ts), so every rule is
 * attached and one that file's config switches off stays silent.
 */
export default function remarkPresetPagecare(this: Processor, options: PresetOptions = {}): void {
  const given = options.context;
  const contextOf = given ? () => Promise.resolve(given) : standaloneContext(options);

  this.use(remarkFrontmatter, ['yaml']);
  this.use(remarkFrontMatterApart);
  this.use(() => async (_tree: Root, file: VFile) => prepareFile(await contextOf(file), file));
  for (const [id, plugin] of Object.entries(rulePlugins) as Array<[RuleId, (typeof rulePlugins)[RuleId]]>) {
    const severity = given ? given.config.severities[id] : 'warning';
    if (severity === 'off') continue;
    this.use(plugin, severity === 'error' ? 'error' : 'warn');
  }
  this.use(() => (tree: Root, file: VFile) => {
    const config = file.data.pagecare?.context.config;
    if (config) applySeverities(file, config.severities);
    if (mayHaveMarkers(String(file.value))) applyMessageControl(tree, file);
  });
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
