import { defineRule } from '../lint/define-rule.js';
import { references } from '../lint/fields.js';
import { REFERENCE_TYPES, type ReferenceType } from '../content/schema.js';

/** What each type of reference needs; an inner array means "one of these". */
const REQUIRED: Record<ReferenceType, ReadonlyArray<string | readonly string[]>> = {
  article: ['title', 'authors', 'journal', 'year'],
  guideline: ['title', 'year', ['journal', 'publisher']],
  book: ['title', 'authors', 'publisher', 'year'],
  web: ['title', 'url', 'accessed'],
};

/**
 * `reference-incomplete`: a reference lacks a field its type requires
 * (`type` defaults to `article`): article = title, authors, journal, year;
 * guideline = title, year and journal or publisher; book = title, authors,
 * publisher, year; web = title, url, accessed. One finding per reference, at
 * the item's first line. An empty string counts as missing; an unknown `type`
 * is left to `frontmatter-schema`.
 *
 * Valid: `- type: guideline` with `title`, `year`, `publisher`.
 * Invalid: `- title: Some article` with `year: 2020` only (no authors or journal).
 */
export default defineRule('reference-incomplete', ['page'], ({ prepared, report }) => {
  for (const { index, reference, at } of references(prepared)) {
    const type = reference.type ?? 'article';
    if (!(REFERENCE_TYPES as readonly unknown[]).includes(type)) continue;
    const record = reference as Record<string, unknown>;
    const missing = REQUIRED[type]
      .filter((need) => (typeof need === 'string' ? !present(record[need]) : !need.some((name) => present(record[name]))))
      .map(describe);
    if (missing.length === 0) continue;
    report(
      `Missing ${list(missing, 'and')} in reference ${index + 1} (${type}), expected ${article(type)} ${type} reference to have ${list(REQUIRED[type].map(describe), 'and')}`,
      at,
    );
  }
});

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

function describe(need: string | readonly string[]): string {
  return typeof need === 'string' ? `\`${need}\`` : need.map((name) => `\`${name}\``).join(' or ');
}

function list(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? 'an' : 'a';
}
