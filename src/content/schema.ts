import * as z from '../zod.js';

/** `schema` left out or described; the descriptions are for the JSON Schemas. */
const optional = <T extends z.core.SomeType>(schema: T, description?: string) =>
  description === undefined ? z.optional(schema) : z.optional(schema).check(z.meta({ description }));

/** Dates stay strings here; `review-date-invalid` judges them strictly, not the schema. */
const isoDate = z.string().check(z.meta({ format: 'date', description: 'ISO 8601 calendar date, YYYY-MM-DD' }));
const handle = z.string().check(z.minLength(1), z.meta({ description: 'A handle from content/editors.yml' }));
const scalar = z.union([z.string(), z.number()]);

export const REFERENCE_TYPES = ['article', 'guideline', 'book', 'web'] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

export const referenceSchema = z.strictObject({
  type: optional(z.enum(REFERENCE_TYPES), 'article (default), guideline, book or web'),
  title: optional(z.string()),
  authors: optional(z.string(), 'Surname and initials, e.g. "M Pavel and others"'),
  journal: optional(z.string()),
  publisher: optional(z.string()),
  year: optional(scalar),
  volume: optional(scalar),
  issue: optional(scalar),
  pages: optional(scalar, 'start–end with an en dash, or an article number'),
  doi: optional(z.string(), 'Bare DOI such as 10.1016/j.annonc.2020.03.304'),
  pmid: optional(scalar),
  url: optional(z.string(), 'https:// address'),
  accessed: optional(isoDate, 'Date the web page was read (required for web)'),
  checked: optional(isoDate, 'Date a reviewer last re-checked this reference (still the best evidence, details correct)'),
});
export type Reference = z.infer<typeof referenceSchema>;

const governed = {
  owner: handle,
  reviewers: optional(z.array(handle)),
  last_reviewed: isoDate,
  next_review: isoDate,
  status: optional(z.enum(['draft', 'published']), 'published (default) or draft'),
  tags: optional(z.array(z.string())),
};

export const pageSchema = z.strictObject({
  title: z.string().check(z.minLength(1)),
  ...governed,
  summary: optional(z.string()),
  reviewed_by: optional(
    z.array(handle),
    'Handles of the editors who signed off the last full review; at least one a clinical reviewer (clinical: true in editors.yml)',
  ),
  last_updated: optional(isoDate, 'Date of the last edit that was not a full review (a full review moves last_reviewed instead)'),
  references: optional(z.array(referenceSchema)),
});
export type PageFrontMatter = z.infer<typeof pageSchema>;

export const glossarySchema = z.strictObject({
  term: z.string().check(z.minLength(1)),
  aliases: optional(z.array(z.string())),
  ...governed,
});
export type GlossaryFrontMatter = z.infer<typeof glossarySchema>;

/** Fields holding calendar dates, wherever they appear. */
export const DATE_FIELDS = new Set(['last_reviewed', 'next_review', 'last_updated', 'accessed', 'checked']);
/** Fields drafts may leave out: they have not been reviewed yet. */
export const DRAFT_OPTIONAL_FIELDS = new Set(['last_reviewed', 'next_review']);
