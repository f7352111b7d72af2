import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { lint } from '../../src/lint/engine.js';
import { makeRepo, page } from '../helpers/temp-repo.js';

const TODAY = '2026-06-01';

/** Eleven sentences, three long words each: SMOG grade 3.13 + 1.043·√(33·30/11) ≈ 13, reading age 18. */
const DENSE = Array.from({ length: 11 }, () => 'Chemotherapy, radiotherapy and immunotherapy help.').join(' ');

async function findings(config: string, body: string) {
  const root = makeRepo({ 'pagecare.config.yml': config, 'content/pages/a.md': page({}, `${body}\n`) });
  return (await lint({ cwd: root, today: TODAY })).findings.map((f) => `${f.ruleId} ${f.line} ${f.severity}`);
}

describe('rule options in pagecare.config.yml', () => {
  it('readability: the target reading age is `age` (default 11)', async () => {
    expect(await findings('{}\n', DENSE)).toEqual(['readability 14 warning']);
    expect(await findings('rules:\n  readability: [warning, { age: 18 }]\n', DENSE)).toEqual([]);
    expect(await findings('rules:\n  readability: [error, { age: 17 }]\n', DENSE)).toEqual(['readability 14 error']);
  });

  it('sentence-length: the longest sentence allowed is `max` words (default 20)', async () => {
    const twelve = 'You may feel tired and a bit sore for a week or two.';
    expect(await findings('{}\n', twelve)).toEqual([]);
    expect(await findings('rules:\n  sentence-length: [info, { max: 11 }]\n', twelve)).toEqual(['sentence-length 14 info']);
  });

  it('glossary-term-unlinked is off unless the config names it', async () => {
    const body = 'Chemo can make you tired. Some people have [chemo](glossary:chemotherapy).';
    expect(await findings('{}\n', body)).toEqual([]);
    expect(await findings('rules:\n  glossary-term-unlinked: info\n', body)).toEqual(['glossary-term-unlinked 14 info']);
  });

  it.each([
    ['readability: [warning, { age: eleven }]', 'pagecare.config.yml:2: Unexpected `eleven` in `rules.readability[1].age`, expected a whole number from 5 to 25 (default 11)'],
    ['readability: [warning, { age: 30 }]', 'Unexpected `30` in `rules.readability[1].age`, expected a whole number from 5 to 25'],
    ['readability: [warning, { ag: 12 }]', 'Unknown field `rules.readability[1].ag`, expected `age`'],
    ['sentence-length: [info, { max: 2.5 }]', 'Unexpected `2.5` in `rules.sentence-length[1].max`, expected a whole number from 5 to 100 (default 20)'],
  ])('rejects `%s` with the key and the fix', (setting, message) => {
    const root = makeRepo({ 'pagecare.config.yml': `rules:\n  ${setting}\n` }, false);
    expect(() => loadConfig({ cwd: root })).toThrow(message);
  });
});
