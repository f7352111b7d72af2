import { isMap, isNode, isScalar, isSeq, LineCounter, parse, parseDocument } from 'yaml';
import { readSimpleFrontMatter } from './simple-front-matter.js';

export type YamlPath = ReadonlyArray<string | number>;

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface YamlProblem extends Span {
  message: string;
}

/** Front matter split off a page, parsed with positions mapped to lines of the whole file. */
export interface FrontMatter {
  /** The file opens with a `---` fence. */
  present: boolean;
  /** A closing `---` fence was found. */
  closed: boolean;
  /** File lines of the opening and closing fences (closing = last line when unclosed). */
  startLine: number;
  endLine: number;
  /** First file line after the front matter (1 when there is none). */
  bodyLine: number;
  /** The parsed value; undefined when the YAML has errors. */
  data: unknown;
  errors: YamlProblem[];
  /** Position of the key at `path` (or of the item, for a numeric last segment). */
  keySpan(path: YamlPath): Span | undefined;
  /** Position of the value at `path`. */
  valueSpan(path: YamlPath): Span | undefined;
}

const FENCE = /^---[ \t]*$/;
/** YAML aliases may not expand beyond this many nodes ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * Split and parse front matter. Works on raw text so the review planner can
 * read dates without a Markdown parse; the lint rules share the same result.
 * Front matter in a common, simple shape is read by a fast path that gives
 * what the yaml library would; everything else goes to the library.
 */
export function parseFrontMatter(text: string): FrontMatter {
  const block = splitFrontMatter(text);
  if (!block.present) return absent();
  const simple = block.closed ? readSimpleFrontMatter(block.yaml) : undefined;
  return simple ? frontMatterOf(block, simple.data, [], simple.root, countLines(block.yaml)) : parseWithYaml(block);
}

/** parseFrontMatter always through the yaml library: the reference the fast path is held to. */
export function parseFrontMatterWithYaml(text: string): FrontMatter {
  const block = splitFrontMatter(text);
  return block.present ? parseWithYaml(block) : absent();
}

/**
 * What `locate` needs of a YAML node, so yaml's nodes (through `yamlPathNode`)
 * and the fast path's give positions by the same code.
 */
export interface PathNode {
  /** Start and end offsets in the YAML text, as in yaml's `Node.range`. */
  readonly range: readonly [number, number, ...number[]];
  /** The key (mappings only) and value one path segment down; undefined when there is no such child. */
  child(segment: string | number): { key?: PathNode | undefined; value?: PathNode | undefined } | undefined;
}

function parseWithYaml(block: FrontMatterBlock): FrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(block.yaml, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    strict: true,
  });
  const span = spanIn(lineCounter);
  const errors: YamlProblem[] = doc.errors.map((error) => ({
    ...span(error.pos[0], error.pos[1]),
    message: firstLine(error.message),
  }));
  if (!block.closed) {
    errors.push({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 4,
      message: 'Unexpected end of file inside front matter, no closing `---`',
    });
  }

  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      errors.push({ line: 2, column: 1, endLine: 2, endColumn: 1, message: firstLine(String((error as Error).message)) });
    }
  }
  return frontMatterOf(block, data, errors, yamlPathNode(doc.contents), lineCounter);
}

function frontMatterOf(block: FrontMatterBlock, data: unknown, errors: YamlProblem[], root: PathNode | undefined, lineCounter: LineCounter): FrontMatter {
  const span = spanIn(lineCounter);
  return {
    present: true,
    closed: block.closed,
    startLine: 1,
    endLine: block.endLine,
    bodyLine: block.endLine + 1,
    data,
    errors,
    keySpan: (path) => locate(root, path, 'key', span),
    valueSpan: (path) => locate(root, path, 'value', span),
  };
}

/** File positions of YAML offsets. YAML line 1 is file line 2: the opening fence takes line 1. */
function spanIn(lineCounter: LineCounter): (start: number, end: number) => Span {
  return (start, end) => {
    const a = lineCounter.linePos(start);
    // The end offset is exclusive; step back so a block ending in a newline ends on its own line.
    const b = lineCounter.linePos(Math.max(start, end - 1));
    return { line: a.line + 1, column: a.col, endLine: b.line + 1, endColumn: b.col + 1 };
  };
}

/** The line starts yaml's parser would record, for text the fast path read. */
function countLines(yaml: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = yaml.indexOf('\n'); at !== -1; at = yaml.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  return lineCounter;
}

export interface FrontMatterBlock {
  present: boolean;
  closed: boolean;
  /** The YAML between the fences, CRs dropped. */
  yaml: string;
  /** File line of the closing fence (the last line when unclosed). */
  endLine: number;
  /** Offset in `text` (after any BOM) where the body starts. */
  bodyOffset: number;
}

/**
 * Find the front matter without parsing it: only the lines up to the closing
 * fence are looked at, so finding a page's body costs next to nothing.
 */
export function splitFrontMatter(text: string): FrontMatterBlock {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineAt = (start: number) => {
    const end = source.indexOf('\n', start);
    const stop = end === -1 ? source.length : end;
    return { line: source.slice(start, stop).replace(/\r$/, ''), next: end === -1 ? -1 : end + 1 };
  };
  const first = lineAt(0);
  if (!FENCE.test(first.line)) return { present: false, closed: false, yaml: '', endLine: 0, bodyOffset: 0 };
  const yaml: string[] = [];
  let lineNumber = 1;
  for (let offset = first.next; offset !== -1 && offset <= source.length; ) {
    const { line, next } = lineAt(offset);
    lineNumber++;
    if (FENCE.test(line)) return { present: true, closed: true, yaml: yaml.join('\n'), endLine: lineNumber, bodyOffset: next === -1 ? source.length : next };
    yaml.push(line);
    if (next === -1) break;
    offset = next;
  }
  // CRLF files: the CRs are dropped above so a value on the last line does not keep one.
  return { present: true, closed: false, yaml: yaml.join('\n'), endLine: lineNumber, bodyOffset: source.length };
}

function absent(): FrontMatter {
  return {
    present: false,
    closed: false,
    startLine: 1,
    endLine: 0,
    bodyLine: 1,
    data: undefined,
    errors: [],
    keySpan: () => undefined,
    valueSpan: () => undefined,
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function locate(
  root: PathNode | undefined,
  path: YamlPath,
  want: 'key' | 'value',
  span: (start: number, end: number) => Span,
): Span | undefined {
  let node = root;
  let keyNode: PathNode | undefined;
  for (const segment of path) {
    const next = node?.child(segment);
    if (!next) return undefined;
    ({ key: keyNode, value: node } = next);
  }
  // For a sequence item the "key" is the item itself, so a reference spans all its lines.
  const target = want === 'key' ? (keyNode ?? node) : (node ?? keyNode);
  return target && span(target.range[0], target.range[1]);
}

/** yaml's node seen as a PathNode: a mapping's pairs by key, a sequence's items by index. */
function yamlPathNode(node: unknown): PathNode | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return {
    range: node.range,
    child: (segment) => {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        return pair && { key: yamlPathNode(pair.key), value: yamlPathNode(pair.value) };
      }
      if (isSeq(node) && typeof segment === 'number') {
        const item = yamlPathNode(node.items[segment]);
        return { key: item, value: item };
      }
      return undefined;
    },
  };
}

/** A top-level key of a block mapping: at column 0, a plain word, then a colon. */
const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/;
const CONTINUATION = /^(?:[ \t]|-[ \t]|-$|#|$)/;

/**
 * Just some top-level fields of the front matter, without positions: only
 * those keys' lines are read, so the review planner reads dates and owners
 * at close to the cost of reading the files. A field in the shapes
 * simple-front-matter.ts reads is taken from there; any other field's lines
 * go through the YAML parser. Anything this split cannot
 * vouch for (anchors, aliases, flow mappings, odd keys, a repeated key) falls
 * back to parsing the whole block.
 */
export function readFrontMatterFields(text: string, keys: ReadonlySet<string>): Record<string, unknown> | undefined {
  const block = splitFrontMatter(text);
  if (!block.present) return undefined;
  const whole = () => asMapping(parseFrontMatter(text).data);
  if (!block.closed || /[&*]/.test(block.yaml)) return whole();
  const fields: Record<string, unknown> = {};
  const parsed: string[] = [];
  let group: string[] | undefined;
  let groupKey = '';
  const settle = () => {
    if (!group) return true;
    if (Object.hasOwn(fields, groupKey)) return false;
    // One field's lines alone, through the same fast reader parseFrontMatter uses.
    const value = readSimpleFrontMatter(group.join('\n'))?.data[groupKey];
    if (value === undefined) parsed.push(...group);
    else fields[groupKey] = value;
    return true;
  };
  for (const line of block.yaml.split('\n')) {
    const key = TOP_LEVEL_KEY.exec(line);
    if (key) {
      if (!settle()) return whole();
      groupKey = key[1]!;
      group = keys.has(groupKey) ? [line] : undefined;
    } else if (!CONTINUATION.test(line)) return whole();
    else group?.push(line);
  }
  if (!settle()) return whole();
  if (parsed.length === 0) return fields;
  try {
    const rest = asMapping(parse(parsed.join('\n'), { schema: 'core', uniqueKeys: true, maxAliasCount: MAX_ALIAS_COUNT, logLevel: 'error' }) ?? {});
    if (!rest || Object.keys(rest).some((name) => Object.hasOwn(fields, name))) return whole();
    return Object.assign(fields, rest);
  } catch {
    return whole();
  }
}

/** The value as a mapping of fields, or undefined for anything else. */
export function asMapping(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
