import { isDeepStrictEqual } from 'node:util';
import { parseFrontMatter, type FrontMatter, type YamlPath } from '../content/front-matter.js';

export interface ValueChange {
  path: YamlPath;
  /** The new string value (what YAML must read back, not its source text). */
  value: string;
}

/**
 * Replace front-matter values in place, touching only each value's own text:
 * comments, key order, indentation and line ends elsewhere stay as written.
 * A value keeps its quoting (a plain one stays plain when YAML reads it back
 * the same, else it is double-quoted). Every edit is proved by parsing the
 * result: the whole front matter must read back as before except the changed
 * value, or that edit is not made. Block scalars (`|`, `>`) are left alone.
 * Returns the text and the changes made.
 */
export function replaceValues<T extends ValueChange>(text: string, frontMatter: FrontMatter, changes: readonly T[]): { text: string; applied: T[] } {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let source = bom ? text.slice(1) : text;
  const starts = lineStarts(source);
  const expected = structuredClone(frontMatter.data);
  const located = changes.flatMap((change) => {
    const span = frontMatter.valueSpan(change.path);
    if (!span) return [];
    return [{ change, start: starts[span.line - 1]! + span.column - 1, end: starts[span.endLine - 1]! + span.endColumn - 1 }];
  });
  const applied: T[] = [];
  // Bottom up, so the offsets of the values above stay valid.
  for (const { change, start, end } of located.sort((a, b) => b.start - a.start)) {
    const wanted = withValue(expected, change.path, change.value);
    for (const candidate of spellings(source.slice(start, end), change.value)) {
      const next = source.slice(0, start) + candidate + source.slice(end);
      const parsed = parseFrontMatter(next);
      if (parsed.errors.length === 0 && isDeepStrictEqual(parsed.data, wanted)) {
        source = next;
        setValue(expected, change.path, change.value);
        applied.push(change);
        break;
      }
    }
  }
  return { text: bom + source, applied: applied.reverse() };
}

/** YAML source for `value`, in the style of the value it replaces, then double-quoted as the fallback. */
function spellings(raw: string, value: string): string[] {
  const doubleQuoted = JSON.stringify(value);
  if (raw.startsWith('"')) return [doubleQuoted];
  if (raw.startsWith("'")) return [`'${value.replaceAll("'", "''")}'`, doubleQuoted];
  if (raw.startsWith('|') || raw.startsWith('>')) return [];
  return [value, doubleQuoted];
}

function withValue(data: unknown, path: YamlPath, value: string): unknown {
  const copy = structuredClone(data);
  setValue(copy, path, value);
  return copy;
}

function setValue(data: unknown, path: YamlPath, value: string): void {
  let node = data as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
