import * as z from '../zod.js';
import type { RuleId } from './catalog.js';

/**
 * A whole number option. Checked by a refinement rather than typed, because a
 * type error inside `[severity, options]` would make zod report the whole
 * setting as "not a severity"; a refinement lets the option's own message
 * through. The JSON Schema still says integer.
 */
function wholeNumber(min: number, max: number, fallback: number, description: string) {
  return z.optional(
    z.any().check(
      z.refine((value) => value === undefined || (Number.isInteger(value) && value >= min && value <= max), {
        message: `expected a whole number from ${min} to ${max} (default ${fallback})`,
      }),
      z.meta({ type: 'integer', minimum: min, maximum: max, default: fallback, description }),
    ),
  );
}

export const READABILITY_DEFAULT_AGE = 11;
export const SENTENCE_DEFAULT_MAX = 20;

/** The options each rule takes in `rules: { id: [severity, options] }`; rules not listed take none. */
export const RULE_OPTIONS: Partial<Record<RuleId, z.ZodMiniObject<z.core.$ZodLooseShape>>> = {
  readability: z.strictObject({
    age: wholeNumber(5, 25, READABILITY_DEFAULT_AGE, 'Highest acceptable reading age (SMOG grade + 5); UK health information aims for 9 to 11'),
  }),
  'sentence-length': z.strictObject({
    max: wholeNumber(5, 100, SENTENCE_DEFAULT_MAX, 'Most words a sentence may have'),
  }),
};

/** A numeric option as configured, or its default (options arrive validated, but a preset user may pass anything). */
export function numberOption(options: Record<string, unknown>, key: string, fallback: number): number {
  const value = options[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
