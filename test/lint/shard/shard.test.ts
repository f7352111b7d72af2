import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/config/config-error.js';
import { fnv1a, parseShard, selectShard } from '../../../src/lint/shard.js';

const files = Array.from({ length: 200 }, (_, i) => `content/pages/${['care', 'tests', 'treatment'][i % 3]}/page-${i}.md`);

describe('parseShard', () => {
  it('reads i/n, 1-based', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/3', '4/3', 'a/b', '1/0', '2', '1/2/3', '-1/2', '1.5/2', ''])('rejects %j', (value) => {
    expect(() => parseShard(value)).toThrow(UsageError);
    expect(() => parseShard(value)).toThrow(/expected i\/n/);
  });
});

describe('selectShard', () => {
  it.each([1, 2, 3, 4, 5])('puts every file in exactly one of %i shards, each sorted', (count) => {
    const shards = Array.from({ length: count }, (_, i) => selectShard(files, { index: i + 1, count }));
    expect(shards.flat().sort()).toEqual([...files].sort());
    for (const shard of shards) expect(shard).toEqual([...shard].sort());
  });

  it('is deterministic whatever order the files come in', () => {
    const reversed = [...files].reverse();
    for (let index = 1; index <= 4; index++) {
      expect(selectShard(reversed, { index, count: 4 })).toEqual(selectShard(files, { index, count: 4 }));
    }
  });

  it('keeps shards about the same size', () => {
    const sizes = [1, 2, 3, 4].map((index) => selectShard(files, { index, count: 4 }).length);
    for (const size of sizes) expect(size).toBeGreaterThan(30);
  });

  it('moves only the added file when a file is added', () => {
    const more = [...files, 'content/pages/new-page.md'];
    for (let index = 1; index <= 3; index++) {
      const before = selectShard(files, { index, count: 3 });
      const after = selectShard(more, { index, count: 3 });
      expect(after.filter((file) => file !== 'content/pages/new-page.md')).toEqual(before);
    }
  });

  it('hashes with 32-bit FNV-1a over UTF-8', () => {
    // Reference values of FNV-1a 32 (offset basis 0x811c9dc5, prime 0x01000193).
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(fnv1a('é')).not.toBe(fnv1a('\u00e9'.normalize('NFD')));
  });
});
