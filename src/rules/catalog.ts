/** Every rule of the content contract with its default severity; the single list the config, preset and reporters share. */
export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type ActiveSeverity = Exclude<Severity, 'off'>;

export interface RuleMeta {
  id: string;
  severity: ActiveSeverity;
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
] as const satisfies readonly RuleMeta[];

export type RuleId = (typeof RULES)[number]['id'];
export const RULE_IDS = RULES.map((rule) => rule.id) as RuleId[];

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((rule) => rule.id === id);
}

export const SEVERITY_RANK: Record<Severity, number> = { off: 0, info: 1, warning: 2, error: 3 };
