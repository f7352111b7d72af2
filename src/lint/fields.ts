import type { Span, YamlPath } from '../content/front-matter.js';
import { parseIsoDate, type PlainDate } from '../time/calendar-date.js';
import type { PreparedFile } from './context.js';
import type { Reference } from '../content/schema.js';

/** A front-matter value read with the line it sits on. */
export interface Located<T> {
  value: T;
  /** The key's span (the item's span for a list item). */
  at: Span | undefined;
}

export function field(prepared: PreparedFile, path: YamlPath): Located<unknown> | undefined {
  let value: unknown = prepared.data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return { value, at: prepared.frontMatter.keySpan(path) };
}

/**
 * A date field as a calendar date, or undefined when it is missing or not a
 * real date (`review-date-invalid` reports those; other rules stay quiet).
 */
export function dateField(prepared: PreparedFile, path: YamlPath): Located<PlainDate> | undefined {
  const found = field(prepared, path);
  if (!found || typeof found.value !== 'string') return undefined;
  const parsed = parseIsoDate(found.value);
  return parsed.ok ? { value: parsed.date, at: found.at } : undefined;
}

export function isDraft(prepared: PreparedFile): boolean {
  return prepared.data?.status === 'draft';
}

/** The page's references that are mappings, with their index in the list. */
export function references(prepared: PreparedFile): Array<{ index: number; reference: Reference; at: Span | undefined }> {
  const list = prepared.data?.references;
  if (!Array.isArray(list)) return [];
  return list.flatMap((reference, index) =>
    reference && typeof reference === 'object' && !Array.isArray(reference)
      ? [{ index, reference: reference as Reference, at: prepared.frontMatter.keySpan(['references', index]) }]
      : [],
  );
}

/** Where a finding about the whole front matter goes: its opening line. */
export function frontMatterStart(prepared: PreparedFile): Span {
  const line = prepared.frontMatter.startLine;
  return { line, column: 1, endLine: line, endColumn: 4 };
}
