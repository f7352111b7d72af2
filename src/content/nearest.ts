import { distance } from 'fastest-levenshtein';

/** The candidate closest to `value` by edit distance, if it is close enough to be a plausible typo. */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  // A quarter of the length (at least 2) catches typos without suggesting unrelated words.
  return bestDistance <= Math.max(2, Math.floor(Math.max(needle.length, best.length) / 4)) ? best : undefined;
}
