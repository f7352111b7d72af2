import { Temporal } from 'temporal-polyfill';
import { ledgerKey, type Digest, type DigestItem, type FindingCounts, type Role } from '../../../src/review/plan.js';
import { daysBetween } from '../../../src/time/calendar-date.js';

export const TODAY = Temporal.PlainDate.from('2026-06-01');
export const CONTEXT = {
  today: TODAY,
  repositoryUrl: 'https://github.com/example-org/patient-info',
  branch: 'main',
  from: 'pagecare <pagecare@example.org>',
};

/** One digest item: a page due on `due`, reminded at its latest milestone. */
export function item(options: {
  id: string;
  title?: string;
  due: string;
  role?: Role;
  handle?: string;
  owner?: string;
  findings?: FindingCounts;
}): DigestItem {
  const nextReview = Temporal.PlainDate.from(options.due);
  const left = daysBetween(TODAY, nextReview);
  const milestone =
    left < 0
      ? { key: `overdue-${-left}`, date: TODAY, overdue: true }
      : { key: `before-${left}`, date: TODAY, overdue: false };
  const entry = {
    id: options.id,
    path: `content/pages/${options.id}.md`,
    kind: 'page' as const,
    title: options.title ?? `Page ${options.id}`,
    owner: options.owner ?? 'jsmith',
    reviewers: [],
    lastReviewed: undefined,
    nextReview,
    status: left < 0 ? ('overdue' as const) : ('due-soon' as const),
    daysLeft: left,
    findings: options.findings,
  };
  return { entry, milestone, role: options.role ?? 'owner', ledgerKey: ledgerKey(entry, milestone, options.handle ?? 'jsmith') };
}

export function digest(items: DigestItem[], person: Partial<Pick<Digest, 'handle' | 'name' | 'email'>> = {}): Digest {
  return { handle: 'jsmith', name: 'Jo Smith', email: 'jo.smith@example.org', ...person, items };
}

/** Three pages for Jo: two owned (one overdue), one copied as reviewer. */
export function sampleDigest(): Digest {
  return digest([
    item({ id: 'bowel-net', title: 'Treatment for small bowel NET', due: '2026-05-20', findings: { errors: 2, warnings: 1, infos: 0 } }),
    item({ id: 'chemo', title: 'Chemotherapy', due: '2026-07-01', findings: { errors: 0, warnings: 0, infos: 0 } }),
    item({ id: 'scans', title: 'Scans & tests', due: '2026-06-01', role: 'reviewer', owner: 'sam' }),
  ]);
}
