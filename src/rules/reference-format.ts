import type { Root } from 'mdast';
import { hashStep, words } from '../content/words.js';
import { defineRule } from '../lint/define-rule.js';
import { references } from '../lint/fields.js';

/**
 * `reference-format`: formatting slips inside a page's references, each
 * reported at the line of the field that holds it:
 *
 * - glued words in `title`, `journal`, `publisher`: a year glued to a word
 *   (`2023guidance`), camel-glued words (`neuroendocrineTumours`) and
 *   lowercase ones (`neuroendocrinetumours`): a token that is not a known
 *   word but splits into two known words of 4+ letters each. Known words are
 *   the page's body text, every glossary term and alias, and the words of the
 *   page's other reference fields; no dictionary is needed.
 * - doubled spaces, leading or trailing spaces, a space before `, . ; :`.
 * - `pages` not `start–end` (en dash, no spaces, start ≤ end) or a single
 *   page or article number (`85`, `e13306`).
 * - styles mixed within one page, reported on the minority (on a tie, on the
 *   style that is not the house style): spaced hyphen vs en dash as a
 *   separator in titles, initials with or without full stops in `authors`
 *   (house style: without), "et al" vs "and others" (house style: "and
 *   others"). Page ranges need no vote: `pages` always wants the en dash.
 * - `year` not four digits or after this year; `doi` not a bare `10.NNNN/…`;
 *   `pmid` not 1–8 digits; `url` not https://.
 * - trailing punctuation after `journal`, `publisher` or `authors`.
 *
 * Valid: `pages: 844–860`, `authors: M Pavel and others`, `doi: 10.1159/000443170`.
 * Invalid: `pages: "1 - 14"`, `journal: "Neuroendocrinology,"`, `title: … 2023guidance …`.
 *
 * Every pattern here is linear-time: no nested or adjacent overlapping
 * quantifiers, and long tokens are skipped before any quadratic split.
 */
export default defineRule('reference-format', ['page'], ({ tree, file, prepared, report }) => {
  const refs = references(prepared);
  if (refs.length === 0) return;
  const own = bodyVocabulary(tree, String(file.value));
  const index = prepared.context.index;
  // Glossary words are asked for one by one, so only a change to a word this page needs re-checks it.
  const known = { has: (word: string) => own.has(word) || index.glossaryHasWord(word) };
  const slips = referenceFormatSlips(
    refs.map(({ index, reference }) => ({ index, reference: reference as Record<string, unknown> })),
    known,
    prepared.clock.year,
  );
  for (const slip of slips) {
    const at = prepared.frontMatter.keySpan(['references', slip.index, slip.field]) ?? refs.find((r) => r.index === slip.index)?.at;
    report(slip.message, at);
  }
});

export interface FormatSlip {
  /** Index of the reference in the `references` list. */
  index: number;
  field: string;
  message: string;
}

export interface ReferenceEntry {
  index: number;
  reference: Record<string, unknown>;
}

/** Fields whose words feed the vocabulary and may hold glued words. */
const WORD_FIELDS = ['title', 'authors', 'journal', 'publisher'] as const;
const GLUE_FIELDS = ['title', 'journal', 'publisher'] as const;
/** Fields checked for stray and doubled spaces. */
export const SPACING_FIELDS = ['title', 'authors', 'journal', 'publisher', 'volume', 'issue'] as const;
const SEPARATOR_FIELDS = ['title', 'journal', 'publisher'] as const;
const TRAILING_FIELDS = ['authors', 'journal', 'publisher'] as const;

/** Glued tokens reported per field at most (an adversarial field gets a handful, not thousands). */
const MAX_GLUED_PER_FIELD = 5;
const MAX_WORD = 40;
const MIN_PART = 4;
const QUOTE_MAX = 80;

const ALNUM = /[\p{L}\p{N}]+/gu;
const ONLY_LETTERS = /^\p{L}+$/u;
const YEAR_THEN_WORD = /^((?:1[6-9]|20)\d\d)(\p{L}{3,})$/u;
const WORD_THEN_YEAR = /^(\p{L}{3,})((?:1[6-9]|20)\d\d)$/u;
const DOUBLE_SPACE = /\s\s/;
const SPACE_BEFORE_PUNCT = /\s(?:[,;:]|\.(?!\S))/;
const HYPHEN_SEPARATOR = / - /;
const EN_DASH_SEPARATOR = / – /;
const TOKEN = /[^\s,;]+/g;
const DOTTED_INITIALS = /^(?:\p{Lu}\.)+/u;
const UNDOTTED_INITIALS = /^\p{Lu}{1,2}$/u;
const ET_AL = /\bet\.? al\b\.?/i;
const AND_OTHERS = /\band others\b/i;
const PAGE = /^(\p{L}{0,2})(\d{1,9})$/u;
const PAGE_PREFIX = /^pp?\.\s?/i;
const PAGE_SEPARATORS = ['–', '-', '—', '‐', '‑', '‒', '−', ' to '];
const FOUR_DIGITS = /^\d{4}$/;
const SOME_FOUR_DIGITS = /\d{4}/g;
const BARE_DOI = /^10\.\d{4,9}\/\S+$/;
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s?)/i;
const PMID = /^\d{1,8}$/;
const PMID_PREFIX = /^pmid:?\s?/i;
const ABBREVIATION_END = /(?:^|[\s.])(?:Inc|Ltd|Co|Corp|Publ|Assoc|Univ|Dept|Eds?|Jr|Sr|St)\.$/;
const ENDS_WITH_INITIAL = /(?:^|[^\p{L}])\p{Lu}\.$/u;
const ENDS_WITH_ET_AL = /\bet\.? al\.$/i;

/**
 * Parts that legitimately start or end closed compounds (`postoperative`,
 * `healthcare`, `guidelines`): a split on one of these is not a slip.
 */
const PREFIXES = new Set(
  'anti auto post over under inter intra extra multi super trans semi self counter micro macro hyper hypo endo para peri poly mono radio chemo neuro gastro immuno cardio pseudo ultra tele photo thermo hydro retro well with some every where there here what care life home work'.split(' '),
);
const SUFFIXES = new Set(
  'less ness ship wide like work care time line lines side ward wards self selves thing body where ever more stream style base while book made based related free specific'.split(' '),
);

/**
 * The words of the page body, from its source after the front matter, split
 * by a plain character loop only when a reference first asks: a regex over
 * every text node cost more than the rest of the rule.
 */
export function bodyVocabulary(tree: Root, source: string): KnownWords {
  const first = tree.children[0];
  const start = first?.type === 'yaml' ? (first.position?.end.offset ?? 0) : 0;
  let known: BodyWords | undefined;
  // The body alone lower-cased: the whole source would move every offset after an `İ` (two code units lower-cased).
  return { has: (word) => (known ??= new BodyWords(source.slice(start).toLowerCase())).has(word) };
}

/**
 * The words of `text`, but those under 3 letters (nothing shorter is ever
 * asked for: parts are 4 letters or more, less a plural `s`). Nearly every
 * word asked for is not there (a part of a glued token), and slicing each of
 * a page's words into a set of strings cost more than the rest of the rule:
 * each word is kept as a hash of its letters, with where the first word of
 * that hash starts, to be confirmed against the text. Only when two words
 * share a hash is the set of strings made, once for the page: the answer is
 * always exact, and a page made to collide costs one more pass over its text,
 * not one per word asked.
 */
class BodyWords {
  /** By hash, where the first word with that hash starts. */
  private readonly firsts = new Map<number, number>();
  private exact: Set<string> | undefined;

  constructor(private readonly text: string) {
    let from = -1;
    let hash = 0;
    // Up to the last character, never past it: `charCodeAt` there is NaN, and one NaN makes V8
    // treat every code in the loop as a float (measured: 40% slower).
    const end = text.length;
    for (let at = 0; at < end; at++) {
      // ASCII is decided inline, without a call: nearly every character is.
      const code = text.charCodeAt(at);
      if (code < 128 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) : isLetter(text, at)) {
        if (from < 0) {
          from = at;
          hash = 0;
        }
        hash = hashStep(hash, code);
      } else {
        if (from >= 0) this.add(from, at, hash);
        from = -1;
      }
    }
    if (from >= 0) this.add(from, end, hash);
  }

  private add(from: number, to: number, hash: number): void {
    if (to - from <= MAX_WORD && to - from >= 3 && !this.firsts.has(hash)) this.firsts.set(hash, from);
  }

  /** Whether `word` is one of the words: a whole run of letters in the text. */
  has(word: string): boolean {
    if (word.length < 3 || word.length > MAX_WORD) return false;
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    const first = this.firsts.get(hash);
    if (first === undefined) return false;
    // A word starts at `first`: it is this one when the text has it there and no letter follows.
    if (this.text.startsWith(word, first) && !isLetter(this.text, first + word.length)) return true;
    // Two words share this hash: the words as strings, as the glued-word check splits fields into them.
    this.exact ??= new Set(words(this.text).filter((known) => known.length >= 3));
    return this.exact.has(word);
  }
}

const LETTER = /\p{L}/u;

function isLetter(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  // General Punctuation (curly quotes, dashes, the non-ASCII pages hold most often) has no letters.
  if (code >= 0x2000 && code <= 0x206f) return false;
  // A low surrogate is the second half of a character that starts one code unit earlier.
  const start = code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
  return LETTER.test(String.fromCodePoint(text.codePointAt(start)!));
}


function countWords(text: string, into = new Map<string, number>()): Map<string, number> {
  for (const word of words(text)) into.set(word, (into.get(word) ?? 0) + 1);
  return into;
}

/** Words known from outside the references: the page's text and the glossary. */
export interface KnownWords {
  has(word: string): boolean;
}

/** Known words: the page's own words plus those of the reference fields (counted, so a field never vouches for itself). */
class Vocabulary {
  constructor(
    private readonly base: KnownWords,
    private readonly counts: ReadonlyMap<string, number>,
  ) {}

  /** The word occurs somewhere other than in `own` (the field being checked). */
  knows(word: string, own: ReadonlyMap<string, number>): boolean {
    // The references' own words first: the page and glossary lookup is the costlier one.
    if ((this.counts.get(word) ?? 0) > (own.get(word) ?? 0) || this.base.has(word)) return true;
    const singular = word.endsWith('es') ? [word.slice(0, -1), word.slice(0, -2)] : word.endsWith('s') ? [word.slice(0, -1)] : [];
    return singular.some((w) => (this.counts.get(w) ?? 0) > (own.get(w) ?? 0) || this.base.has(w));
  }

  /** The word occurs anywhere (a part of a glued token may come from the same field). */
  hasPart(word: string): boolean {
    if (this.counts.has(word) || this.base.has(word)) return true;
    return word.endsWith('s') && (this.counts.has(word.slice(0, -1)) || this.base.has(word.slice(0, -1)));
  }
}

/** Every formatting slip in a page's references, in reference order. */
export function referenceFormatSlips(refs: ReferenceEntry[], pageVocabulary: KnownWords, thisYear: number): FormatSlip[] {
  const counts = new Map<string, number>();
  for (const { reference } of refs) {
    for (const name of WORD_FIELDS) {
      const value = reference[name];
      if (typeof value === 'string') countWords(value, counts);
    }
  }
  const vocabulary = new Vocabulary(pageVocabulary, counts);
  const slips: FormatSlip[] = [];

  for (const { index, reference } of refs) {
    const add = (field: string, message: string) => slips.push({ index, field, message });
    for (const field of GLUE_FIELDS) {
      const value = reference[field];
      if (typeof value !== 'string') continue;
      for (const glued of gluedWords(value, vocabulary)) {
        add(field, `Unexpected \`${glued.bad}\` in \`${field}\`, expected \`${glued.good}\` (words glued together)`);
      }
    }
    for (const field of SPACING_FIELDS) {
      const value = reference[field];
      if (typeof value === 'string') for (const message of spacingSlips(field, value)) add(field, message);
    }
    for (const field of TRAILING_FIELDS) {
      const value = reference[field];
      const message = typeof value === 'string' ? trailingPunctuation(field, value) : undefined;
      if (message) add(field, message);
    }
    const checks: Array<[string, (value: unknown) => string | undefined]> = [
      ['pages', pagesSlip],
      ['year', (value) => yearSlip(value, thisYear)],
      ['doi', doiSlip],
      ['pmid', pmidSlip],
      ['url', urlSlip],
    ];
    for (const [field, check] of checks) {
      if (!Object.hasOwn(reference, field)) continue;
      const message = check(reference[field]);
      if (message) add(field, message);
    }
  }

  slips.push(...separatorStyle(refs), ...initialsStyle(refs), ...etAlStyle(refs));
  return slips.sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------- glued words

function gluedWords(value: string, vocabulary: Vocabulary): Array<{ bad: string; good: string }> {
  // Counted when a token first needs it: a field with no unknown word of 7 letters or more never does.
  let counted: Map<string, number> | undefined;
  const own = () => (counted ??= countWords(value));
  const found: Array<{ bad: string; good: string }> = [];
  for (const match of value.matchAll(ALNUM)) {
    const good = unglue(match[0], vocabulary, own);
    if (good) found.push({ bad: match[0], good });
    if (found.length >= MAX_GLUED_PER_FIELD) break;
  }
  return found;
}

/** The token with a space where words were glued, or undefined when it is fine. */
function unglue(token: string, vocab: Vocabulary, own: () => ReadonlyMap<string, number>): string | undefined {
  // Below 7 characters there is no year glued to a word, and lower-cased no 7 letters to split, unless
  // an `İ` (the one letter that lower-cases to two) makes it longer: most words stop here, before any pattern.
  if (token.length > 2 * MAX_WORD || (token.length < 7 && !token.includes('\u0130'))) return undefined;
  const yearFirst = YEAR_THEN_WORD.exec(token);
  if (yearFirst) return `${yearFirst[1]} ${yearFirst[2]}`;
  const yearLast = WORD_THEN_YEAR.exec(token);
  if (yearLast) return `${yearLast[1]} ${yearLast[2]}`;
  if (!ONLY_LETTERS.test(token)) return undefined;
  const lower = token.toLowerCase();
  // Too short for two glued words (camel case needs 3 + 4 letters): nothing to look up.
  if (lower.length < 7) return undefined;
  if (vocab.knows(lower, own())) return undefined;
  // Camel case needs a capital after the first letter; only all-lowercase or Capitalised tokens are
  // split further: acronyms and names keep their own casing.
  if (token.slice(1) !== lower.slice(1)) return splitCamel(token);
  if (lower.length < 2 * MIN_PART) return undefined;
  for (let cut = Math.min(lower.length - MIN_PART, MAX_WORD); cut >= Math.max(MIN_PART, lower.length - MAX_WORD); cut--) {
    const left = lower.slice(0, cut);
    const right = lower.slice(cut);
    if (PREFIXES.has(left) || SUFFIXES.has(right)) continue;
    if (vocab.hasPart(left) && vocab.hasPart(right)) return `${token.slice(0, cut)} ${token.slice(cut)}`;
  }
  return undefined;
}

/** `neuroendocrineTumours` → `neuroendocrine Tumours`: a lowercase run of 3+ letters, then a capitalised word of 4+ letters. */
function splitCamel(token: string): string | undefined {
  const chars = Array.from(token);
  const cuts: number[] = [];
  let lowerRun = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (isUpper(c) && lowerRun >= 3) {
      let j = i + 1;
      while (j < chars.length && isLower(chars[j]!)) j++;
      if (j - i - 1 >= 3) cuts.push(i);
    }
    lowerRun = isLower(c) ? lowerRun + 1 : 0;
  }
  if (cuts.length === 0) return undefined;
  let out = '';
  let from = 0;
  for (const cut of cuts) {
    out += `${chars.slice(from, cut).join('')} `;
    from = cut;
  }
  return out + chars.slice(from).join('');
}

function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

// ---------------------------------------------------------------- spacing and punctuation

function spacingSlips(field: string, value: string): string[] {
  const messages: string[] = [];
  const trimmed = value.trim();
  if (trimmed !== value && trimmed !== '') {
    const leading = value.length > value.trimStart().length;
    const trailing = value.length > value.trimEnd().length;
    const where = leading && trailing ? 'leading and trailing' : leading ? 'leading' : 'trailing';
    messages.push(`Unexpected ${where} space in \`${field}\` (\`"${quote(value)}"\`), expected \`"${quote(trimmed)}"\``);
  }
  const doubled = DOUBLE_SPACE.exec(trimmed);
  if (doubled) {
    let end = doubled.index;
    while (end < trimmed.length && isSpace(trimmed[end]!)) end++;
    const { text, fixed } = excerpt(trimmed, doubled.index, end, ' ');
    messages.push(`Unexpected doubled space in \`${field}\` (\`${text}\`), expected one space (\`${fixed}\`)`);
  }
  const before = SPACE_BEFORE_PUNCT.exec(trimmed);
  if (before) {
    const punct = before.index + 1;
    let start = before.index;
    while (start > 0 && isSpace(trimmed[start - 1]!)) start--;
    const { text, fixed } = excerpt(trimmed, start, punct, '');
    messages.push(`Unexpected space before \`${trimmed[punct]}\` in \`${field}\` (\`${text}\`), expected \`${fixed}\``);
  }
  return messages;
}

/**
 * The value with every spacing slip above put right: trimmed, each run of
 * spaces made one, no space before `, ; :` or a closing `.`. A value of
 * spaces only is left alone (it is not reported either).
 */
export function tidySpaces(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return value;
  // After the first replace every run of spaces is one long, so the second stays linear.
  return trimmed.replace(/\s{2,}/g, ' ').replace(/\s(?=[,;:]|\.(?!\S))/g, '');
}

function trailingPunctuation(field: string, value: string): string | undefined {
  const text = value.trim();
  const last = text[text.length - 1];
  if (last === undefined || !',;:.'.includes(last)) return undefined;
  if (last === '.') {
    if (ABBREVIATION_END.test(text)) return undefined;
    if (field === 'authors' && (ENDS_WITH_INITIAL.test(text) || ENDS_WITH_ET_AL.test(text))) return undefined;
    // Abbreviated journal titles (`J. Clin. Oncol.`) end in a full stop like every other word.
    if (field !== 'authors' && text.indexOf('.') < text.length - 1) return undefined;
  }
  let end = text.length;
  while (end > 0 && (',;:.'.includes(text[end - 1]!) || isSpace(text[end - 1]!))) end--;
  const fixed = text.slice(0, end);
  if (fixed === '') return undefined;
  return `Unexpected trailing \`${last}\` in \`${field}\` (\`${tail(text)}\`), expected \`${tail(fixed)}\``;
}

// ---------------------------------------------------------------- single fields

function pagesSlip(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0 ? undefined : `Unexpected \`${value}\` in \`pages\`, expected a page range such as \`125–138\` or a page number such as \`85\``;
  }
  if (typeof value !== 'string') return undefined;
  const shown = quote(value);
  const written = pagesAsWritten(value);
  if (!written) {
    return `Unexpected \`${shown}\` in \`pages\`, expected a page range such as \`125–138\` (an en dash, no spaces) or a single page or article number such as \`e13306\``;
  }
  return written.pages === value ? undefined : `Unexpected \`${shown}\` in \`pages\`, expected \`${written.pages}\` ${PAGES_CHANGES[written.change]}`;
}

const PAGES_CHANGES = {
  spaces: '(no spaces)',
  prefix: '(the page numbers only)',
  dash: '(an en dash, no spaces)',
  expand: '(the end page in full)',
  reorder: '(the start page first)',
} as const;

export interface PagesWritten {
  /** The house form: `start–end` or a single page or article number. */
  pages: string;
  /** What differs from the value, when anything does (`reorder` changes the meaning if the value was not a slip). */
  change: keyof typeof PAGES_CHANGES;
}

/** A `pages` string in the house form, or undefined when it cannot be read as pages. */
export function pagesAsWritten(value: string): PagesWritten | undefined {
  let text = value.trim();
  const prefix = PAGE_PREFIX.exec(text);
  if (prefix) text = text.slice(prefix[0].length).trim();
  if (PAGE.test(text)) return { pages: text, change: prefix ? 'prefix' : 'spaces' };

  let separator = -1;
  let width = 0;
  for (const dash of PAGE_SEPARATORS) {
    const at = text.indexOf(dash);
    if (at > 0 && (separator === -1 || at < separator)) {
      separator = at;
      width = dash.length;
    }
  }
  if (separator === -1) return undefined;
  const start = PAGE.exec(text.slice(0, separator).trim());
  const end = PAGE.exec(text.slice(separator + width).trim());
  if (!start || !end) return undefined;
  const [, startPrefix, startNumber] = start as unknown as [string, string, string];
  const [, endPrefix, endNumber] = end as unknown as [string, string, string];
  if (startPrefix === endPrefix && Number(startNumber) > Number(endNumber)) {
    const expanded = startNumber.slice(0, startNumber.length - endNumber.length) + endNumber;
    if (endNumber.length < startNumber.length && Number(expanded) >= Number(startNumber)) {
      return { pages: `${start[0]}–${endPrefix}${expanded}`, change: 'expand' };
    }
    return { pages: `${end[0]}–${start[0]}`, change: 'reorder' };
  }
  return { pages: `${start[0]}–${end[0]}`, change: prefix ? 'prefix' : 'dash' };
}

function yearSlip(value: unknown, thisYear: number): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!FOUR_DIGITS.test(text)) {
    const years = typeof value === 'string' ? Array.from(value.matchAll(SOME_FOUR_DIGITS), (m) => m[0]).slice(0, 2) : [];
    const hint = years.length === 1 && Number(years[0]) <= thisYear ? `\`${years[0]}\`` : 'a four-digit year of publication such as `2020`';
    return `Unexpected \`${quote(String(value))}\` in \`year\`, expected ${hint}`;
  }
  if (Number(text) > thisYear) {
    return `Unexpected \`${text}\` in \`year\`: it is in the future, expected the year of publication (${thisYear} or earlier)`;
  }
  if (typeof value === 'string' && text !== value) return `Unexpected \`"${quote(value)}"\` in \`year\`, expected \`${text}\``;
  return undefined;
}

function doiSlip(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (BARE_DOI.test(value)) return undefined;
  const text = value.trim();
  const bare = text.replace(DOI_PREFIX, '');
  if (BARE_DOI.test(bare)) return `Unexpected \`${quote(value)}\` in \`doi\`, expected the bare DOI \`${quote(bare)}\``;
  return `Unexpected \`${quote(value)}\` in \`doi\`, expected a bare DOI such as \`10.1016/j.annonc.2020.03.304\``;
}

function pmidSlip(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0 && value < 1e8 ? undefined : `Unexpected \`${value}\` in \`pmid\`, expected a PubMed ID of 1 to 8 digits such as \`26742776\``;
  }
  if (typeof value !== 'string') return undefined;
  if (PMID.test(value)) return undefined;
  const digits = value.trim().replace(PMID_PREFIX, '').trim();
  if (PMID.test(digits)) return `Unexpected \`${quote(value)}\` in \`pmid\`, expected \`${digits}\``;
  return `Unexpected \`${quote(value)}\` in \`pmid\`, expected a PubMed ID of 1 to 8 digits such as \`26742776\``;
}

function urlSlip(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const lower = text.slice(0, 8).toLowerCase();
  let candidate: string | undefined;
  if (lower.startsWith('https://')) candidate = text;
  else if (lower.startsWith('http://')) candidate = `https://${text.slice(7)}`;
  else if (lower.startsWith('www.')) candidate = `https://${text}`;
  const usable = candidate !== undefined && isUrl(candidate);
  if (usable && candidate === value) return undefined;
  if (usable) return `Unexpected \`${quote(value)}\` in \`url\`, expected \`${quote(candidate!)}\` (a secure https:// address)`;
  return `Unexpected \`${quote(value)}\` in \`url\`, expected a full https:// address such as \`https://www.nice.org.uk/guidance/ng12\``;
}

function isUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- styles mixed within a page

interface StyleUse {
  index: number;
  field: string;
  text: string;
  fixed: string;
}

/**
 * Report the minority style's uses; on a tie, the style that is not the house style.
 * `a` is the house style.
 */
function minority(a: StyleUse[], b: StyleUse[], describe: (use: StyleUse, others: number, tie: boolean) => string): FormatSlip[] {
  const side = minoritySide(a, b);
  if (!side) return [];
  const [uses, rest] = side === 'a' ? [a, b] : [b, a];
  const others = countRefs(rest);
  const tie = countRefs(uses) === others;
  const seen = new Set<string>();
  return uses.flatMap((use) => {
    const key = `${use.index}/${use.field}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ index: use.index, field: use.field, message: describe(use, others, tie) }];
  });
}

/** The side used by fewer references (`b` on a tie: `a` is the house style), or undefined when only one style is used. */
function minoritySide(a: StyleUse[], b: StyleUse[]): 'a' | 'b' | undefined {
  const [refsA, refsB] = [countRefs(a), countRefs(b)];
  if (refsA === 0 || refsB === 0) return undefined;
  return refsA < refsB ? 'a' : 'b';
}

function countRefs(uses: StyleUse[]): number {
  return new Set(uses.map((use) => use.index)).size;
}

function likeOthers(others: number, tie: boolean): string {
  if (tie) return "the house style, as this page's references are split evenly";
  return `as in ${others} other ${others === 1 ? 'reference' : 'references'} on this page`;
}

function separatorStyle(refs: ReferenceEntry[]): FormatSlip[] {
  const en: StyleUse[] = [];
  const hyphen: StyleUse[] = [];
  for (const { index, reference } of refs) {
    for (const field of SEPARATOR_FIELDS) {
      const value = reference[field];
      if (typeof value !== 'string') continue;
      const h = HYPHEN_SEPARATOR.exec(value);
      if (h) hyphen.push({ index, field, ...excerpt(value, h.index, h.index + 3, ' – ') });
      const e = EN_DASH_SEPARATOR.exec(value);
      if (e) en.push({ index, field, ...excerpt(value, e.index, e.index + 3, ' - ') });
    }
  }
  return minority(en, hyphen, (use, others, tie) => {
    const [wrong, right] = use.text.includes(' - ') && !use.text.includes(' – ') ? ['hyphen', 'an en dash'] : ['en dash', 'a hyphen'];
    return `Unexpected ${wrong} in \`${use.field}\` (\`${use.text}\`), expected ${right} (\`${use.fixed}\`), ${likeOthers(others, tie)}`;
  });
}

function initialsStyle(refs: ReferenceEntry[]): FormatSlip[] {
  const { plain, dotted } = initialsUses(refs);
  return minority(plain, dotted, (use, others, tie) => {
    const how = use.text.includes('.') && !use.fixed.includes('.') ? 'initials without full stops' : 'initials with full stops';
    return `Unexpected \`${use.text}\` in \`authors\`, expected \`${use.fixed}\` (${how}, ${likeOthers(others, tie)})`;
  });
}

/** The first initials of each style in each reference's `authors`. */
function initialsUses(refs: ReferenceEntry[]): { plain: StyleUse[]; dotted: StyleUse[] } {
  const plain: StyleUse[] = [];
  const dotted: StyleUse[] = [];
  for (const { index, reference } of refs) {
    const value = reference.authors;
    if (typeof value !== 'string') continue;
    let foundPlain = false;
    let foundDotted = false;
    for (const match of value.matchAll(TOKEN)) {
      const token = match[0];
      const start = match.index;
      if (!foundDotted && isDottedInitials(token)) {
        foundDotted = true;
        dotted.push({ index, field: 'authors', ...excerpt(value, start, start + token.length, undotInitials(token), 'next') });
      } else if (!foundPlain && UNDOTTED_INITIALS.test(token)) {
        foundPlain = true;
        plain.push({ index, field: 'authors', ...excerpt(value, start, start + token.length, dotInitials(token), 'next') });
      }
      if (foundPlain && foundDotted) break;
    }
  }
  return { plain, dotted };
}

export type InitialsStyle = 'plain' | 'dotted';

/**
 * The initials style a page's references should give up: the minority's, or
 * on a tie `dotted` (the house style has no full stops). Undefined when the
 * page does not mix the two.
 */
export function initialsMinority(refs: ReferenceEntry[]): InitialsStyle | undefined {
  const { plain, dotted } = initialsUses(refs);
  const side = minoritySide(plain, dotted);
  return side && (side === 'a' ? 'plain' : 'dotted');
}

/** `authors` with every initial written in the `from` style rewritten in the other. */
export function restyleInitials(authors: string, from: InitialsStyle): string {
  return authors.replace(TOKEN, (token) => {
    if (from === 'dotted') return isDottedInitials(token) ? undotInitials(token) : token;
    return UNDOTTED_INITIALS.test(token) ? dotInitials(token) : token;
  });
}

/** `M.`, `A.T.`, `J.Smith`: initials with full stops, alone or glued to a capitalised name. */
function isDottedInitials(token: string): boolean {
  const dots = DOTTED_INITIALS.exec(token);
  return dots !== null && (dots[0].length === token.length || isUpper(token[dots[0].length]!));
}

function undotInitials(token: string): string {
  return token.replace(/(\p{Lu})\./gu, '$1 ').trimEnd();
}

function dotInitials(token: string): string {
  return Array.from(token, (c) => `${c}.`).join('');
}

function etAlStyle(refs: ReferenceEntry[]): FormatSlip[] {
  const andOthers: StyleUse[] = [];
  const etAl: StyleUse[] = [];
  for (const { index, reference } of refs) {
    const value = reference.authors;
    if (typeof value !== 'string') continue;
    const others = AND_OTHERS.exec(value);
    if (others) andOthers.push({ index, field: 'authors', ...excerpt(value, others.index, others.index + others[0].length, 'et al', 'next') });
    const al = ET_AL.exec(value);
    if (al) {
      let start = al.index;
      while (start > 0 && isSpace(value[start - 1]!)) start--;
      if (value[start - 1] === ',') start--;
      const lead = start === 0 ? '' : ' ';
      etAl.push({ index, field: 'authors', ...excerpt(value, start, al.index + al[0].length, `${lead}and others`, 'next') });
    }
  }
  return minority(andOthers, etAl, (use, others, tie) => {
    const wanted = use.fixed.includes('and others') ? '"and others"' : '"et al"';
    return `Unexpected \`${use.text}\` in \`authors\`, expected \`${use.fixed}\` (${wanted}, ${likeOthers(others, tie)})`;
  });
}

// ---------------------------------------------------------------- quoting

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/**
 * The slip `text[start, end)` with context, and the same excerpt with the
 * slip replaced. `around`: a word on each side (for spaces and separators);
 * `next`: the following word, or the previous one at the end (for tokens).
 */
function excerpt(text: string, start: number, end: number, replacement: string, mode: 'around' | 'next' = 'around'): { text: string; fixed: string } {
  let left = start;
  let right = end;
  const previousWord = () => {
    let l = start;
    while (l > 0 && start - l < 30 && isSpace(text[l - 1]!)) l--;
    while (l > 0 && start - l < 30 && !isSpace(text[l - 1]!)) l--;
    return l;
  };
  const nextWord = () => {
    let r = end;
    while (r < text.length && r - end < 30 && isSpace(text[r]!)) r++;
    while (r < text.length && r - end < 30 && !isSpace(text[r]!)) r++;
    return r;
  };
  if (mode === 'around') {
    left = previousWord();
    right = nextWord();
  } else {
    right = nextWord();
    if (text.slice(end, right).trim() === '') {
      right = end;
      left = previousWord();
    }
  }
  const before = text.slice(left, start);
  const after = text.slice(end, right);
  return { text: quote(before + text.slice(start, end) + after), fixed: quote(before + replacement + after) };
}

function quote(text: string): string {
  return text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX - 1)}…`;
}

function tail(text: string): string {
  return text.length <= QUOTE_MAX ? text : `…${text.slice(-(QUOTE_MAX - 1))}`;
}
