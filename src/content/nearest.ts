import { distance } from 'fastest-levenshtein';

/** The candidate closest to `value` by edit distance, if it is close enough to be a plausible typo. */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a candidate that cannot reach the best so far is skipped
    // unmeasured (a whole repository's paths are the candidates for a broken link).
    const lower = candidate.toLowerCase();
    if (Math.abs(lower.length - needle.length) > bestDistance) continue;
    const d = distance(needle, lower);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  // A quarter of the length (at least 2) catches typos without suggesting unrelated words.
  return bestDistance <= Math.max(2, Math.floor(Math.max(needle.length, best.length) / 4)) ? best : undefined;
}
