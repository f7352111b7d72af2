import type { PathNode } from './front-matter.js';

/**
 * Text every YAML reader takes as that string in the core schema, in a flow
 * list as well as on its own: it starts with a letter or digit and holds no
 * `:`, `#`, quote, bracket, indicator or control character. Words and numbers
 * that the schema turns into null, booleans or numbers are caught by NOT_A_STRING.
 */
const PLAIN_STRING = /^[A-Za-z0-9][^:#"'`[\]{},&*!|>%@\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*$/;
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9][0-9_]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/** A block scalar's text as a plain string: `: ` and ` #` (a mapping, a comment) and a final `:` are checked apart. */
const BLOCK_PLAIN = /^[A-Za-z0-9][^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*$/;
const DOUBLE_QUOTED = /^"([^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*)"$/;
const SINGLE_QUOTED = /^'([^'\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*)'$/;
/** Integers small enough that yaml and Number read them alike. */
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** A key, its colon, then a space before a value or the line end (sticky: matched at an offset). */
const KEY = /([A-Za-z_][\w-]{0,127}):(?: +|$)/y;
const BLANK = /^ *$/;

export interface SimpleFrontMatter {
  data: Record<string, unknown>;
  /** The top-level mapping, with the offsets the yaml library gives its nodes. */
  root: PathNode;
}

/**
 * Read front matter in a strict, common subset of YAML — top-level `key: value`
 * with plain, quoted or integer scalars, `[a, b]` lists and block lists of
 * scalars or flat mappings (such as `references:`) — giving the data and node
 * offsets the yaml library would. Anything else, or anything in doubt, gives
 * undefined and the caller asks the library: this is a fast path, not a parser.
 */
export function readSimpleFrontMatter(yaml: string): SimpleFrontMatter | undefined {
  const lines = yaml.split('\n');
  const top = new Mapping();
  let i = 0;
  let start = 0;
  /** Past line i and its newline: where yaml ends a node whose value closes that line. */
  const lineEnd = () => Math.min(start + lines[i]!.length + 1, yaml.length);
  const advance = () => {
    start += lines[i]!.length + 1;
    i++;
  };
  const skipBlank = () => {
    while (i < lines.length && BLANK.test(lines[i]!)) advance();
  };

  /** The items of a block list under a `key:` line, or undefined for anything else. */
  const sequence = (): Value | undefined => {
    skipBlank();
    const first = lines[i];
    const indent = first === undefined ? -1 : first.indexOf('- ');
    if (indent < 0 || !BLANK.test(first!.slice(0, indent))) return undefined;
    const seq = new Sequence(start + indent);
    const dash = `${' '.repeat(indent)}- `;
    const fieldIndent = ' '.repeat(indent + 2);
    for (; i < lines.length; skipBlank()) {
      const line = lines[i]!;
      if (!line.startsWith(dash)) break;
      const at = indent + 2;
      if (line.charCodeAt(at) === 0x20) return undefined;
      let item: Value | undefined;
      if (pair(line, at)) item = mapItem(at);
      else {
        item = scalarAt(line, at);
        advance();
      }
      if (!item) return undefined;
      seq.add(item.node, item.value, item.end);
    }
    return { node: seq, value: seq.data, end: seq.range[1] };

    /** A flat mapping from the item's line on: more `key: scalar` lines two spaces in from the dash. */
    function mapItem(at: number): Value | undefined {
      const map = new Mapping();
      for (let col = at; ; col = fieldIndent.length) {
        const field = pair(lines[i]!, col);
        const value = field && scalarAt(lines[i]!, field.valueAt);
        if (!field || !value || !map.add(field.name, start + col, value.node, value.value, value.end)) return undefined;
        advance();
        skipBlank();
        const next = lines[i];
        if (next === undefined || !next.startsWith(fieldIndent) || next.charCodeAt(fieldIndent.length) === 0x20) break;
      }
      return { node: map, value: map.data, end: map.range[1] };
    }
  };

  /** The scalar from `col` to the line end, as a node with yaml's range; undefined outside the subset. */
  const scalarAt = (line: string, col: number): Value | undefined => {
    const text = line.slice(col, withoutTrailingSpaces(line));
    const from = start + col;
    const quoted = DOUBLE_QUOTED.exec(text) ?? SINGLE_QUOTED.exec(text);
    let value: string | number | undefined;
    let length = text.length;
    if (quoted) {
      value = quoted[1]!;
      length = value.length + 2;
    } else if (INTEGER.test(text)) value = Number(text);
    else if (BLOCK_PLAIN.test(text) && !NOT_A_STRING.test(text) && !text.includes(': ') && !text.includes(' #') && !text.endsWith(':')) value = text;
    if (value === undefined) return undefined;
    return { node: new Scalar(from, from + length), value, end: lineEnd() };
  };

  /** `[a, b]` of plain strings on one line. */
  const flowList = (line: string, col: number): Value | undefined => {
    const text = line.slice(0, withoutTrailingSpaces(line));
    if (!text.endsWith(']') || text.indexOf(']') !== text.length - 1) return undefined;
    const seq = new Sequence(start + col);
    const inner = text.slice(col + 1, -1);
    if (!BLANK.test(inner)) {
      let at = col + 1;
      for (const part of inner.split(',')) {
        const item = part.trim();
        const lead = part.indexOf(item);
        if (!PLAIN_STRING.test(item) || NOT_A_STRING.test(item) || !BLANK.test(part.slice(0, lead)) || !BLANK.test(part.slice(lead + item.length))) return undefined;
        seq.add(new Scalar(start + at + lead, start + at + lead + item.length), item, 0);
        at += part.length + 1;
      }
    }
    seq.range[1] = start + text.length;
    return { node: seq, value: seq.data, end: lineEnd() };
  };

  skipBlank();
  if (i === lines.length) return undefined;
  for (; i < lines.length; skipBlank()) {
    const line = lines[i]!;
    const field = pair(line, 0);
    if (!field) return undefined;
    const keyStart = start;
    let value: Value | undefined;
    if (field.valueAt === line.length) {
      advance();
      value = sequence();
    } else {
      value = line.charCodeAt(field.valueAt) === 0x5b ? flowList(line, field.valueAt) : scalarAt(line, field.valueAt);
      advance();
    }
    if (!value || !top.add(field.name, keyStart, value.node, value.value, value.end)) return undefined;
  }
  return { data: top.data, root: top };
}

/** A parsed value: its node, its data, and where yaml ends the node holding it. */
interface Value {
  node: PathNode;
  value: unknown;
  end: number;
}

/** `key:` at `col` of `line`: the key and where its value starts (the line end for none). */
function pair(line: string, col: number): { name: string; valueAt: number } | undefined {
  KEY.lastIndex = col;
  const match = KEY.exec(line);
  if (!match) return undefined;
  return { name: match[1]!, valueAt: KEY.lastIndex };
}

/** Where the line ends once trailing spaces are dropped (yaml's ranges leave them out). */
function withoutTrailingSpaces(line: string): number {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x20) end--;
  return end;
}

class Scalar implements PathNode {
  readonly range: [number, number];
  constructor(start: number, end: number) {
    this.range = [start, end];
  }
  child(): undefined {
    return undefined;
  }
}

class Mapping implements PathNode {
  readonly range: [number, number] = [0, 0];
  readonly data: Record<string, unknown> = {};
  private readonly pairs = new Map<string, { key: PathNode; value: PathNode }>();

  /** Add a pair; false for a key yaml would read otherwise or a repeated one. */
  add(name: string, keyStart: number, node: PathNode, value: unknown, end: number): boolean {
    if (name === '__proto__' || NOT_A_STRING.test(name) || this.pairs.has(name)) return false;
    if (this.pairs.size === 0) this.range[0] = keyStart;
    this.pairs.set(name, { key: new Scalar(keyStart, keyStart + name.length), value: node });
    this.data[name] = value;
    this.range[1] = end;
    return true;
  }

  child(segment: string | number) {
    return this.pairs.get(String(segment));
  }
}

class Sequence implements PathNode {
  readonly range: [number, number];
  readonly data: unknown[] = [];
  private readonly items: PathNode[] = [];

  constructor(start: number) {
    this.range = [start, start];
  }

  add(node: PathNode, value: unknown, end: number): void {
    this.items.push(node);
    this.data.push(value);
    this.range[1] = end;
  }

  child(segment: string | number) {
    if (typeof segment !== 'number') return undefined;
    const item = this.items[segment];
    return { key: item, value: item };
  }
}
