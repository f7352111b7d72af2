import { defineRule } from '../lint/define-rule.js';

/**
 * `frontmatter-invalid`: YAML that does not parse, reported at the YAML
 * parser's own line (offset by the opening fence).
 *
 * Invalid: `title: [unclosed`, a duplicate key, tabs for indentation, no closing `---`.
 */
export default defineRule('frontmatter-invalid', ['page', 'glossary'], ({ prepared, report }) => {
  const fm = prepared.frontMatter;
  for (const error of fm.errors) {
    report(`Invalid YAML in front matter: ${error.message}; expected ${fixFor(error.message)}`, error);
  }
  if (fm.errors.length === 0 && fm.present && (fm.data === null || fm.data === undefined)) {
    report('Empty front matter, expected YAML fields such as `title:` and `owner:`', { line: fm.startLine });
  } else if (fm.errors.length === 0 && fm.present && !prepared.data) {
    report('Unexpected front matter that is not a mapping of fields, expected `key: value` lines', { line: fm.startLine + 1 });
  }
});

function fixFor(message: string): string {
  if (/unique/i.test(message)) return 'each key once';
  if (/closing `---`/.test(message)) return 'the front matter closed';
  if (/alias/i.test(message)) return 'plain values without YAML aliases';
  if (/tab/i.test(message)) return 'spaces, not tabs, for indentation';
  return 'valid YAML `key: value` lines (quote values containing `: `, `#`, `[` or `{`)';
}
