import fc from 'fast-check';

/**
 * Generators of broken and hostile content files. Each file is assembled from
 * parts; a part is `sure` when it alone guarantees a finding whatever the other
 * parts are (an unclosed front matter, a NUL byte, a link out of the repository),
 * and every generated file has at least one sure part, so "every bad file gets a
 * finding" is a fair invariant. The other parts are hostile without being wrong
 * on their own (a BOM, CRLF, `file:` URLs, `__proto__` keys), there to break
 * whatever they can.
 */
export interface Part {
  text: string | Uint8Array;
  planted: string;
  sure: boolean;
  /** It can hide what follows it: a disable marker, or an unclosed fence or comment that swallows later lines. */
  hides?: boolean;
}

export interface BadFile {
  kind: 'page' | 'glossary';
  bytes: Uint8Array;
  /** What was planted, for a failure's report. */
  planted: string[];
}

const REFERENCE = [
  'references:',
  '  - type: guideline',
  '    title: ESMO Clinical Practice Guidelines for neuroendocrine neoplasms',
  '    authors: M Pavel and others',
  '    journal: Annals of Oncology',
  '    year: 2020',
];
const FIELDS: Record<string, string> = {
  title: 'A page',
  owner: 'jsmith',
  reviewed_by: '[net-clinical]',
  last_reviewed: '2025-03-18',
  next_review: '2028-03-18',
};

/** Front matter lines: the clean page's, with some fields replaced. */
function fields(overrides: Record<string, string> = {}, extra: string[] = []): string[] {
  const all = { ...FIELDS, ...overrides };
  return [...Object.entries(all).map(([key, value]) => `${key}: ${value}`), ...REFERENCE, ...extra];
}

const fenced = (lines: string[]): string => `---\n${lines.join('\n')}\n---\n`;
const part = (text: string | Uint8Array, planted: string, sure: boolean): Part => ({ text, planted, sure });

const wrongTypes = fc.constantFrom(
  ['owner', '[jsmith, jsmith]'],
  ['owner', '42'],
  ['owner', '{ a: b }'],
  ['title', '123'],
  ['title', '[a, b]'],
  ['title', 'null'],
  ['last_reviewed', 'true'],
  ['next_review', '{ year: 2028 }'],
  ['reviewed_by', 'net-clinical'],
  ['references', '"none"'],
  ['references', '7'],
);

const impossibleDates = fc.constantFrom('2025-02-30', '2025-13-01', '2025-00-10', '2023-02-29', '2025-04-31', '18 Mar 2025', '2025-2-3', '99999-01-01', '2025-03-18T25:00', '2025/03/18');

const hugeNumbers = fc.constantFrom('99999999999999999999999', '1e400', '-1e400', '.inf', '-.inf', '.nan', '0x7fffffffffffffffffff', '123456789012345678901234567890.5');

/** `&a [x, x, …]`, then each level an array of aliases of the one before: width^levels nodes if expanded. */
export function aliasBomb(levels: number, width: number): string[] {
  const lines = [`lol0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let level = 1; level <= levels; level++) {
    lines.push(`lol${level}: &a${level} [${Array(width).fill(`*a${level - 1}`).join(', ')}]`);
  }
  return lines;
}

const prototypeKeys = fc.constantFrom(
  ['__proto__: { polluted: yes }'],
  ['"__proto__": { polluted: yes }'],
  ['constructor: { prototype: { polluted: yes } }'],
  ['prototype: { polluted: yes }'],
  ['toString: { polluted: yes }'],
  ['hasOwnProperty: 1'],
  ['nested: { __proto__: { polluted: yes }, constructor: { prototype: { polluted: yes } } }'],
  ['list: [{ __proto__: { polluted: yes } }]'],
);

/** Front matter, broken or hostile in one way. */
export const frontMatter: fc.Arbitrary<Part> = fc.oneof(
  fc.constant(part(fenced(fields()), 'clean front matter', false)),
  fc.constant(part(`---\n${fields().join('\n')}\n`, 'unclosed ---', true)),
  fc.constant(part('---\n', 'only an opening ---', true)),
  fc.constant(part('', 'empty file', true)),
  fc.constant(part('Just text, no front matter.\n', 'no front matter', true)),
  fc.constantFrom(['\t- x', 'tab-indented item'], ['title:\tA\ttabbed title', 'tabs around a value'], ['\ttitle: A page', 'tab-indented key']).map(([line, what]) =>
    // A tab before a key is a YAML error; tabs around a value are legal, so that one is not sure on its own.
    part(fenced([...fields(), line!]), what!, what !== 'tabs around a value'),
  ),
  wrongTypes.map(([key, value]) => part(fenced(fields({ [key]: value })), `wrong type ${key}: ${value}`, true)),
  fc.tuple(fc.constantFrom('last_reviewed', 'next_review'), impossibleDates).map(([key, value]) =>
    part(fenced(fields({ [key]: value })), `impossible date ${key}: ${value}`, true),
  ),
  hugeNumbers.map((value) => part(fenced(fields({ next_review: value })), `huge number next_review: ${value}`, true)),
  hugeNumbers.map((value) => part(fenced([...fields(), '    volume: ' + value, '    pages: ' + value]), `huge number in a reference: ${value}`, false)),
  fc.tuple(fc.integer({ min: 20, max: 3_000 }), fc.constantFrom('[', '{ a: ')).map(([depth, open]) =>
    part(fenced(fields({ title: open.repeat(depth) + (open === '[' ? ']' : '}').repeat(depth) })), `title nested ${depth} deep`, true),
  ),
  fc.tuple(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 5, max: 10 })).map(([levels, width]) =>
    part(fenced([...fields(), ...aliasBomb(levels, width)]), `alias bomb ${width}^${levels}`, true),
  ),
  fc.constantFrom('title', 'owner', 'next_review').map((key) => part(fenced([...fields(), `${key}: again`]), `duplicate key ${key}`, true)),
  prototypeKeys.map((lines) =>
    // A top-level `__proto__` may vanish into the object's prototype; every other key is sure to be an unknown field.
    part(fenced([...fields(), ...lines]), `prototype key ${lines[0]}`, !/^"?__proto__"?:/.test(lines[0]!)),
  ),
);

const words = fc.array(fc.constantFrom('cancer', 'treatment', 'the', 'cells', 'doctor', 'may', 'help', 'scan', 'of', 'and'), { minLength: 3, maxLength: 40 }).map((list) => `${list.join(' ')}.\n`);

/** Bytes with a NUL among them: binary content. */
const binary = fc.uint8Array({ minLength: 1, maxLength: 4_096 }).map((bytes) => {
  const copy = new Uint8Array(bytes.length + 1);
  copy.set(bytes);
  copy[Math.floor(bytes.length / 2)] = 0;
  return copy;
});

/** Bytes that are not UTF-8 in otherwise plain text. */
const invalidUtf8 = fc.constantFrom([0xff], [0xfe, 0xfe], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf]);

/** Markup after which a body part's finding may rightly not show: it is disabled, or the part is no longer Markdown but code or a comment. */
const HIDING_MARKUP = new Set(['<!-- pagecare-disable -->', '<!-- pagecare-disable link-broken -->', '<!--', '```\nunclosed fence']);

const containers = fc.constantFrom('- ', '> ', '* ', '+ ', '1. ', '2) ', '> - ', '- > ');

/** A body part: text, binary, odd bytes, long lines, nesting. */
export const bodyPart: fc.Arbitrary<Part> = fc.oneof(
  words.map((text) => part(text, 'words', false)),
  binary.map((bytes) => part(bytes, 'binary bytes with a NUL', true)),
  fc.tuple(words, invalidUtf8).map(([text, bad]) => part(new Uint8Array([...new TextEncoder().encode(text), ...bad, 0x0a]), `invalid UTF-8 ${bad.map((b) => b.toString(16)).join(' ')}`, true)),
  fc.integer({ min: 1_000, max: 60_000 }).map((length) => part(`${'a'.repeat(length)}\n`, `a line of ${length} characters`, false)),
  fc.integer({ min: 500, max: 20_000 }).map((words) => part(`${'word '.repeat(words)}\n`, `a line of ${words} words`, false)),
  fc.tuple(containers, fc.integer({ min: 1, max: 100 })).map(([marker, depth]) => part(`\n${marker.repeat(depth)}x\n\n`, `${JSON.stringify(marker)} nested ${depth} deep`, false)),
  fc.tuple(containers, fc.integer({ min: 101, max: 12_000 })).map(([marker, depth]) => part(`\n${marker.repeat(depth)}x\n\n`, `${JSON.stringify(marker)} nested ${depth} deep`, true)),
  fc.integer({ min: 2, max: 60 }).map((depth) =>
    part(`\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n\n`, `list indented ${depth} deep`, false),
  ),
  fc.integer({ min: 2, max: 200 }).map((depth) => part(`\n${Array.from({ length: depth }, (_, i) => `${'>'.repeat(i + 1)} quote`).join('\n')}\n\n`, `quotes growing to ${depth} deep`, depth > 100)),
  fc.constantFrom('\u202e', '\u200b', '\ufeff', '\u2028', '\u0085', '\ud800', '\udfff', '\u0007', '\u001b[31m').map((char) => part(`odd ${char} character\n`, `character U+${char.charCodeAt(0).toString(16)}`, false)),
  fc.constantFrom('<script>alert(1)</script>', '<!-- pagecare-disable -->', '<!-- pagecare-disable link-broken -->', '<!-- pagecare-enable link-broken -->', '<!--', '```\nunclosed fence', '$$', '| a | b |\n|--|').map((text) => ({
    ...part(`\n${text}\n`, `markup ${JSON.stringify(text)}`, false),
    hides: HIDING_MARKUP.has(text),
  })),
);

const oddGlossaryIds = fc.oneof(
  fc.constantFrom('', '../../etc/passwd', '..', '.', '/etc/passwd', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '%00', '%2e%2e%2fetc', 'a b', 'Chemotherapy', 'chemotherapy/../x', 'chemo therapy', '\u202echemo'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((id) => id !== 'chemotherapy' && !id.startsWith('bad-')),
);

/** Climbs out of the repository from content/pages/x.md (three `..` reach the repository's parent). */
const escape = (levels: number) => '../'.repeat(levels);

/** A link line; `outside` names a file that really exists just outside the repository. */
export function linkPart(outside: string): fc.Arbitrary<Part> {
  return fc.oneof(
    // In `<…>` a destination may hold spaces and odd characters; only line breaks, `<`, `>` and escapes are taken out.
    oddGlossaryIds.map((id) => part(`A [term](<glossary:${id.replace(/[\n\r<>\\]/g, '')}>) here.\n`, `glossary link to ${JSON.stringify(id)}`, true)),
    fc.integer({ min: 3, max: 12 }).map((levels) => part(`See [this](${escape(levels)}etc/passwd).\n`, `link ${escape(levels)}etc/passwd`, true)),
    fc.integer({ min: 3, max: 5 }).map((levels) => part(`See [this](${escape(levels)}${outside}).\n`, `link to the existing file ${escape(levels)}${outside}`, true)),
    fc.constantFrom('..\\..\\..\\etc\\passwd', '%2e%2e/%2e%2e/%2e%2e/etc/passwd', './../../../etc/passwd#x').map((target) => part(`See [this](${target}).\n`, `link ${target}`, true)),
    fc.constant(part(`See [this][ref].\n\n[ref]: ../../../etc/passwd\n`, 'reference definition out of the repository', true)),
    fc.constantFrom('/etc/passwd', '/home/../etc/shadow', '//evil.example/x', 'file:///etc/passwd', 'file://localhost/etc/passwd', 'C:\\Windows\\win.ini', 'javascript:alert(1)', 'data:text/html,<script>x</script>').map((target) =>
      part(`See [this](<${target}>).\n`, `link ${target}`, false),
    ),
    fc.constantFrom('\u0001', '\u0007', '\u001f', '\u007f', '%0d%0aX-Injected: 1', '\t').map((control) =>
      part(`See [this](<https://example.org/a${control}b>).\n`, `URL with control character ${JSON.stringify(control)}`, false),
    ),
  );
}

const transforms = fc.constantFrom('none', 'bom', 'crlf', 'bom+crlf', 'cr');

function encode(text: string | Uint8Array, transform: string): Uint8Array {
  if (typeof text !== 'string') return text;
  let value = text;
  if (transform.includes('crlf')) value = value.replace(/\n/g, '\r\n');
  else if (transform === 'cr') value = value.replace(/\n/g, '\r');
  return new TextEncoder().encode(value);
}

/** A sure body part counts only when nothing before it can hide it. */
function surelyReported(parts: Part[]): boolean {
  const hider = parts.findIndex((p) => p.hides);
  return (hider === -1 ? parts : parts.slice(0, hider)).some((p) => p.sure);
}

/** One bad page or glossary entry: front matter, body parts and links, at least one sure to be reported. */
export function badFile(outside: string): fc.Arbitrary<BadFile> {
  return fc
    .record({
      kind: fc.constantFrom<'page' | 'glossary'>('page', 'page', 'page', 'glossary'),
      front: frontMatter,
      parts: fc.array(fc.oneof(bodyPart, linkPart(outside)), { minLength: 0, maxLength: 4 }),
      transform: transforms,
    })
    .filter(({ kind, front, parts }) => kind === 'glossary' || front.sure || surelyReported(parts))
    .map(({ kind, front, parts, transform }) => {
      const chunks = [front, ...parts].map((p) => encode(p.text, transform));
      if (transform.startsWith('bom')) chunks.unshift(new Uint8Array([0xef, 0xbb, 0xbf]));
      const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      // A glossary entry with a page's front matter lacks `term`: always a finding.
      const planted = [kind, transform, front.planted, ...parts.map((p) => p.planted)];
      // Counterexamples print as what was planted, not as thousands of bytes.
      return { kind, bytes, planted, [fc.toStringMethod]: () => planted.join(' | ') };
    });
}

/** Lines as Markdown counts them: `\r\n`, `\r` and `\n` each end one. */
export function lineCount(bytes: Uint8Array): number {
  const text = new TextDecoder().decode(bytes);
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) lines++;
  }
  return lines;
}

/**
 * Bodies the Markdown parser is super-linear on, sized to take tens of seconds
 * on this machine and several on one ten times faster: only the time budget
 * stops them, and no test waits for their parse. Each has many openers or deep
 * indentation, so a small run sends it to a worker.
 */
export const slowBody: fc.Arbitrary<Part> = fc.oneof(
  fc.integer({ min: 10_000, max: 12_000 }).map((n) => part(`${'*a '.repeat(n)}${' a*'.repeat(n)}\n`, `emphasis nested ${n} deep`, true)),
  fc.integer({ min: 6_000, max: 8_000 }).map((n) => part(`${'![a '.repeat(n)}${'](b)'.repeat(n)}\n`, `images nested ${n} deep`, true)),
  fc.integer({ min: 120_000, max: 150_000 }).map((n) => part(`${'[a]('.repeat(n)}\n`, `${n} unclosed link destinations`, true)),
  fc.integer({ min: 650, max: 700 }).map((depth) =>
    part(`${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`, `list indented ${depth} deep`, true),
  ),
);

/** A clean front matter over a slow body. */
export const slowFile: fc.Arbitrary<BadFile> = slowBody.map((body) => {
  const bytes = new TextEncoder().encode(`${fenced(fields())}\n${body.text as string}`);
  const planted = ['page', body.planted];
  return { kind: 'page', bytes, planted, [fc.toStringMethod]: () => planted.join(' | ') };
});
