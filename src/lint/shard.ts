import { UsageError } from '../config/config-error.js';

/** One job of a sharded run: `index` of `count`, 1-based (`--shard 2/4`). */
export interface Shard {
  index: number;
  count: number;
}

const SHARD = /^(\d+)\/(\d+)$/;

export function parseShard(value: string): Shard {
  const match = SHARD.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new UsageError(`Invalid shard \`${value}\`, expected i/n with 1 ≤ i ≤ n, such as 2/4`);
  }
  return { index, count };
}

/**
 * The files of one shard, sorted. Each file goes to shard `hash(path) mod n`,
 * so every file lands in exactly one shard whatever order the jobs list them
 * in, shards come out about the same size, and adding a file moves only it.
 */
export function selectShard(files: readonly string[], shard: Shard): string[] {
  return [...files].sort().filter((file) => fnv1a(file) % shard.count === shard.index - 1);
}

const encoder = new TextEncoder();

/** 32-bit FNV-1a of the path's UTF-8 bytes: stable across runs, platforms and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
