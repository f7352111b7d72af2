import { parseFrontMatter } from './front-matter.js';

/**
 * Set top-level front-matter fields by editing only their values in the text,
 * so comments, key order, quoting and line ends elsewhere stay exactly as the
 * editor wrote them. A missing key is added before the closing `---`.
 * Throws when the file has no parseable front matter.
 */
export function setFrontMatterValues(text: string, values: Readonly<Record<string, string>>): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let body = bom ? text.slice(1) : text;
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  // Edit from the bottom up so earlier offsets stay valid.
  const edits: Array<{ start: number; end: number; value: string }> = [];
  const missing: string[] = [];
  const fm = parseFrontMatter(body);
  if (!fm.present || !fm.closed || fm.errors.length > 0 || !fm.data || typeof fm.data !== 'object') {
    throw new Error('the file has no valid front matter to edit');
  }
  const starts = lineStarts(body);
  for (const [key, value] of Object.entries(values)) {
    const span = fm.valueSpan([key]);
    const keySpan = fm.keySpan([key]);
    if (!span || !keySpan || (span.line === keySpan.line && span.column === keySpan.column)) {
      missing.push(`${key}: ${value}`);
      continue;
    }
    const start = starts[span.line - 1]! + span.column - 1;
    const end = starts[span.endLine - 1]! + span.endColumn - 1;
    edits.push({ start, end, value });
  }
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    body = body.slice(0, edit.start) + edit.value + body.slice(edit.end);
  }
  if (missing.length > 0) {
    const closing = lineStarts(body)[fm.endLine - 1]!;
    body = body.slice(0, closing) + missing.map((line) => line + eol).join('') + body.slice(closing);
  }
  return bom + body;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
