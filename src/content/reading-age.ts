import type { Root } from 'mdast';
import { smogFormula } from 'smog-formula';
import { sentences } from './sentences.js';

export interface ReadingAge {
  /** Reading age in years: the SMOG grade plus 5, rounded to a whole year. */
  age: number;
  /** The SMOG grade (US school grade) before rounding. */
  grade: number;
  sentences: number;
  words: number;
  /** Words of three or more syllables. */
  polysyllables: number;
}

/**
 * SMOG is an estimate from a sample of 30 sentences; below this many one long
 * word moves the result by years (3 sentences and 3 long words already read
 * as age 14), so shorter pages get no reading age.
 */
export const MIN_SENTENCES = 10;

/**
 * A page's reading age by SMOG (McLaughlin 1969) as NHS content designers
 * apply it: headings and list items count as sentences (see sentences.ts).
 * The SMOG grade is a US school grade; the UK reading age is the grade plus
 * 5 (grade 6 is age 11), the convention of UK health-information guidance.
 * Numbers written as digits are words but never long words. Undefined when
 * the page has fewer than MIN_SENTENCES sentences. Pure: a function of the tree.
 */
export function readingAge(tree: Root): ReadingAge | undefined {
  // Remembered per tree: `readability` and lintFile (for the reports) ask for the same page.
  if (!measured.has(tree)) measured.set(tree, measure(tree));
  return measured.get(tree);
}

const measured = new WeakMap<Root, ReadingAge | undefined>();

function measure(tree: Root): ReadingAge | undefined {
  const found = sentences(tree);
  if (found.length < MIN_SENTENCES) return undefined;
  let words = 0;
  let polysyllables = 0;
  for (const sentence of found) {
    words += sentence.words;
    polysyllables += sentence.polysyllables;
  }
  const grade = smogFormula({ sentence: found.length, polysillabicWord: polysyllables });
  return { age: Math.round(grade + 5), grade, sentences: found.length, words, polysyllables };
}
