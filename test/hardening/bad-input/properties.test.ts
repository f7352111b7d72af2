import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import type { Finding } from '../../../src/lint/finding.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';
import { badFile } from './arbitraries.js';
import { expectInvariants, findingsOf, GOOD, GOOD_PAGE, prototypeKeys, TODAY, writeBatch } from './batch.js';

const OUTSIDE = 'pagecare-outside.md';
/** Generated files: the issue asks for at least 500 a run. */
const MIN_CASES = 500;
const RUNS = 40;
/** A batch must finish in this, however hostile (the files are parsed in this thread, one at a time). */
const BATCH_BOUND_MS = 20_000;

let generated = 0;
let goodAlone: Finding[];

beforeAll(async () => {
  goodAlone = findingsOf((await lint({ cwd: makeRepo({ [GOOD]: GOOD_PAGE }), today: TODAY })).findings, GOOD);
});

afterAll(() => {
  console.log(`bad-input properties: ${generated} generated files in ${RUNS} batches`);
});

/**
 * Hostile files, many per engine call: each batch is a repository of 13–16
 * generated files beside one known-good page, linted in this thread the way
 * small runs are. The time budget needs compiled workers and has its own tests
 * (budget.test.ts); here nothing should need it.
 */
describe('bad input, generated', () => {
  it('never crashes or hangs, reports every bad file inside it, leaves the good page and Object.prototype alone', async () => {
    const before = prototypeKeys();
    await fc.assert(
      fc.asyncProperty(fc.array(badFile(OUTSIDE), { minLength: 13, maxLength: 16 }), async (bad) => {
        generated += bad.length;
        const batch = writeBatch(bad, OUTSIDE);
        const started = performance.now();
        const result = await lint({ cwd: batch.root, today: TODAY });
        expect(performance.now() - started).toBeLessThan(BATCH_BOUND_MS);
        expectInvariants(batch, result.findings);
        expect(findingsOf(result.findings, GOOD)).toEqual(goodAlone);
        expect(prototypeKeys()).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    expect(generated).toBeGreaterThanOrEqual(MIN_CASES);
  }, 120_000);
});

describe('a bare disable', () => {
  // unified-message-control's bare form drops the findings above an unmatched disable; pagecare
  // names every rule instead (src/lint/message-control.ts), so one comment cannot hide a page's errors.
  it('left open to the end does not hide the front matter above it', async () => {
    const root = makeRepo({ 'content/pages/a.md': `${page({ owner: '[jsmith, jsmith]' })}\n<!-- pagecare-disable -->\n` });
    const findings = (await lint({ cwd: root, today: TODAY })).findings.filter((finding) => finding.file === 'content/pages/a.md');
    expect(findings.map((finding) => finding.ruleId)).toContain('frontmatter-schema');
  });
});
