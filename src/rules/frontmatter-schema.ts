import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { defineRule } from '../lint/define-rule.js';
import { frontMatterStart, isDraft } from '../lint/fields.js';
import { describeIssues } from '../content/schema-issues.js';
import { DATE_FIELDS, DRAFT_OPTIONAL_FIELDS, glossarySchema, pageSchema, referenceSchema } from '../content/schema.js';

const HINTS: Record<string, string> = {
  title: 'the page title as text',
  term: 'the glossary term as text',
  owner: 'a handle from content/editors.yml',
  reviewers: 'a list of handles from content/editors.yml',
  reviewed_by: 'a list of handles from content/editors.yml, at least one a clinical reviewer',
  last_reviewed: 'an ISO 8601 date such as 2025-03-18',
  next_review: 'an ISO 8601 date such as 2028-03-18',
  references: 'a list of references (title, authors, journal, year…)',
  aliases: 'a list of other names for the term',
  tags: 'a list of words',
  status: '`draft` or `published`',
};

/**
 * `frontmatter-schema`: required fields present and of the right type;
 * unknown fields (usually typos) as warnings. Dates are left to
 * `review-date-invalid`, which judges them strictly.
 *
 * Invalid: `owner:` missing, `reviewers: jsmith` (not a list), `sumary:`.
 */
export default defineRule('frontmatter-schema', ['page', 'glossary'], ({ tree, prepared, report }) => {
  const data = prepared.data;
  if (!data) return;
  const schema = prepared.kind === 'glossary' ? glossarySchema : pageSchema;
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const problems = describeIssues(result.error.issues, {
      knownKeys: (path) =>
        Object.keys(path.length === 0 ? schema.shape : path[0] === 'references' ? referenceSchema.shape : {}),
      describe: (path) => HINTS[String(path[path.length - 1])],
    });
    for (const problem of problems) {
      const key = String(problem.path[problem.path.length - 1]);
      if (DATE_FIELDS.has(key) && !problem.missing) continue;
      if (problem.missing && DRAFT_OPTIONAL_FIELDS.has(key) && isDraft(prepared)) continue;
      const at = problem.missing ? undefined : prepared.frontMatter.keySpan(problem.path);
      report(problem.message, at ?? nearestKey(prepared, problem.path) ?? frontMatterStart(prepared), problem.unknownKey ? 'warning' : undefined);
    }
  }
  if (prepared.kind === 'glossary' && !hasText(tree)) {
    report('Missing definition after the front matter, expected a plain-English explanation of the term', {
      line: prepared.frontMatter.bodyLine,
    });
  }
});

/** For a missing nested field, point at its parent (the reference item), else the block start. */
function nearestKey(prepared: Parameters<typeof frontMatterStart>[0], path: Array<string | number>) {
  for (let n = path.length - 1; n > 0; n--) {
    const span = prepared.frontMatter.keySpan(path.slice(0, n));
    if (span) return { line: span.line, column: span.column };
  }
  return undefined;
}

/** Any prose at all: comments and the front matter itself do not define a term. */
function hasText(tree: Root): boolean {
  let found = false;
  visit(tree, (node) => {
    if ((node.type === 'text' || node.type === 'inlineCode') && node.value.trim() !== '') found = true;
    return found ? false : undefined;
  });
  return found;
}
