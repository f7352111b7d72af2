import type { Editor } from '../config/editors-schema.js';
import type { Finding } from '../lint/finding.js';
import type { ReviewMarker, WantedPullRequest } from '../review/pull-request-plan.js';
import { parseIsoDate, type PlainDate } from '../time/calendar-date.js';

const MARKER = /<!-- pagecare:review id=(\S+) due=(\d{4}-\d{2}-\d{2}) proposed=(\d{4}-\d{2}-\d{2}) -->/;

export function formatMarker(marker: ReviewMarker): string {
  return `<!-- pagecare:review id=${marker.id} due=${marker.due} proposed=${marker.proposed} -->`;
}

export function parseMarker(body: string | undefined): ReviewMarker | undefined {
  const match = body ? MARKER.exec(body) : null;
  return match ? { id: match[1]!, due: match[2]!, proposed: match[3]! } : undefined;
}

export function reviewTitle(wanted: WantedPullRequest): string {
  return `Review due: ${oneLine(wanted.entry.title)} (by ${wanted.entry.nextReview.toString()})`;
}

/**
 * The review pull request's body: who owns it, when it is due, what it
 * proposes, a checklist with every reference, its age and when it was last
 * checked, and the page's
 * current lint findings. Page text is quoted inertly (GitHub renders it as
 * Markdown, so backticks and angle brackets are neutralised).
 */
export function reviewBody(options: {
  wanted: WantedPullRequest;
  today: PlainDate;
  editors: Readonly<Record<string, Editor>> | undefined;
  findings: readonly Finding[];
  pageUrl: string | undefined;
  /** The page's front matter as published, for its references. */
  frontMatter: Record<string, unknown> | undefined;
}): string {
  const { wanted, today } = options;
  const entry = wanted.entry;
  const owner = mention(entry.owner, options.editors);
  const page = options.pageUrl ? `[${inert(entry.title)}](${options.pageUrl})` : `**${inert(entry.title)}**`;
  const references = referenceBriefs(options.frontMatter).map((ref) => {
    const age = ref.year === undefined ? 'year unknown' : `${ref.year}, ${today.year - ref.year} ${today.year - ref.year === 1 ? 'year' : 'years'} old`;
    // A date, not "N days ago": the body must not change from one day to the next.
    const checked = ref.checked === undefined ? '' : `, last checked ${ref.checked}`;
    const who = ref.authors ? `${inert(ref.authors)}: ` : '';
    return `  - [ ] ${who}${inert(ref.title ?? '(untitled)')} (${age}${checked})`;
  });
  // The review date is what the pull request is for; its findings would also change the body daily.
  const findings = options.findings
    .filter((f) => f.ruleId !== 'review-overdue' && f.ruleId !== 'review-due-soon')
    .map((f) => `- line ${f.line}: ${f.severity} \`${f.ruleId}\`: ${inert(f.message)}`);
  return [
    formatMarker({ id: entry.id, due: entry.nextReview.toString(), proposed: wanted.proposedLastReviewed.toString() }),
    // No "in N days": the body would change every day and notify everyone.
    `${owner}, ${page} (\`${entry.path}\`) is due for review by **${entry.nextReview.toString()}**.`,
    '',
    'This pull request proposes:',
    '',
    `- \`last_reviewed: ${wanted.proposedLastReviewed.toString()}\``,
    `- \`next_review: ${wanted.proposedNextReview.toString()}\``,
    '',
    'Before merging, set `last_reviewed` to the day the review was finished and `next_review` to when it is next due,',
    '`reviewed_by` to who signed the review off (at least one clinical reviewer, and someone other than the last editor),',
    "and each reference's `checked` to the day it was re-checked.",
    '',
    '### Review checklist',
    '',
    '- [ ] Clinical accuracy: the information is correct, current and safe',
    ...(entry.kind === 'glossary'
      ? []
      : [references.length > 0 ? '- [ ] Each reference re-checked (still the best evidence, details correct):' : '- [ ] References: this page lists none; add the evidence it rests on', ...references]),
    '- [ ] Glossary terms: each linked term is still explained correctly',
    '- [ ] Plain language: short sentences and everyday words a patient understands',
    '',
    '### Current lint findings',
    '',
    ...(findings.length > 0 ? findings : ['None: the page passes every check.']),
    '',
    '---',
    '_Opened by pagecare. Closing this pull request without merging stops it reappearing for this due date._',
  ].join('\n');
}

function mention(handle: string | undefined, editors: Readonly<Record<string, Editor>> | undefined): string {
  if (!handle) return 'Owner (none set)';
  const editor = editors && Object.hasOwn(editors, handle) ? editors[handle] : undefined;
  return editor?.github ? `@${editor.github}` : `${inert(editor?.name ?? handle)}`;
}

/** Page text as plain words in Markdown: no HTML, no links, no mentions, one line. */
export function inert(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>@#|!]/g, (c) => `\\${c}`);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

/** GitHub logins to request reviews from: the owner's and reviewers', as editors.yml gives them. */
export function reviewerLogins(wanted: WantedPullRequest, editors: Readonly<Record<string, Editor>> | undefined): string[] {
  const handles = [wanted.entry.owner, ...wanted.entry.reviewers].filter((h): h is string => Boolean(h));
  const logins = handles.flatMap((handle) => {
    const login = editors && Object.hasOwn(editors, handle) ? editors[handle]?.github : undefined;
    return login ? [login] : [];
  });
  return [...new Set(logins)];
}

interface ReferenceBrief {
  title: string | undefined;
  authors: string | undefined;
  year: number | undefined;
  /** When a reviewer last re-checked it, if the front matter says (a real ISO date only). */
  checked: string | undefined;
}

/** Title, authors and year of each reference, whatever shape the front matter is in. */
function referenceBriefs(frontMatter: Record<string, unknown> | undefined): ReferenceBrief[] {
  const list = frontMatter?.references;
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const ref = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const year = Number(ref.year);
    return {
      title: typeof ref.title === 'string' ? ref.title : undefined,
      authors: typeof ref.authors === 'string' ? ref.authors : undefined,
      year: Number.isInteger(year) ? year : undefined,
      checked: typeof ref.checked === 'string' && parseIsoDate(ref.checked).ok ? ref.checked : undefined,
    };
  });
}
