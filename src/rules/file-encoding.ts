import { defineRule } from '../lint/define-rule.js';

/**
 * `file-encoding`: pages are UTF-8 text. A binary file or a stray Latin-1
 * byte is reported at the line it occurs on; the rest of the page is still
 * checked with the bad bytes replaced.
 *
 * Invalid: a page saved as Windows-1252 (`caf\xe9`).
 */
export default defineRule('file-encoding', ['page', 'glossary'], ({ file, prepared, report }) => {
  const text = String(file.value instanceof Uint8Array ? new TextDecoder().decode(file.value) : file.value);
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    report('Unexpected binary content (a NUL byte), expected a UTF-8 Markdown text file', lineAt(text, nul));
    return;
  }
  if (prepared.invalidUtf8At !== undefined) {
    const bad = text.indexOf('\uFFFD');
    report(
      `Unexpected byte that is not UTF-8 (at byte ${prepared.invalidUtf8At}), expected the file saved as UTF-8`,
      lineAt(text, bad === -1 ? 0 : bad),
    );
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
