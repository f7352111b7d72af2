import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { expect, it } from 'vitest';

/**
 * Schemas take zod from src/zod.ts (zod/mini as a namespace, English set):
 * an import of classic `zod`, or a named import from `zod/mini`, would put
 * all of zod back into the bundle every process and lint worker loads.
 */
it('imports zod only through src/zod.ts', () => {
  const offenders = globSync('src/**/*.ts', { cwd: new URL('../..', import.meta.url).pathname })
    .filter((file) => file !== 'src/zod.ts')
    .filter((file) => /from\s+'zod(\/[^']*)?'/.test(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')));
  expect(offenders).toEqual([]);
});
