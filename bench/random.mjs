// A small seeded PRNG for the corpus generator: the same seed gives the same corpus on any machine.

/** 32-bit FNV-1a of a string: turns (seed, page number, stream name) into a PRNG seed. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A random stream named by its parts (`random(seed, 'page', 42)`): every page
 * draws from its own stream, so a page can be regenerated without the others.
 * The generator is mulberry32: fast, 32-bit state, good enough for test data.
 */
export function random(...parts) {
  let state = hash(parts.join('\u0000'));
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    /** A whole number in [min, max]. */
    int,
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** `count` distinct items of `list`, in random order. */
    sample(list, count) {
      const copy = list.slice();
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
    /** An index in [0, size) skewed towards 0: a few glossary terms are linked far more than the rest. */
    skewed: (size, power = 2) => Math.min(size - 1, Math.floor(size * next() ** power)),
  };
}
