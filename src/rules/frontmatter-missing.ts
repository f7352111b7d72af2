import { defineRule } from '../lint/define-rule.js';

/**
 * `frontmatter-missing`: every page and glossary entry opens with a `---`
 * YAML block that says who owns it and when it is reviewed. Reported at line 1.
 *
 * Valid: `---\ntitle: …\n---`. Invalid: a page that starts with its text.
 */
export default defineRule('frontmatter-missing', ['page', 'glossary'], ({ prepared, report }) => {
  if (prepared.frontMatter.present) return;
  const what = prepared.kind === 'glossary' ? 'term, owner and review dates' : 'title, owner, review dates and references';
  report(`Missing front matter, expected the file to start with a \`---\` YAML block giving its ${what}`, { line: 1, column: 1 });
});
