import { parseFrontMatter, type YamlPath } from '../content/front-matter.js';
import {
  initialsMinority,
  pagesAsWritten,
  restyleInitials,
  SPACING_FIELDS,
  tidySpaces,
  type ReferenceEntry,
} from '../rules/reference-format.js';
import { isoFromSpelling } from '../time/calendar-date.js';
import { replaceValues, type ValueChange } from './replace-values.js';

/** The rules whose findings a safe fix puts right. */
export const FIX_RULES = ['review-date-invalid', 'reference-format'] as const;
export type FixRule = (typeof FIX_RULES)[number];

export interface Fix {
  /** The line of the key that held the slip: where the finding it puts right was reported. */
  line: number;
  rule: FixRule;
  description: string;
}

export interface FixOptions {
  /** Glossary entries carry no references, so only their dates are fixed (default `page`). */
  kind?: 'page' | 'glossary';
  /** The rules to fix (default: all); a rule turned off in the config is not fixed either. */
  rules?: readonly FixRule[];
}

export interface FixedContent {
  text: string;
  fixes: Fix[];
}

interface Change extends ValueChange {
  fixes: Array<Omit<Fix, 'line'>>;
}

const SHOWN_MAX = 60;

/**
 * The safe fixes for one page or glossary entry: slips whose right form is
 * certain and means the same. Dates spelt another way become ISO, page ranges
 * `start–end`, stray and doubled spaces go, and initials follow the page's
 * majority style. Glued words, backwards page ranges, ambiguous or impossible
 * dates are left for a person: a guess there could change what the page says.
 * Only the changed values are rewritten; a file whose front matter does not
 * parse is returned as it is.
 */
export function fixContent(text: string, options: FixOptions = {}): FixedContent {
  const frontMatter = parseFrontMatter(text);
  const data = frontMatter.data;
  if (frontMatter.errors.length > 0 || !isRecord(data)) return { text, fixes: [] };
  const rules = new Set(options.rules ?? FIX_RULES);
  const changes: Change[] = [];
  if (rules.has('review-date-invalid')) changes.push(...dateChanges(data));
  if (rules.has('reference-format') && options.kind !== 'glossary') changes.push(...referenceChanges(data));
  if (changes.length === 0) return { text, fixes: [] };

  const { text: fixed, applied } = replaceValues(text, frontMatter, changes);
  const fixes = applied.flatMap((change) => {
    const line = frontMatter.keySpan(change.path)?.line ?? frontMatter.startLine;
    return change.fixes.map((fix) => ({ line, ...fix }));
  });
  return { text: fixed, fixes: fixes.sort((a, b) => a.line - b.line) };
}

// ---------------------------------------------------------------- dates

function dateChanges(data: Record<string, unknown>): Change[] {
  const fields: Array<[YamlPath, string]> = [
    [['last_reviewed'], 'last_reviewed'],
    [['next_review'], 'next_review'],
    ...referenceList(data).map(({ index }): [YamlPath, string] => [['references', index, 'accessed'], `references[${index}].accessed`]),
  ];
  return fields.flatMap(([path, name]) => {
    const value = valueAt(data, path);
    const iso = typeof value === 'string' ? isoFromSpelling(value) : Number.isInteger(value) ? isoFromSpelling(String(value)) : undefined;
    if (!iso) return [];
    return [{ path, value: iso, fixes: [{ rule: 'review-date-invalid', description: `${shown(value)} → \`${iso}\` in \`${name}\` (ISO 8601 date)` }] }];
  });
}

// ---------------------------------------------------------------- references

function referenceChanges(data: Record<string, unknown>): Change[] {
  const refs = referenceList(data);
  const giveUp = initialsMinority(refs);
  const changes: Change[] = [];
  for (const { index, reference } of refs) {
    for (const [field, original] of Object.entries(reference)) {
      if (typeof original !== 'string') continue;
      const name = `references[${index}].${field}`;
      const fixes: Change['fixes'] = [];
      let value = original;
      const step = (next: string, why: string) => {
        if (next === value) return;
        fixes.push({ rule: 'reference-format', description: `${shown(value)} → ${shown(next)} in \`${name}\` (${why})` });
        value = next;
      };
      if ((SPACING_FIELDS as readonly string[]).includes(field)) step(tidySpaces(value), 'stray or doubled spaces');
      if (field === 'authors' && giveUp) {
        step(restyleInitials(value, giveUp), `initials ${giveUp === 'dotted' ? 'without' : 'with'} full stops, as this page writes them`);
      }
      if (field === 'pages') {
        const written = pagesAsWritten(value);
        // A backwards range may be a typo in either number: which one is for a person to say.
        if (written && written.change !== 'reorder') step(written.pages, 'page range as `start–end`');
      }
      if (fixes.length > 0) changes.push({ path: ['references', index, field], value, fixes });
    }
  }
  return changes;
}

/** The references that are mappings, with their index in the list. */
function referenceList(data: Record<string, unknown>): ReferenceEntry[] {
  const list = data.references;
  if (!Array.isArray(list)) return [];
  return list.flatMap((reference: unknown, index) => (isRecord(reference) ? [{ index, reference }] : []));
}

// ---------------------------------------------------------------- helpers

function valueAt(data: unknown, path: YamlPath): unknown {
  let node = data;
  for (const segment of path) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function shown(value: unknown): string {
  const text = String(value);
  return `\`${text.length <= SHOWN_MAX ? text : `${text.slice(0, SHOWN_MAX - 1)}…`}\``;
}
