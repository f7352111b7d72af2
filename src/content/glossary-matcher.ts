import type { GlossaryTerm } from './content-index.js';

export interface TermMention {
  /** The glossary id mentioned. */
  id: string;
  /** Offsets of the mention in the text searched. */
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A term or alias ends here: its entry, and whether it is an acronym (matched in capitals only). */
  ends?: { id: string; acronym: boolean };
}

/** Words of terms and text alike: runs of letters and digits (apostrophes and hyphens split, so `lymph-node` is `lymph node`). */
const WORD = /[\p{L}\p{N}]+/gu;
const ACRONYM = /^[\p{Lu}\p{N}]+$/u;
/** A mention in capitals, allowing a plural `s` (`NETs`). */
const CAPITALS = /^[\p{Lu}\p{N}]+s?$/u;

/**
 * Finds mentions of every glossary term and alias in text in one pass: the
 * words of all terms go into a trie, and the text's words are walked once,
 * taking the longest term that starts at each word. Matching ignores case
 * (except acronyms such as `NET`, which match only in capitals, so "safety
 * net" is not a mention) and accepts a simple plural on the last word (`NETs`,
 * `lymph glands`). Built once per index; the cost per text is linear in its
 * length, whatever the number of terms.
 */
export class GlossaryMatcher {
  private readonly root: TrieNode = { next: new Map() };

  constructor(terms: readonly GlossaryTerm[]) {
    // Sorted so that when two entries share a spelling, the same one wins on every run.
    for (const entry of [...terms].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      for (const name of [entry.term, ...entry.aliases]) this.add(entry.id, name);
    }
  }

  private add(id: string, name: string): void {
    const words = name.match(WORD);
    if (!words) return;
    let node = this.root;
    for (const word of words) {
      const key = word.toLowerCase();
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map() }));
      node = child;
    }
    node.ends ??= { id, acronym: words.length === 1 && words[0]!.length > 1 && ACRONYM.test(words[0]!) };
  }

  /** Every mention in `text`, left to right, none overlapping. */
  mentions(text: string): TermMention[] {
    const words = [...text.matchAll(WORD)].map((match) => ({ word: match[0], start: match.index, end: match.index + match[0].length }));
    const found: TermMention[] = [];
    for (let i = 0; i < words.length; ) {
      const match = this.longestAt(words, i);
      if (match) {
        found.push({ id: match.id, start: words[i]!.start, end: words[match.last]!.end });
        i = match.last + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  private longestAt(words: ReadonlyArray<{ word: string }>, first: number): { id: string; last: number } | undefined {
    let best: { id: string; last: number } | undefined;
    let node: TrieNode | undefined = this.root;
    for (let i = first; i < words.length && node; i++) {
      const word = words[i]!.word;
      const key = word.toLowerCase();
      for (const stem of stems(key)) {
        const ends = node.next.get(stem)?.ends;
        if (ends && (!ends.acronym || CAPITALS.test(word))) {
          best = { id: ends.id, last: i };
          break;
        }
      }
      node = node.next.get(key);
    }
    return best;
  }
}

/** The word, then without a simple plural ending. */
function stems(word: string): string[] {
  if (!word.endsWith('s') || word.length < 3) return [word];
  return word.endsWith('es') ? [word, word.slice(0, -1), word.slice(0, -2)] : [word, word.slice(0, -1)];
}
