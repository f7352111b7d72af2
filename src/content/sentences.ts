import type { Nodes, Root } from 'mdast';
import { asciiSentenceStarts } from './ascii-sentence-breaks.js';
import { isPolysyllabic, isPolysyllabicAt } from './syllables.js';

export interface Sentence {
  /** The sentence as read, line breaks as spaces. */
  text: string;
  /** How many words it has: runs of letters and digits, with inner apostrophes and hyphens (`don't`, `follow-up`). */
  words: number;
  /** How many of them have three syllables or more (SMOG's long words; words of digits never do). */
  polysyllables: number;
  /** File line where it starts. */
  line: number;
}

/**
 * The sentences of a page's body the way NHS content designers count them
 * for SMOG: every heading, paragraph and list item is read on its own, so a
 * heading or a bullet without a full stop is a sentence of its own rather
 * than being run into the next. Code, HTML, images and the front matter are
 * not prose and are left out; link text is read. (pagecare parses CommonMark:
 * a pipe table is a paragraph to it, and is read as one.)
 *
 * Splitting inside a block uses `Intl.Segmenter` (ICU's Unicode sentence
 * boundaries, built into Node): about a tenth of the cost of a full
 * natural-language parse (retext-english) on the benchmark pages, for the same
 * sentence count there. Blocks of plain ASCII are split by the same rules
 * from a class table (ascii-sentence-breaks.ts), at a fraction of the
 * segmenter's cost. ICU splits after title abbreviations such as `Dr.`
 * and after `e.g.` before a capital; those few are joined back. Computed
 * once per tree and shared by `readability` and `sentence-length`.
 */
export function sentences(tree: Root): readonly Sentence[] {
  let found = memo.get(tree);
  if (!found) memo.set(tree, (found = findSentences(tree)));
  return found;
}

const memo = new WeakMap<Root, Sentence[]>();
/** Made on first use: loading ICU's sentence rules costs a run that reads no page (a warm one) ~20 ms. */
let segmenter: Intl.Segmenter | undefined;
const WORD = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu;
/** A segment ending in one of these, then a full stop, was cut after an abbreviation, not a sentence. */
const ABBREVIATION = /(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St)|\b(?:[eE]\.[gG]|[iI]\.[eE]|vs|approx))$/;
/** Longest abbreviation, and one character before it for the word boundary. */
const ABBREVIATION_REACH = 7;
/** What may follow the abbreviation's full stop at a segment's end, before spaces. */
const ABBREVIATION_CLOSERS = new Set(['"', "'", '\u2019', '\u201d', ')']);
const SPACE = /\s/;

/**
 * Characters after which ICU never ends a sentence: none is a terminator or a
 * separator in Unicode's sentence-break rules (every code point was checked
 * against the segmenter, see test/content/sentences.test.ts).
 */
const NEVER_ENDS = /[\p{L}\p{N}\p{Zs}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}'",;:/&%+*#@=<>_~$£€^`|\\]/u;
/** NEVER_ENDS for the ASCII range, looked up rather than matched: most text is ASCII. */
const ASCII_NEVER_ENDS = Array.from({ length: 128 }, (_, code) => NEVER_ENDS.test(String.fromCharCode(code)));
/** What may follow the last full stop, question or exclamation mark of a one-sentence block: closing quotes or brackets, then spaces. */
const CLOSERS = new Set(['"', "'", '\u2019', '\u201d', ')', ']']);

/**
 * A block the segmenter would return whole: no terminator before its end.
 * Most headings and list items are, and the segmenter is the costly part of
 * reading a page, so they skip it.
 */
export function isOneSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && text[end - 1] === ' ') end--;
  while (end > 0 && CLOSERS.has(text[end - 1]!)) end--;
  const closed = end;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === '!' || text[end - 1] === '?')) end--;
  // Closers or spaces with no stop before them are ordinary characters.
  if (end === closed) end = text.length;
  for (let at = 0; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code < 128 ? !ASCII_NEVER_ENDS[code] : !NEVER_ENDS.test(text.slice(at, code >= 0xd800 && code <= 0xdbff ? ++at + 1 : at + 1))) return false;
  }
  return true;
}

/** Containers whose children are read as separate blocks. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem']);
/** Blocks read as prose. */
const BLOCKS = new Set(['heading', 'paragraph']);

/** One block's text, with where each piece of it sits in the file. */
interface Block {
  text: string;
  /** Ascending offsets in `text` where a text node starts, with its file line. */
  anchors: Array<{ offset: number; line: number }>;
  /** Ascending offsets in `text` of the source's line breaks (now spaces). */
  newlines: number[];
}

function findSentences(tree: Root): Sentence[] {
  const found: Sentence[] = [];
  // Without recursion: a deeply nested list must not overflow the stack.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (BLOCKS.has(node.type)) {
      const block: Block = { text: '', anchors: [], newlines: [] };
      collectText(node, block);
      splitBlock(block, found);
    } else if (CONTAINERS.has(node.type) && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return found;
}

/** The readable text of a block's inline content (links' text and inline code included; images, HTML and footnote markers not). */
function collectText(node: Nodes, block: Block): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'text' || current.type === 'inlineCode') {
      const line = current.position?.start.line;
      if (line !== undefined) block.anchors.push({ offset: block.text.length, line });
      // Soft line breaks are spaces to a reader (and to the segmenter, which would otherwise end a sentence there).
      const start = block.text.length;
      const value = current.value;
      block.text += !value.includes('\n')
        ? value
        : value.replace(/\r?\n/g, (match, at: number) => {
            block.newlines.push(start + at);
            return ' '.repeat(match.length);
          });
    } else if (current.type === 'break') {
      block.text += ' ';
    } else if ('children' in current) {
      // Images and HTML have no children to read: alt text is not prose.
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
}

function splitBlock(block: Block, into: Sentence[]): void {
  let pending: { text: string; index: number } | undefined;
  const emit = (text: string, index: number) => {
    const counted = wordCounts(text);
    if (counted) into.push({ text: text.trim(), words: counted.words, polysyllables: counted.polysyllables, line: lineAt(block, index) });
  };
  if (isOneSentence(block.text)) return emit(block.text, 0);
  for (const { segment, index } of segments(block.text)) {
    const text = pending ? pending.text + segment : segment;
    const start = pending ? pending.index : index;
    if (endsInAbbreviation(text)) {
      pending = { text, index: start };
      continue;
    }
    pending = undefined;
    emit(text, start);
  }
  if (pending) emit(pending.text, pending.index);
}

/**
 * Whether a segment ends in an abbreviation's full stop, then closing quotes or
 * brackets, then spaces. Read back from the end: a pattern anchored at the end
 * is tried from every position of the segment, and this ran on every sentence.
 */
export function endsInAbbreviation(text: string): boolean {
  let end = text.length;
  while (end > 0 && SPACE.test(text[end - 1]!)) end--;
  while (end > 0 && ABBREVIATION_CLOSERS.has(text[end - 1]!)) end--;
  if (end === 0 || text.charCodeAt(end - 1) !== 0x2e) return false;
  // The abbreviation with one character before it, which decides the word boundary as it does in the whole text.
  return ABBREVIATION.test(text.slice(Math.max(0, end - 1 - ABBREVIATION_REACH), end - 1));
}

/**
 * How many words a sentence has (as WORD matches them) and how many are long;
 * undefined for none. A loop over the characters while they are ASCII, which
 * never cuts a word out of the text: the Unicode pattern, and a string for
 * each word, cost more than splitting the sentences.
 */
export function wordCounts(text: string): { words: number; polysyllables: number } | undefined {
  let words = 0;
  let polysyllables = 0;
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code >= 128) return countMatches(text);
    if (!isAsciiAlnum(code)) {
      at++;
      continue;
    }
    const start = at;
    for (;;) {
      while (at < length && isAsciiAlnum(text.charCodeAt(at))) at++;
      // An inner apostrophe or hyphen joins two runs (`don't`, `follow-up`); U+2019 is not ASCII and takes the pattern.
      // Never read past the end: `charCodeAt` there is NaN, which makes V8 treat every code here as a float.
      if (at + 1 >= length) break;
      const joiner = text.charCodeAt(at);
      if ((joiner === 0x27 || joiner === 0x2d) && isAsciiAlnum(text.charCodeAt(at + 1))) at++;
      else break;
    }
    words++;
    if (isPolysyllabicAt(text, start, at)) polysyllables++;
  }
  return words > 0 ? { words, polysyllables } : undefined;
}

/** wordCounts by the Unicode pattern, for text that is not all ASCII. */
function countMatches(text: string): { words: number; polysyllables: number } | undefined {
  const found = text.match(WORD);
  if (!found) return undefined;
  let polysyllables = 0;
  for (const word of found) if (isPolysyllabic(word)) polysyllables++;
  return { words: found.length, polysyllables };
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** The block's sentences before abbreviations are joined back: by the class table for ASCII text, else by ICU. */
function segments(text: string): Iterable<{ segment: string; index: number }> {
  const starts = asciiSentenceStarts(text);
  if (!starts) return (segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })).segment(text);
  return starts.map((index, i) => ({ segment: text.slice(index, starts[i + 1] ?? text.length), index }));
}

/** The file line of an offset in the block: its text node's line plus the line breaks before it in that node. */
function lineAt(block: Block, offset: number): number {
  const { anchors, newlines } = block;
  const anchor = anchors[Math.max(0, countBelow(anchors, offset + 1, (a) => a.offset) - 1)];
  if (!anchor) return 1;
  return anchor.line + countBelow(newlines, offset, (n) => n) - countBelow(newlines, anchor.offset, (n) => n);
}

/** How many items of an ascending list have a key below `limit` (binary search). */
function countBelow<T>(items: readonly T[], limit: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(items[middle]!) < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
