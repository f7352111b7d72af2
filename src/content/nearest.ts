import { distance } from 'fastest-levenshtein';

/** The candidate closest to `value` by edit distance, if it is close enough to be a plausible typo. */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  return nearestOf(value, candidates, (candidate) => candidate.toLowerCase().length, (candidate) => candidate);
}

/**
 * nearest over items made into their text only when they could still win:
 * `lowerLength(item)` must be the length of `text(item).toLowerCase()`. The
 * distance is at least the difference in length, so an item that cannot reach
 * the best so far is skipped unmade and unmeasured (a whole repository's
 * paths are the candidates for a broken link). The answer is the closest
 * candidate, the smallest of equals, whatever their order.
 */
export function nearestOf<T>(value: string, items: Iterable<T>, lowerLength: (item: T) => number, text: (item: T) => string): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const item of items) {
    if (Math.abs(lowerLength(item) - needle.length) > bestDistance) continue;
    const candidate = text(item);
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
