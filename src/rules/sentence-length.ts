import { defineRule } from '../lint/define-rule.js';
import { sentences } from '../content/sentences.js';
import { numberOption, SENTENCE_DEFAULT_MAX } from './options.js';

/**
 * `sentence-length` (info): a sentence of more than `max` words (option,
 * default 20: plain-language guidance for health information keeps sentences
 * to 15–20 words). Sentences are split as `readability` splits them: each
 * heading and list item on its own, then at sentence ends.
 * Reported on the line the sentence starts.
 *
 * Valid: "You may feel tired for a few weeks after surgery."
 * Invalid: a 27-word sentence joining three ideas with "and" and "which".
 */
export default defineRule('sentence-length', ['page', 'glossary'], ({ tree, options, report }) => {
  const max = numberOption(options, 'max', SENTENCE_DEFAULT_MAX);
  for (const sentence of sentences(tree)) {
    if (sentence.words <= max) continue;
    report(
      `Sentence of ${sentence.words} words (${opening(sentence.text)}), expected at most ${max}: split it or cut words`,
      { line: sentence.line },
    );
  }
});

/** The sentence's first few words, to find it by. */
function opening(text: string): string {
  const words = text.split(/\s+/);
  return `“${words.slice(0, 6).join(' ')}${words.length > 6 ? '…' : ''}”`;
}
