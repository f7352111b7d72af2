import { readFileSync } from 'node:fs';

/** pagecare's own version, from its package.json (part of cache keys and SARIF output). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
