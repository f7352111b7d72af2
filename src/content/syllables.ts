import { syllable } from 'syllable';
import { hashStep } from './words.js';

/** Words of digits (and apostrophes or hyphens) are words, but never long ones. */
const DIGITS = /^[\d'\u2019-]+$/;
/** Remembered answers: pages share most of their words, and counting syllables is the costly part. */
const MAX_REMEMBERED = 50_000;

/** Whether a word has three syllables or more (SMOG's long word), case aside. */
export function isPolysyllabic(word: string): boolean {
  // Keyed as written: lower-casing every word cost more than counting the few capitalised ones twice.
  let long = byWord.get(word);
  if (long === undefined) {
    long = count(word.toLowerCase());
    if (byWord.size >= MAX_REMEMBERED) byWord.clear();
    byWord.set(word, long);
  }
  return long;
}

const byWord = new Map<string, boolean>();

/**
 * isPolysyllabic for the ASCII word `text[start, end)`, without cutting it out:
 * a page has a thousand words or more, and making each a string to look it up
 * cost more than the rest of reading its sentences. Remembered by a hash of its
 * lower-cased characters, confirmed against the word that hash stands for; a
 * word whose hash another holds takes the string path.
 */
export function isPolysyllabicAt(text: string, start: number, end: number): boolean {
  let hash = 0;
  for (let at = start; at < end; at++) hash = hashStep(hash, lower(text.charCodeAt(at)));
  const known = byHash.get(hash);
  if (known !== undefined) return sameWord(known.word, text, start, end) ? known.long : isPolysyllabic(text.slice(start, end));
  const word = text.slice(start, end).toLowerCase();
  const long = count(word);
  if (byHash.size >= MAX_REMEMBERED) byHash.clear();
  byHash.set(hash, { word, long });
  return long;
}

const byHash = new Map<number, { word: string; long: boolean }>();

function count(lowerCase: string): boolean {
  return !DIGITS.test(lowerCase) && syllable(lowerCase) >= 3;
}

/** An ASCII capital as lower case; any other code as it is. */
function lower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== lower(text.charCodeAt(start + i))) return false;
  return true;
}
