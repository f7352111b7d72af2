import type { Nodes, Root, Yaml } from 'mdast';
import type { Processor } from 'unified';
import { splitFrontMatter } from '../content/front-matter.js';

/**
 * Hands the Markdown parser a page's body without its front matter, and puts
 * the `yaml` node remark-frontmatter would have made in front of it, with
 * every position where a parse of the whole file puts it. micromark reads
 * front matter a character at a time, yet pagecare reads it with its YAML
 * parser anyway (prepare.ts): on the bench pages that was 7% of the parse,
 * the cost that dominates a lint. Only front matter in the plain shape is
 * split off this way (below); any other goes to the parser whole, so the tree
 * is always the one the whole file gives (test/rules/front-matter-apart.test.ts).
 * Attach after remark-parse and remark-frontmatter.
 */
export default function remarkFrontMatterApart(this: Processor): void {
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document, file) => {
    const split = plainFrontMatter(document);
    if (!split) return parse(document, file);
    const tree = parse(document.slice(split.bodyOffset), file) as Root;
    shift(tree, split.bodyLine - 1, split.bodyOffset);
    // A file that ends at the closing fence ends where the yaml node does.
    const end = split.bodyOffset === split.yaml.position!.end.offset ? { ...split.yaml.position!.end } : tree.position!.end;
    tree.position = { start: { line: 1, column: 1, offset: 0 }, end };
    tree.children.unshift(split.yaml);
    return tree;
  };
}

interface PlainFrontMatter {
  yaml: Yaml;
  /** File line and offset where the body starts. */
  bodyLine: number;
  bodyOffset: number;
}

/**
 * Front matter micromark's frontmatter construct reads exactly as
 * splitFrontMatter finds it: fences that are `---` alone, line feeds only (no
 * CR, so no BOM either), no NUL (which the parser would replace), and a body
 * that does not itself open with `---` (taken for front matter at the start
 * of a text). Undefined for anything else.
 */
export function plainFrontMatter(text: string): PlainFrontMatter | undefined {
  if (!text.startsWith('---\n')) return undefined;
  const block = splitFrontMatter(text);
  if (!block.closed) return undefined;
  const { bodyOffset } = block;
  // The closing fence ends at its line feed, or at the end of a file that stops there.
  const fenceEnd = text.charCodeAt(bodyOffset - 1) === 0x0a ? bodyOffset - 1 : bodyOffset;
  if (fenceEnd - (text.lastIndexOf('\n', fenceEnd - 1) + 1) !== 3) return undefined;
  const head = text.slice(0, bodyOffset);
  if (head.includes('\r') || head.includes('\0') || text.startsWith('---', bodyOffset)) return undefined;
  const yaml: Yaml = {
    type: 'yaml',
    value: block.yaml,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: block.endLine, column: 4, offset: fenceEnd } },
  };
  return { yaml, bodyLine: block.endLine + 1, bodyOffset };
}

/** Moves every position in a tree parsed from the body to where it is in the file (columns stay: the body starts a line). */
function shift(tree: Root, lines: number, offset: number): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}
