import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dependency } from '../../../src/content/content-index.js';
import type { FileResult } from '../../../src/lint/lint-file.js';
import { fromWire, toWire } from '../../../src/lint/wire-result.js';

// Anything but NUL, which separates the parts; empty names and fingerprints included.
const part = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('\u0000'));

describe('a result sent between threads', () => {
  it('arrives with the same dependencies, in order, and everything else unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part), { maxLength: 20 }), (pairs) => {
        const result: FileResult = {
          findings: [{ line: 2, column: 1, ruleId: 'link-broken', severity: 'error', message: 'x' }],
          dependencies: pairs.map(([dependency, fingerprint]) => [dependency as Dependency, fingerprint]),
          validUntil: null,
          metrics: { readingAge: 9 },
        };
        const wire = toWire(result);
        expect(typeof wire.dependencies).toBe('string');
        expect(fromWire(structuredClone(wire))).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });
});
