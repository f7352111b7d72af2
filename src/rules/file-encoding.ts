import { defineRule } from '../lint/define-rule.js';

/**
 * `file-encoding`: pages are UTF-8 text. A binary file, or a byte that is
 * not UTF-8 (decoded as U+FFFD, the replacement character), is reported on
 * its line; the rest of the page is still checked.
 *
 * Invalid: a page saved as Windows-1252 (`caf\xe9`), a PNG renamed to `.md`.
 */
export default defineRule('file-encoding', ['page', 'glossary'], ({ file, report }) => {
  const text = String(file.value);
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    report('Unexpected binary content (a NUL byte), expected a UTF-8 Markdown text file', lineAt(text, nul));
    return;
  }
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1) {
    report('Unexpected byte that is not UTF-8 (shown as �), expected the file saved as UTF-8', lineAt(text, bad));
  }
});

function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
