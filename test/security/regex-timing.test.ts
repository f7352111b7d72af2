// Every regular expression literal in src/**/*.ts must stay fast on hostile input: no pattern
// may take 50 ms or more on a 100 KB adversarial string (issue 6, "Security tests").
//
// The literals are found with the TypeScript compiler API (RegularExpressionLiteral nodes),
// so a new regex added anywhere under src/ is tested without touching this file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');
const SIZE = 100_000;
const BUDGET_MS = 50;
const RUNS = 3;

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

function findRegexLiterals(): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const end = literal.lastIndexOf('/');
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        found.push({
          where: `${relative(ROOT, file)}:${line + 1}`,
          source: literal.slice(1, end),
          flags: literal.slice(end + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** Printable characters that appear literally in the pattern (escapes resolved roughly). */
function literalChars(source: string): string[] {
  const chars = new Set<string>();
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      i += 1;
      if (next === undefined) break;
      const escapes: Record<string, string[]> = {
        s: [' ', '\t'], d: ['1'], w: ['a'], n: ['\n'], r: ['\r'], t: ['\t'],
        S: ['x'], D: ['x'], W: ['-'], b: [], B: [],
      };
      for (const e of escapes[next] ?? (/[A-Za-z0-9]/.test(next) ? [] : [next])) chars.add(e);
      continue;
    }
    if ('^$()[]{}|?*+.'.includes(c)) continue;
    chars.add(c);
  }
  return [...chars];
}

/** Plain fragments the pattern could match: the pattern's alternatives with metacharacters dropped. */
function literalFragments(source: string): string[] {
  return source
    .split('|')
    .map((part) => part.replace(/\\(.)/g, '$1').replace(/[\^$()[\]{}?*+.]/g, ''))
    .filter((part) => part.length > 0 && part.length < 200);
}

/** An adversarial input of any length: `body` repeated, then `tail` (which forces a failing match). */
interface Adversary {
  label: string;
  build: (size: number) => string;
}

function repeated(unit: string, tail = ''): (size: number) => string {
  return (size) => {
    const n = Math.max(0, size - tail.length);
    return unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + tail;
  };
}

function adversarialInputs(source: string): Adversary[] {
  const inputs = new Map<string, Adversary>();
  const add = (label: string, unit: string, tail = ''): void => {
    if (unit.length > 0 && !inputs.has(label)) inputs.set(label, { label, build: repeated(unit, tail) });
  };
  const show = (text: string): string => JSON.stringify(text.length > 20 ? `${text.slice(0, 20)}…` : text);
  const basics = ['a', ' ', '-', '\t', '\n', '\r\n', '0', '.', '/', '#', '[', '*', '_', '`', ':', '"', "'", '\\', '<', '=', '@'];
  for (const unit of basics) {
    add(`${show(unit)} x100KB`, unit);
    add(`${show(unit)} x100KB + "!"`, unit, '!');
  }
  add('"a " x100KB + "!"', 'a ', '!');
  add('"- " x100KB', '- ');
  add('"a-" x100KB + "\\u0000"', 'a-', '\u0000');
  add('" \\t" x100KB + "x"', ' \t', 'x');
  add('"[](" x100KB', '[](');
  add('"<a " x100KB', '<a ');
  add('"glossary:" x100KB', 'glossary:');
  add('"http://" x100KB', 'http://');
  add('"1-" x100KB', '1-');
  add('"2024-01-" x100KB', '2024-01-');
  const chars = literalChars(source);
  for (const c of chars) {
    add(`own char ${show(c)} x100KB`, c);
    add(`own char ${show(c)} x100KB + "!"`, c, '!');
    add(`own char ${show(c)}+space x100KB`, `${c} `);
  }
  if (chars.length > 1) {
    const mixed = chars.join('');
    add('own chars mixed x100KB', mixed);
    add('own chars mixed x100KB + "\\u0000"', mixed, '\u0000');
  }
  for (const fragment of literalFragments(source)) {
    add(`fragment ${show(fragment)} x100KB`, fragment);
    add(`fragment ${show(fragment)} x100KB + "\\u0000"`, fragment, '\u0000');
    add(`fragment ${show(fragment)}+space x100KB`, `${fragment} `);
  }
  return [...inputs.values()];
}

function timeOnce(regex: RegExp, input: string): number {
  regex.lastIndex = 0;
  const start = performance.now();
  if (regex.global || regex.sticky) {
    // A global regex is usually driven in a loop (matchAll / replace); time the whole scan.
    let match: RegExpExecArray | null;
    while ((match = regex.exec(input)) !== null) {
      if (match[0].length === 0) regex.lastIndex += 1; // step past empty matches, as matchAll does
      if (regex.lastIndex === 0 || regex.lastIndex > input.length) break;
    }
  } else {
    regex.exec(input);
  }
  const elapsed = performance.now() - start;
  regex.lastIndex = 0;
  return elapsed;
}

function minTime(regex: RegExp, input: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run += 1) {
    best = Math.min(best, timeOnce(regex, input));
    if (best < BUDGET_MS / 5 || best > BUDGET_MS * 4) break; // clearly fast or clearly slow: no need to repeat
  }
  return best;
}

/**
 * Times the regex on growing prefixes of the adversary, ending at 100 KB. A pattern that already
 * blows the budget on a short input is reported at that size, so an exponential or quadratic
 * pattern fails this test quickly instead of hanging the suite.
 */
const SIZES = [16, 64, 256, 1_024, 4_096, 16_384, SIZE];
function measure(regex: RegExp, adversary: Adversary): { size: number; ms: number } {
  let last = { size: 0, ms: 0 };
  for (const size of SIZES) {
    last = { size, ms: minTime(regex, adversary.build(size)) };
    if (last.ms >= BUDGET_MS) return last;
  }
  return last;
}

const regexes = findRegexLiterals();


describe('regular expressions in src/ resist catastrophic backtracking', () => {
  it('finds the regex literals in src/', () => {
    expect(regexes.length).toBeGreaterThan(0);
  });

  it(`each regex runs in < ${BUDGET_MS} ms on every 100 KB adversarial input`, () => {
    const slow: string[] = [];
    let slowest = { where: '', pattern: '', input: '', ms: 0 };
    let runs = 0;
    for (const found of regexes) {
      const regex = new RegExp(found.source, found.flags);
      for (const adversary of adversarialInputs(found.source)) {
        const { size, ms } = measure(regex, adversary);
        const label = size === SIZE ? adversary.label : `${adversary.label} (already at ${size} chars)`;
        runs += 1;
        if (ms > slowest.ms) slowest = { where: found.where, pattern: `/${found.source}/${found.flags}`, input: label, ms };
        if (ms < BUDGET_MS) continue;
        slow.push(`${found.where} /${found.source}/${found.flags} on ${label}: ${ms.toFixed(1)} ms`);
        break; // one slow input is enough to condemn a regex
      }
    }
    console.log(
      `regex-timing: ${regexes.length} regex literals, ${runs} (regex, input) pairs; slowest ` +
        `${slowest.pattern} at ${slowest.where} on ${slowest.input}: ${slowest.ms.toFixed(2)} ms`,
    );
    expect(slow, 'regexes over budget').toEqual([]);
  }, 600_000);
});
