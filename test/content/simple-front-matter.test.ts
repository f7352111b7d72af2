import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's corpus generator is plain JavaScript
import { generateCorpus } from '../../bench/generate-corpus.mjs';
import { parseFrontMatter, parseFrontMatterWithYaml, splitFrontMatter, type FrontMatter, type YamlPath } from '../../src/content/front-matter.js';
import { readSimpleFrontMatter } from '../../src/content/simple-front-matter.js';

/** Every path into the data, plus paths beside them that lead nowhere (a missing key, an index past the end, an index as text). */
function pathsOf(data: unknown, prefix: YamlPath = []): YamlPath[] {
  const probes: YamlPath[] = [prefix, [...prefix, 'missing'], [...prefix, 99], [...prefix, '0']];
  if (!data || typeof data !== 'object') return probes;
  const children = Object.entries(data).flatMap(([key, value]) => pathsOf(value, [...prefix, Array.isArray(data) ? Number(key) : key]));
  return [...probes, ...children];
}

/** All a caller can read of a parse: fields, data, errors and the key and value positions of every path. */
function view(frontMatter: FrontMatter, paths: YamlPath[]) {
  const { present, closed, startLine, endLine, bodyLine, data, errors } = frontMatter;
  const spans = paths.map((p) => ({ path: p, key: frontMatter.keySpan(p), value: frontMatter.valueSpan(p) }));
  return { present, closed, startLine, endLine, bodyLine, data, errors, spans };
}

/** Parse `text` both ways and expect the same result; true when the fast path took it. */
function sameAsYaml(text: string): boolean {
  const reference = parseFrontMatterWithYaml(text);
  const paths = pathsOf(reference.data);
  const actual = view(parseFrontMatter(text), paths);
  const expected = view(reference, paths);
  // Node's comparison, not only vitest's: vitest takes an own `constructor` key for the object's type.
  if (!isDeepStrictEqual(actual, expected)) {
    expect(actual).toStrictEqual(expected);
    expect.fail(`${JSON.stringify(actual)}\n differs from\n${JSON.stringify(expected)}`);
  }
  const fast = readSimpleFrontMatter(splitFrontMatter(text).yaml) !== undefined;
  if (fast) expect(reference.errors).toEqual([]);
  return fast;
}

/** The model page's front matter (CONTENT-SPEC), with the seed page's reference list as editors would write it. */
const SEED_FRONT_MATTER = `---
title: Treatment for small bowel neuroendocrine cancer
owner: jsmith
reviewers: [net-clinical, content-lead]
last_reviewed: 2025-03-18
next_review: 2028-03-18
references:
  - type: guideline
    title: "Gastroenteropancreatic neuroendocrine neoplasms: ESMO Clinical Practice Guidelines for diagnosis, treatment and follow-up"
    authors: M. Pavel and others
    journal: Annals of Oncology
    year: 2020
    volume: 31
    issue: 5
    doi: 10.1016/j.annonc.2020.03.304
  - title: Management of Small Bowel Neuroendocrine Tumors - Clinical Review
    authors: Aaron T. Scott and James R. Howe
    journal: American Society of Clinical Oncology
    year: 2018
    volume: 14
    issue: 8

  - title: European Neuroendocrine Tumor Society (ENETS) 2023guidance paper for gastroduodenal neuroendocrinetumours (NETs) G1–G3
    authors: F Panzuto and others
    journal: Journal of Neuroendocrinology
    year: 2023
    pages: 1 - 14
  - title: 'ENETS consensus guidelines update for neuroendocrine neoplasms of the jejunum and ileum'
    authors: B Niederle and others
    journal: Neuroendocrinology
    pages: 125 – 138
    url: https://doi.org/10.1159/000443170
  - title: How to Manage Small Intestine (Jejunal and Ileal) Neuroendocrine Neoplasms Presenting with Liver Metastases?
    authors: B Niederle and others
    journal: Current Oncology Reports
    year: 2021
---
Small bowel neuroendocrine cancers start in the neuroendocrine cells of the small bowel.
`;

describe('the simple front matter fast path', () => {
  it('takes the model page and gives its data and positions exactly as the yaml library does', () => {
    expect(sameAsYaml(SEED_FRONT_MATTER)).toBe(true);
    const data = parseFrontMatter(SEED_FRONT_MATTER).data as { references: Array<Record<string, unknown>> };
    expect(data.references[0]!.year).toBe(2020);
    expect(data.references[2]!.pages).toBe('1 - 14');
    expect(parseFrontMatter(SEED_FRONT_MATTER).keySpan(['references', 1])).toEqual({ line: 16, column: 5, endLine: 21, endColumn: 14 });
  });

  it('leaves what it does not read to the yaml library, errors and all', () => {
    for (const yaml of ['title: a # note', 'title: a\ntitle: b', 'refs:\n  - a\n   - b', 'title:', 'meta:\n  a: 1', 'a: [x, 1]', 'a: "x\\"y"', 'title: x\n  wrapped', 'null: x']) {
      const text = `---\n${yaml}\n---\n`;
      expect(readSimpleFrontMatter(splitFrontMatter(text).yaml), yaml).toBeUndefined();
      sameAsYaml(text);
    }
  });

  // Simple lines and near misses: whenever the fast path takes a block, yaml must read it without errors and alike.
  /** Mostly `usual`, now and then one of `odd`. */
  const mostly = <T,>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ weight: 20, arbitrary: usual }, { weight: 1, arbitrary: odd });
  const keyName = mostly(
    fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/),
    fc.constantFrom('title', 'year', 'type', 'a-b', '_x', 'K1', 'null', 'True', '__proto__', 'constructor', 'x'.repeat(130), 'y'.repeat(1100)),
  );
  const awkward = fc.constantFrom(
    'null', 'Null', '~', 'true', 'FALSE', 'yes', '12', '007', '0', '-1', '+1', '.5', '1.', '3.0', '1e5', '1_000', '0x1F', '0o17', '0b101', '.inf', '.nan',
    '12345678901234567890', '2025-02-30', '10.1007/s00520.2021.2597', 'https://example.org/a?b=c#d', 'a: b', 'a:b', 'a:', 'a :b', 'a #c', 'a#b',
    "it's", 'say "hi"', '"quoted"', "'single'", '"a\\"b"', '"a\\nb"', "'it''s'", `"it's"`, `'say "hi"'`, '""', "''", '"a" b', '"a" # c', '- x', '-x',
    '[a, b]', '{a: 1}', '&x y', '*x', '!tag v', '!!str 1', '|', '>', '%x', '@x', '`x`', '?x', '? x', 'a ? b', 'a - b', 'a, b', '', ' ', 'a\tb', 'a\t',
    'x\u2028y', 'x\u0085y', '\ufeffx', 'x\u00a0', 'x\u0001', 'é', '日本語', '😀', '593–603', 'z'.repeat(3000),
  );
  const scalar = mostly(
    fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,/()?&–-]{0,20}$/), fc.integer({ min: 0, max: 99999 }).map(String)),
    fc.oneof(awkward, fc.string({ maxLength: 8 }), fc.string({ maxLength: 8, unit: 'binary' })),
  );
  const value = fc.oneof({ weight: 4, arbitrary: scalar }, scalar.map((v) => `"${v}"`), scalar.map((v) => `'${v}'`));
  const trailing = mostly(fc.constantFrom('', ' ', '   '), fc.constantFrom('\t', ' # c', ' #'));
  const line = (indent: string) => fc.tuple(keyName, mostly(fc.constantFrom(': ', ':  '), fc.constantFrom(':', ' : ', ':\t')), value, trailing).map(([k, sep, v, t]) => `${indent}${k}${sep}${v}${t}`);
  const blank = fc.constantFrom([], [], [''], ['', ''], ['   ']);
  const item = (indent: string) =>
    fc.oneof(
      fc.tuple(mostly(fc.constant('- '), fc.constantFrom('-  ', '-')), value, trailing).map(([dash, v, t]) => [`${indent}${dash}${v}${t}`]),
      fc.tuple(line(''), fc.array(fc.tuple(blank, mostly(fc.constant('  '), fc.constantFrom(' ', '   ', '    '))), { maxLength: 6 }), fc.array(line(''), { maxLength: 6 })).map(([first, gaps, rest]) => [
        `${indent}- ${first}`,
        ...rest.flatMap((field, n) => [...(gaps[n]?.[0] ?? []), `${indent}${gaps[n]?.[1] ?? '  '}${field}`]),
      ]),
    );
  const field = fc.oneof(
    { weight: 8, arbitrary: line('').map((l) => [l]) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(keyName, trailing.filter((t) => !t.includes('#')), fc.constantFrom('', '  ', '    ', ' '))
        .chain(([k, t, indent]) =>
          fc.array(fc.tuple(blank, item(indent)), { minLength: 1, maxLength: 6 }).map((items) => [`${k}:${t}`, ...items.flatMap(([gap, lines]) => [...gap, ...lines])]),
        ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(keyName, fc.array(scalar, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , ', ',  '), fc.constantFrom('', ' '), trailing)
        .map(([k, items, comma, pad, t]) => [`${k}: [${pad}${items.join(comma)}${pad}]${t}`]),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('# comment', 'meta:\n  a: 1\n  b: 2', 'title: long\n  wrapped', '\ttitle: x', 'owner: &a x', 'other: *a', '--- ', '...', '? complex', 'text: |\n  block', 'empty:', ' indented: 1', 'a: [x,]', 'a: []', 'a: [ ]', 'a: [x] y', 'a: [[x]]', 'a: {b: 1}', 'refs:\n  - a: 1\n    - b')
        .map((l) => l.split('\n')),
    },
  );
  const frontMatter = fc.tuple(blank, fc.array(fc.tuple(field, blank), { minLength: 1, maxLength: 8 })).map(([lead, fields]) => [...lead, ...fields.flatMap(([f, b]) => [...f, ...b])].join('\n'));

  it('reads what it takes exactly as the yaml library does: data, number or string, and every key and value position', () => {
    let taken = 0;
    const runs = 2000;
    fc.assert(
      fc.property(frontMatter, (yaml) => {
        if (sameAsYaml(`---\n${yaml}\n---\nBody\n`)) taken++;
      }),
      { numRuns: runs },
    );
    // The grammar leans to simple lines, so a fast path that bails on everything would show here.
    expect(taken).toBeGreaterThan(runs / 20);
  }, 25_000);

  // Only simple lines: the common shapes, which the fast path must take.
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,/()–-]{0,30}[A-Za-z0-9.)]$/).filter((w) => !/ [#-]|: /.test(w));
  const simpleValue = fc.oneof(word, fc.integer({ min: 1, max: 2_000_000 }).map(String), word.map((w) => `"${w}: ${w}"`), word.map((w) => `'${w}'`));
  const referenceField = fc.tuple(fc.constantFrom('type', 'title', 'authors', 'journal', 'year', 'volume', 'pages', 'doi', 'url'), simpleValue);
  const reference = fc.uniqueArray(referenceField, { minLength: 1, maxLength: 8, selector: ([k]) => k });
  const simpleFrontMatter = fc
    .tuple(
      fc.uniqueArray(fc.tuple(fc.constantFrom('title', 'summary', 'owner', 'last_reviewed', 'next_review', 'status'), simpleValue), { minLength: 1, selector: ([k]) => k }),
      fc.array(word.filter((w) => !/[,:]/.test(w)), { maxLength: 3 }),
      fc.constantFrom('', '  ', '    '),
      fc.array(reference, { minLength: 1, maxLength: 8 }),
    )
    .map(([fields, tags, indent, references]) =>
      [
        ...fields.map(([k, v]) => `${k}: ${v}`),
        `tags: [${tags.join(', ')}]`,
        'references:',
        ...references.flatMap((ref) => ref.map(([k, v], n) => `${indent}${n === 0 ? '- ' : '  '}${k}: ${v}`)),
      ].join('\n'),
    );

  it('takes the common shapes: fields, flow lists and reference lists at any indent', () => {
    fc.assert(
      fc.property(simpleFrontMatter, (yaml) => {
        expect(sameAsYaml(`---\n${yaml}\n---\nBody\n`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseFrontMatter with the fast path', () => {
  const rulesRepo = path.resolve(import.meta.dirname, '../rules/repo');
  const root = mkdtempSync(path.join(tmpdir(), 'pagecare-simple-fm-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives what the yaml library gives for every page of the rule fixtures', () => {
    const files = readdirSync(rulesRepo, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(50);
    const taken = files.filter((file) => sameAsYaml(readFileSync(path.join(rulesRepo, file), 'utf8')));
    expect(taken.length).toBeGreaterThan(0);
  });

  it('takes every page of the benchmark corpus, giving what the yaml library gives', () => {
    const dir = path.join(root, 'corpus');
    generateCorpus({ dir, pages: 60 });
    const files = readdirSync(path.join(dir, 'content'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    expect(files.length).toBe(360);
    for (const file of files) expect(sameAsYaml(readFileSync(path.join(dir, 'content', file), 'utf8')), file).toBe(true);
  }, 30_000);
});
