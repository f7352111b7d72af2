import { defineRule } from '../lint/define-rule.js';
import { references } from '../lint/fields.js';

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i;
const NOT_WORD = /[^\p{L}\p{N}]/gu;

/**
 * `reference-duplicate`: the same source cited twice on one page, found by
 * DOI (case-insensitive, a doi.org URL counts as its bare DOI), by PMID, or
 * by normalised title (lowercase, punctuation and whitespace removed).
 * Reported at the later reference, naming the earlier one.
 *
 * Valid: two references with different DOIs and titles.
 * Invalid: reference 3 repeating the DOI `10.1016/J.ANNONC.2020.03.304` of reference 1.
 */
export default defineRule('reference-duplicate', ['page'], ({ prepared, report }) => {
  const seen = { doi: new Map<string, number>(), pmid: new Map<string, number>(), title: new Map<string, number>() };
  for (const { index, reference, at } of references(prepared)) {
    const keys = {
      doi: typeof reference.doi === 'string' ? reference.doi.trim().replace(DOI_PREFIX, '').toLowerCase() : '',
      pmid: typeof reference.pmid === 'string' || typeof reference.pmid === 'number' ? String(reference.pmid).trim() : '',
      title: typeof reference.title === 'string' ? reference.title.toLowerCase().replace(NOT_WORD, '') : '',
    };
    let reported = false;
    for (const kind of ['doi', 'pmid', 'title'] as const) {
      const key = keys[kind];
      if (key === '') continue;
      const earlier = seen[kind].get(key);
      if (earlier === undefined) {
        seen[kind].set(key, index);
      } else if (!reported) {
        reported = true;
        const what = kind === 'title' ? 'title' : `${kind.toUpperCase()} \`${String(kind === 'doi' ? reference.doi : reference.pmid).trim()}\``;
        report(
          `Duplicate reference: reference ${index + 1} has the same ${what} as reference ${earlier + 1}, expected each source to be listed once`,
          at,
        );
      }
    }
  }
});
