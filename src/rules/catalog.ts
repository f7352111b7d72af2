/** Every rule of the content contract with its default severity; the single list the config, preset and reporters share. */
export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type ActiveSeverity = Exclude<Severity, 'off'>;

export interface RuleMeta {
  id: string;
  /** The severity it reports at when on. */
  severity: ActiveSeverity;
  /** false: off unless the config names it (a matter of house style, not a defect every site has). */
  enabled?: false;
  summary: string;
}

export const RULES = [
  { id: 'frontmatter-missing', severity: 'error', summary: 'A page or glossary entry with no YAML front matter.' },
  { id: 'frontmatter-invalid', severity: 'error', summary: 'YAML front matter that does not parse.' },
  { id: 'frontmatter-schema', severity: 'error', summary: 'A required field missing or of the wrong type; unknown fields as a warning.' },
  { id: 'owner-unknown', severity: 'error', summary: 'An owner or reviewers handle not in editors.yml.' },
  { id: 'review-date-invalid', severity: 'error', summary: 'A date that is not a real ISO 8601 calendar date.' },
  { id: 'review-date-order', severity: 'error', summary: '`next_review` not after `last_reviewed`, or `last_reviewed` in the future.' },
  { id: 'review-interval-too-long', severity: 'error', summary: '`next_review` more than `maxInterval` after `last_reviewed`.' },
  { id: 'review-overdue', severity: 'error', summary: '`next_review` before today.' },
  { id: 'review-due-soon', severity: 'warning', summary: '`next_review` within `dueSoon` of today.' },
  { id: 'references-missing', severity: 'error', summary: 'A published page with no references.' },
  { id: 'reference-incomplete', severity: 'error', summary: 'A reference lacking a field its type requires.' },
  { id: 'reference-format', severity: 'warning', summary: 'Reference formatting slips: glued words, spacing, page ranges, mixed styles, bad year, DOI, PMID or URL.' },
  { id: 'reference-duplicate', severity: 'warning', summary: 'The same DOI, PMID or normalised title twice on a page.' },
  { id: 'reference-stale', severity: 'info', summary: 'A reference older than `staleAfter`.' },
  { id: 'glossary-link-unknown', severity: 'error', summary: 'A `glossary:` link to an id with no entry.' },
  { id: 'glossary-link-text', severity: 'warning', summary: 'Glossary link text that matches neither the term nor an alias.' },
  { id: 'glossary-link-repeated', severity: 'info', summary: 'The same glossary term linked more than once on one page.' },
  { id: 'link-broken', severity: 'error', summary: 'A relative link to a page or heading that does not exist.' },
  { id: 'file-encoding', severity: 'error', summary: 'A file that is binary or not valid UTF-8 text.' },
  { id: 'review-signoff', severity: 'error', summary: 'A review without sign-off: `reviewed_by` missing, without a clinical reviewer, or naming only the last editor.' },
  { id: 'reference-unchecked', severity: 'warning', summary: "A reference's `checked` date before the page's `last_reviewed`." },
  { id: 'readability', severity: 'warning', summary: 'A page whose SMOG reading age is above the target (default 11).' },
  { id: 'sentence-length', severity: 'info', summary: 'A sentence longer than `max` words (default 20).' },
  {
    id: 'glossary-term-unlinked',
    severity: 'info',
    enabled: false,
    summary: 'The first mention of a glossary term or alias on a page is plain text, not the glossary link.',
  },
] as const satisfies readonly RuleMeta[];

/**
 * The engine's own check, made around the parse where no remark rule can: a file over
 * `lint.maxFileSize`, nested too deep, over `lint.timeBudget`, or one that crashed its worker.
 * Not in `RULES`: it is always an error and cannot be switched off, so a file that was not
 * checked can never pass.
 */
export const FILE_TOO_COMPLEX = {
  id: 'file-too-complex',
  severity: 'error',
  summary: 'A file too large, too deeply nested or too slow to check, or one that stopped the checker.',
} as const satisfies RuleMeta;

export type RuleId = (typeof RULES)[number]['id'];
export const RULE_IDS = RULES.map((rule) => rule.id) as RuleId[];

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((rule) => rule.id === id);
}

/** The severity a rule has when the config does not name it. */
export function defaultSeverity(rule: RuleMeta): Severity {
  return rule.enabled === false ? 'off' : rule.severity;
}

export const SEVERITY_RANK: Record<Severity, number> = { off: 0, info: 1, warning: 2, error: 3 };
