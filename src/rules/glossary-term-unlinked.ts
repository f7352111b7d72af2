import type { Nodes, Text } from 'mdast';
import { defineRule } from '../lint/define-rule.js';
import { glossaryLinks } from '../lint/links.js';
import { GlossaryMatcher } from '../content/glossary-matcher.js';
import type { ContentIndex } from '../content/content-index.js';

/**
 * `glossary-term-unlinked` (info, off unless the config turns it on): the
 * first time a page mentions a glossary term or alias, that mention should be
 * the glossary link, so a reader meets the explanation where they first meet
 * the word. Reported at a plain first mention when the term is linked only
 * later, or never. Matching ignores case (acronyms such as `NET` match only
 * in capitals) and takes a simple plural; headings, code, HTML, image text
 * and the text of other links are not mentions. One matcher of every term is
 * built per run, so a page costs a single pass over its text.
 *
 * Valid: "Some people have [chemotherapy](glossary:chemotherapy). Chemotherapy can…"
 * Invalid: "Chemotherapy can make you tired. … [chemotherapy](glossary:chemotherapy)".
 */
export default defineRule('glossary-term-unlinked', ['page'], ({ tree, prepared, report }) => {
  const index = prepared.context.index;
  const matcher = matcherFor(index);
  const links = glossaryLinks(tree);
  const firstLink = new Map<string, number>();
  for (const link of links) if (!firstLink.has(link.id)) firstLink.set(link.id, link.at.line);
  const linkAt = new Map(links.map((link) => [`${link.at.line}:${link.at.column}`, link.id]));

  const seen = new Set<string>();
  // Document order, without recursion.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (SKIPPED.has(node.type)) continue;
    if (node.type === 'link' || node.type === 'linkReference') {
      const start = node.position?.start;
      const id = start && linkAt.get(`${start.line}:${start.column}`);
      if (id) seen.add(id);
      // Other links' text is theirs, not a mention; a glossary link is the mention it stands for.
      continue;
    }
    if (node.type === 'text') {
      for (const mention of matcher.mentions(node.value)) {
        if (seen.has(mention.id)) continue;
        seen.add(mention.id);
        const linked = firstLink.get(mention.id);
        const shown = node.value.slice(mention.start, mention.end).replace(/\s+/g, ' ');
        report(
          `First mention of \`${shown}\` is not linked to the glossary${linked === undefined ? '' : ` (the link comes later, on line ${linked})`}, expected \`[${shown}](glossary:${mention.id})\` here`,
          place(node, mention.start),
        );
      }
      continue;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
});

const SKIPPED = new Set(['heading', 'code', 'inlineCode', 'html', 'image', 'imageReference', 'definition', 'yaml']);

/** One matcher per run (the index is built once per run); each file still records its dependency on the glossary. */
const matchers = new WeakMap<ContentIndex, GlossaryMatcher>();

function matcherFor(index: ContentIndex): GlossaryMatcher {
  const terms = index.glossaryTerms();
  let matcher = matchers.get(index);
  if (!matcher) matchers.set(index, (matcher = new GlossaryMatcher(terms)));
  return matcher;
}

/** The line (and column, on the node's first line) of an offset in a text node. */
function place(node: Text, offset: number): { line: number; column?: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  let line = start.line;
  let lineStart = -1;
  for (let at = node.value.indexOf('\n'); at !== -1 && at < offset; at = node.value.indexOf('\n', at + 1)) {
    line++;
    lineStart = at;
  }
  return lineStart === -1 ? { line, column: start.column + offset } : { line };
}
