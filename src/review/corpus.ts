import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/load-config.js';
import { isGlossaryPath } from '../content/discover.js';
import { readFrontMatterFields } from '../content/front-matter.js';
import { parseIsoDate, type PlainDate } from '../time/calendar-date.js';

/** What the review cycle needs to know about one governed file, read from its front matter alone. */
export interface Governed {
  /** Stable id: the path under the pages folder without `.md`, or `glossary/<id>`. */
  id: string;
  /** Root-relative posix path. */
  path: string;
  kind: 'page' | 'glossary';
  title: string;
  owner: string | undefined;
  reviewers: string[];
  draft: boolean;
  lastReviewed: PlainDate | undefined;
  nextReview: PlainDate | undefined;
  /** Why the page cannot be scheduled, when its dates are missing or invalid. */
  problem: string | undefined;
}

/** The fields the review cycle reads; everything else (references above all) is never parsed here. */
const FIELDS = new Set(['title', 'term', 'owner', 'reviewers', 'status', 'last_reviewed', 'next_review']);

/**
 * Read every page's and glossary entry's front matter, without a Markdown
 * parse: planning 10,000 pages costs about as much as reading them.
 */
export function loadCorpus(config: ResolvedConfig, files: readonly string[]): Governed[] {
  // Plain synchronous reads: for thousands of small files they beat as many concurrent promises.
  return files.map((file) => readGoverned(config, file));
}

function readGoverned(config: ResolvedConfig, file: string): Governed {
  const kind = isGlossaryPath(config, file) ? 'glossary' : 'page';
  let text = '';
  try {
    text = readFileSync(path.join(config.root, file), 'utf8');
  } catch {
    // Unreadable files stay in the corpus as unscheduled; lint reports why.
  }
  const data = readFrontMatterFields(text, FIELDS);
  const date = (key: string) => {
    const value = data?.[key];
    if (typeof value !== 'string') return undefined;
    const parsed = parseIsoDate(value);
    return parsed.ok ? parsed.date : undefined;
  };
  const nextReview = date('next_review');
  const title = stringOr(data?.[kind === 'glossary' ? 'term' : 'title'], file);
  return {
    id: governedId(config, file, kind),
    path: file,
    kind,
    title,
    owner: typeof data?.owner === 'string' ? data.owner : undefined,
    reviewers: Array.isArray(data?.reviewers) ? data.reviewers.filter((r): r is string => typeof r === 'string') : [],
    draft: data?.status === 'draft',
    lastReviewed: date('last_reviewed'),
    nextReview,
    problem: !data ? 'no readable front matter' : nextReview ? undefined : '`next_review` is missing or not a real date',
  };
}

export function governedId(config: ResolvedConfig, file: string, kind: 'page' | 'glossary'): string {
  const withoutExt = file.replace(/\.md$/, '');
  if (kind === 'glossary') return `glossary/${path.posix.basename(withoutExt)}`;
  const base = commonBase(config.config.content.pages);
  return base && withoutExt.startsWith(`${base}/`) ? withoutExt.slice(base.length + 1) : withoutExt;
}

/** The literal folder before the first glob character of the page patterns (`content/pages`). */
function commonBase(patterns: string[]): string {
  const first = patterns[0] ?? '';
  const parts = first.split('/');
  const glob = parts.findIndex((part) => /[*?[{]/.test(part));
  return (glob === -1 ? parts.slice(0, -1) : parts.slice(0, glob)).join('/');
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}
