import { describe, expect, it } from 'vitest';
import { GlossaryMatcher } from '../../src/content/glossary-matcher.js';

const matcher = new GlossaryMatcher([
  { id: 'lymph-nodes', term: 'Lymph nodes', aliases: ['lymph node', 'lymph glands'], file: 'g/lymph-nodes.md' },
  { id: 'lymph', term: 'Lymph', aliases: [], file: 'g/lymph.md' },
  { id: 'neuroendocrine-tumour', term: 'Neuroendocrine tumour', aliases: ['NET'], file: 'g/net.md' },
  { id: 'chemotherapy', term: 'Chemotherapy', aliases: ['chemo'], file: 'g/chemotherapy.md' },
]);

const found = (text: string) => matcher.mentions(text).map((m) => `${m.id}=${text.slice(m.start, m.end)}`);

describe('GlossaryMatcher', () => {
  it('finds whole-word mentions in any case, the longest term first, with a simple plural', () => {
    expect(found('Your LYMPH NODES and lymph-glands drain lymph; Chemo’s effects; two neuroendocrine tumours.')).toEqual([
      'lymph-nodes=LYMPH NODES',
      'lymph-nodes=lymph-glands',
      'lymph=lymph',
      'chemotherapy=Chemo',
      'neuroendocrine-tumour=neuroendocrine tumours',
    ]);
  });

  it('matches acronyms in capitals only, and never inside a longer word', () => {
    expect(found('A safety net. Most NETs and one NET. Chemotherapeutic lymphoma.')).toEqual(['neuroendocrine-tumour=NETs', 'neuroendocrine-tumour=NET']);
  });

  it('finds mentions among 300 terms in a 1 MB text with one matcher', () => {
    const many = new GlossaryMatcher(
      Array.from({ length: 300 }, (_, i) => ({ id: `t${i}`, term: `term number ${i}`, aliases: [`alias ${i}`], file: `g/t${i}.md` })),
    );
    const text = 'Some words about term number 7 and alias 299. '.repeat(20_000);
    const mentions = many.mentions(text);
    expect(mentions).toHaveLength(40_000);
    expect(mentions.slice(0, 2).map((m) => m.id)).toEqual(['t7', 't299']);
  });
});
