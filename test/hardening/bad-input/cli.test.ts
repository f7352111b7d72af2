import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lint/finding.js';
import { runCli } from '../../helpers/run-cli.js';
import { badFile, slowFile } from './arbitraries.js';
import { expectInvariants, findingsOf, GOOD, TODAY, writeBatch } from './batch.js';
import { budgetConfig } from './dist-engine.js';

const OUTSIDE = 'pagecare-outside.md';
/** Reproduce a failure with the seed it printed: PAGECARE_BAD_INPUT_SEED=… npx vitest run test/hardening/bad-input/cli */
const seed = Number(process.env.PAGECARE_BAD_INPUT_SEED ?? Date.now() % 1_000_000);
let generated = 0;

afterAll(() => {
  console.log(`bad-input CLI: ${generated} generated files (seed ${seed})`);
});

function lintJson(root: string, format = 'json') {
  const run = runCli(['lint', '--today', TODAY, '--format', format], { cwd: root });
  return { ...run, json: format === 'github' ? undefined : (JSON.parse(run.stdout) as unknown) };
}

/** The real CLI: exit 1 (findings), never 2 (could not run), and well-formed output, however bad the pages. */
describe('pagecare lint on bad input', () => {
  it(`exits 1 with every bad file reported in JSON and as GitHub annotations (seed ${seed})`, () => {
    const bad = fc.sample(badFile(OUTSIDE), { seed, numRuns: 30 });
    generated += bad.length;
    const batch = writeBatch(bad, OUTSIDE);

    const json = lintJson(batch.root);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(1);
    const { messages, summary } = json.json as { messages: Finding[]; summary: { files: number } };
    expect(summary.files).toBe(bad.length + 2); // and the good page and the glossary entry it links to
    expectInvariants(batch, messages);
    expect(findingsOf(messages, GOOD)).toEqual([]);

    const github = lintJson(batch.root, 'github');
    expect(github.status).toBe(1);
    for (const { file } of batch.files) expect(github.stdout).toContain(`file=${file},`);
  });

  it(`exits 1 with SARIF for a threaded run holding a file nested 10,000 deep and one over the time budget (seed ${seed})`, () => {
    const bad = fc.sample(badFile(OUTSIDE), { seed: seed + 1, numRuns: 66 });
    const [slow] = fc.sample(slowFile, { seed, numRuns: 1 });
    generated += bad.length + 1;
    const batch = writeBatch([slow!, ...bad], OUTSIDE, {
      'pagecare.config.yml': budgetConfig('PT3S'),
      'content/pages/deep.md': `---\ntitle: Deep\n---\n${'> '.repeat(10_000)}x\n`,
    });

    const sarif = lintJson(batch.root, 'sarif');
    expect(sarif.stderr).toBe('');
    expect(sarif.status).toBe(1);
    const results = (sarif.json as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }).runs[0]!.results;
    const reported = new Set(results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri));
    for (const { file } of batch.files) expect(reported.has(file), file).toBe(true);
    const tooComplex = results.filter((result) => result.ruleId === 'file-too-complex').map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(tooComplex).toEqual(expect.arrayContaining(['content/pages/deep.md', batch.files[0]!.file]));
  }, 60_000);
});
