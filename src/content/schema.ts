import { z } from 'zod';

/** Dates stay strings here; `review-date-invalid` judges them strictly, not the schema. */
const isoDate = z.string().meta({ format: 'date', description: 'ISO 8601 calendar date, YYYY-MM-DD' });
const handle = z.string().min(1).meta({ description: 'A handle from content/editors.yml' });
const scalar = z.union([z.string(), z.number()]);

export const REFERENCE_TYPES = ['article', 'guideline', 'book', 'web'] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

export const referenceSchema = z.strictObject({
  type: z.enum(REFERENCE_TYPES).optional().meta({ description: 'article (default), guideline, book or web' }),
  title: z.string().optional(),
  authors: z.string().optional().meta({ description: 'Surname and initials, e.g. "M Pavel and others"' }),
  journal: z.string().optional(),
  publisher: z.string().optional(),
  year: scalar.optional(),
  volume: scalar.optional(),
  issue: scalar.optional(),
  pages: scalar.optional().meta({ description: 'start–end with an en dash, or an article number' }),
  doi: z.string().optional().meta({ description: 'Bare DOI such as 10.1016/j.annonc.2020.03.304' }),
  pmid: scalar.optional(),
  url: z.string().optional().meta({ description: 'https:// address' }),
  accessed: isoDate.optional().meta({ description: 'Date the web page was read (required for web)' }),
  checked: isoDate.optional().meta({ description: 'Date a reviewer last re-checked this reference (still the best evidence, details correct)' }),
});
export type Reference = z.infer<typeof referenceSchema>;

const governed = {
  owner: handle,
  reviewers: z.array(handle).optional(),
  last_reviewed: isoDate,
  next_review: isoDate,
  status: z.enum(['draft', 'published']).optional().meta({ description: 'published (default) or draft' }),
  tags: z.array(z.string()).optional(),
};

export const pageSchema = z.strictObject({
  title: z.string().min(1),
  ...governed,
  summary: z.string().optional(),
  reviewed_by: z
    .array(handle)
    .optional()
    .meta({ description: 'Handles of the editors who signed off the last full review; at least one a clinical reviewer (clinical: true in editors.yml)' }),
  last_updated: isoDate
    .optional()
    .meta({ description: 'Date of the last edit that was not a full review (a full review moves last_reviewed instead)' }),
  references: z.array(referenceSchema).optional(),
});
export type PageFrontMatter = z.infer<typeof pageSchema>;

export const glossarySchema = z.strictObject({
  term: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  ...governed,
});
export type GlossaryFrontMatter = z.infer<typeof glossarySchema>;

/** Fields holding calendar dates, wherever they appear. */
export const DATE_FIELDS = new Set(['last_reviewed', 'next_review', 'last_updated', 'accessed', 'checked']);
/** Fields drafts may leave out: they have not been reviewed yet. */
export const DRAFT_OPTIONAL_FIELDS = new Set(['last_reviewed', 'next_review']);
