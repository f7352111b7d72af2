import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';

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
 */
export function parseFrontMatter(text: string): FrontMatter {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split('\n');
  const first = lines[0]?.replace(/\r$/, '') ?? '';
  if (!FENCE.test(first)) return absent();

  let closing = -1;
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(lines[i]!.replace(/\r$/, ''))) {
      closing = i;
      break;
    }
  }
  const closed = closing !== -1;
  const yamlLines = lines.slice(1, closed ? closing : lines.length);
  // CRLF files: drop the CR so a value on the last line does not keep it.
  const yamlText = yamlLines.map((line) => line.replace(/\r$/, '')).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    strict: true,
  });

  // YAML line 1 is file line 2: the opening fence takes line 1.
  const span = (start: number, end: number): Span => {
    const a = lineCounter.linePos(start);
    // The end offset is exclusive; step back so a block ending in a newline ends on its own line.
    const b = lineCounter.linePos(Math.max(start, end - 1));
    return { line: a.line + 1, column: a.col, endLine: b.line + 1, endColumn: b.col + 1 };
  };

  const errors: YamlProblem[] = doc.errors.map((error) => ({
    ...span(error.pos[0], error.pos[1]),
    message: firstLine(error.message),
  }));
  if (!closed) {
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

  const endLine = closed ? closing + 1 : lines.length;
  return {
    present: true,
    closed,
    startLine: 1,
    endLine,
    bodyLine: closed ? closing + 2 : lines.length + 1,
    data,
    errors,
    keySpan: (path) => locate(doc, path, 'key', span),
    valueSpan: (path) => locate(doc, path, 'value', span),
  };
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
  doc: Document.Parsed,
  path: YamlPath,
  want: 'key' | 'value',
  span: (start: number, end: number) => Span,
): Span | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return undefined;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      keyNode = node;
    } else {
      return undefined;
    }
  }
  const target = (want === 'key' ? (keyNode ?? node) : (node ?? keyNode)) as YamlNode | undefined;
  const range = target?.range;
  if (!range) return undefined;
  // For a sequence item the "key" is the item itself, so a reference spans all its lines.
  return span(range[0], range[1]);
}
