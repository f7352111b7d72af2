import { defineRule } from '../lint/define-rule.js';
import { readingAge } from '../content/reading-age.js';
import { numberOption, READABILITY_DEFAULT_AGE } from './options.js';

/**
 * `readability`: a page's reading age by SMOG, counted the NHS way (headings
 * and list items are sentences), must not be above the target: option `age`,
 * default 11, as UK health-information guidance asks for 9 to 11. Reading age
 * is the SMOG grade plus 5, rounded (src/content/reading-age.ts). Reported
 * once, on the page's first block of text (its title heading or first paragraph). Glossary entries (a definition of
 * a sentence or two) and pages under 10 sentences are not scored: SMOG on so
 * little text is noise.
 *
 * Valid: short sentences of everyday words ("You may feel tired for a few weeks.").
 * Invalid: "Neuroendocrine carcinomas necessitate multidisciplinary evaluation…"
 * throughout (reading age 17 against the target 11).
 */
const NOT_TEXT = new Set(['yaml', 'html', 'definition']);

export default defineRule('readability', ['page'], ({ tree, options, report }) => {
  const target = numberOption(options, 'age', READABILITY_DEFAULT_AGE);
  const measured = readingAge(tree);
  if (!measured || measured.age <= target) return;
  // The first block of text (a title heading or paragraph), not a comment or the front matter.
  const first = tree.children.find((node) => !NOT_TEXT.has(node.type))?.position?.start;
  report(
    `Reading age ${measured.age} is above the target ${target} (SMOG: ${measured.polysyllables} words of three or more syllables in ${measured.sentences} sentences), expected shorter sentences and fewer words of three or more syllables`,
    first ? { line: first.line, column: first.column } : undefined,
  );
});
