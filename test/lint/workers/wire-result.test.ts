import v8 from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dependency } from '../../../src/content/content-index.js';
import type { FileResult } from '../../../src/lint/lint-file.js';
import { fromWire, narrow, toWire } from '../../../src/lint/wire-result.js';

// Anything but NUL, which separates the parts; empty names and fingerprints included.
const part = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('\u0000'));

describe('a result sent between threads', () => {
  it('arrives with the same dependencies (its own and its links\'), in order, and everything else unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part), { maxLength: 20 }), fc.option(fc.array(fc.tuple(part, part), { maxLength: 8 })), (pairs, linkPairs) => {
        const asPairs = (list: Array<[string, string]>) => list.map(([dependency, fingerprint]): [Dependency, string] => [dependency, fingerprint]);
        const result: FileResult = {
          findings: [{ line: 2, column: 1, ruleId: 'link-broken', severity: 'error', message: 'x' }],
          dependencies: asPairs(pairs),
          validUntil: null,
          metrics: { readingAge: 9 },
          ...(linkPairs ? { links: { records: '[[3,1,3,20,0,"net","NETs"]]', dependencies: asPairs(linkPairs) } } : {}),
        };
        const wire = toWire(result);
        expect(typeof wire.dependencies).toBe('string');
        if (wire.links) expect(typeof wire.links.dependencies).toBe('string');
        expect(fromWire(structuredClone(wire))).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });

  it('is stored a byte a character when it can be, though cut from a page with a curly quote', () => {
    // Serialised size shows V8's representation: a byte a character, or two.
    const bytes = (text: string) => v8.serialize(text).length;
    const page = 'Say “chemo” for chemotherapy, link [NET](glossary:neuroendocrine-tumour) here.';
    const cut = page.slice(page.indexOf('[NET]'));
    expect(bytes(cut)).toBeGreaterThan(2 * cut.length);
    expect(bytes(narrow(cut))).toBeLessThan(cut.length + 8);
    expect(narrow(cut)).toBe(cut);
    // Text that needs two bytes stays as it is.
    expect(narrow(page)).toBe(page);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => narrow(text) === text));
  });
});
