import { rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lint/finding.js';
import { makeRepo } from '../../helpers/temp-repo.js';
import { badFile, slowFile } from './arbitraries.js';
import { expectInvariants, findingsOf, GOOD, GOOD_PAGE, prototypeKeys, TODAY, writeBatch } from './batch.js';
import { budgetConfig, distEngine } from './dist-engine.js';

const { lint } = await distEngine();
const goodAlone = findingsOf((await lint({ cwd: makeRepo({ [GOOD]: GOOD_PAGE }), today: TODAY })).findings, GOOD);
const OUTSIDE = 'pagecare-outside.md';
/** Far above what any ordinary generated file takes on a busy machine, far below what a slow one takes on a fast one. */
const BUDGET_MS = 3_000;
const config = { 'pagecare.config.yml': budgetConfig('PT3S') };
const overBudget = /^Checking this file took longer than the 3 s budget \(`lint\.timeBudget`\), so it was stopped; expected /;
let generated = 0;

afterAll(() => {
  console.log(`bad-input budget: ${generated} generated files`);
});

/** A page whose parse alone runs out of a 24 MB heap within a second: about 140,000 links in just under 1 MB. */
const HUNGRY = `---\ntitle: Links\n---\n\n${'[a](b) '.repeat(140_000)}\n`;

describe('lint.timeBudget in a small run', () => {
  it('stops each file the parser is slow on at the budget, reports it at line 1, and checks the others', async () => {
    const before = prototypeKeys();
    await fc.assert(
      fc.asyncProperty(fc.array(slowFile, { minLength: 1, maxLength: 1 }), fc.array(badFile(OUTSIDE), { minLength: 4, maxLength: 8 }), async (slow, bad) => {
        generated += slow.length + bad.length;
        const batch = writeBatch([...slow, ...bad], OUTSIDE, config);
        const started = performance.now();
        const { findings } = await lint({ cwd: batch.root, today: TODAY });
        // Each slow file costs the budget and a fresh worker's start; nothing waits for a parse to end.
        expect(performance.now() - started).toBeLessThan(slow.length * (BUDGET_MS + 3_000) + 3_000);
        expectInvariants(batch, findings);
        for (const { file } of batch.files.slice(0, slow.length)) {
          expect(findingsOf(findings, file).map((f) => `${f.line} ${f.ruleId}`)).toEqual(['1 file-too-complex']);
          expect(findingsOf(findings, file)[0]!.message).toMatch(overBudget);
        }
        expect(findingsOf(findings, GOOD)).toEqual(goodAlone);
        expect(prototypeKeys()).toEqual(before);
      }),
      { numRuns: 2 },
    );
  }, 60_000);
});

describe('worker threads under faults', () => {
  it('check every other file of a threaded run as one thread would when files time out and a worker runs out of memory', async () => {
    // 70 generated files make the run threaded; two slow ones time out and one exhausts its worker's heap.
    const slow = fc.sample(slowFile, { seed: 6, numRuns: 2 });
    const bad = fc.sample(badFile(OUTSIDE), { seed: 42, numRuns: 70 });
    generated += bad.length + slow.length;
    const faulty = writeBatch([...slow, ...bad], OUTSIDE, { ...config, 'content/pages/hungry.md': HUNGRY });
    const started = performance.now();
    const threaded = await lint({ cwd: faulty.root, today: TODAY, workers: 2, workerHeapMb: 24 });
    expect(performance.now() - started).toBeLessThan(30_000);

    const faults = faulty.files.slice(0, slow.length).map(({ file }) => file);
    // Under the small heap a slow file may run out of memory before its time is up: either way it is stopped and reported.
    for (const file of faults) expect(findingsOf(threaded.findings, file).map((f) => f.message)).toEqual([expect.stringMatching(/^Checking this file (took longer|stopped the checker)/)]);
    expect(findingsOf(threaded.findings, 'content/pages/hungry.md').map((f) => f.message)).toEqual([
      'Checking this file stopped the checker (out of memory), expected a smaller page without very deep nesting or long runs of unclosed markup',
    ]);
    expectInvariants(faulty, threaded.findings);

    // The same files without the faulty ones, in this thread: every other file's findings are the same.
    const sound = writeBatch([...slow, ...bad], OUTSIDE, config);
    for (const file of faults) rmSync(path.join(sound.root, file));
    const single = await lint({ cwd: sound.root, today: TODAY, workers: 1 });
    const others = (findings: Finding[]) => findings.filter((f) => !faults.includes(f.file) && f.file !== 'content/pages/hungry.md');
    expect(others(threaded.findings)).toEqual(single.findings);
    expect(findingsOf(threaded.findings, GOOD)).toEqual(goodAlone);
  }, 60_000);
});
