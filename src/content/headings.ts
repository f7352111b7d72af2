import GithubSlugger from 'github-slugger';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Heading, Root, RootContent } from 'mdast';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|(\d{1,9})[.)])(?:[ \t]+(.*))?$/;
const COMMENT_OPEN = /^ {0,3}<!--/;
const BLANK = /^[ \t]*$/;
/** Constructs the line scanner does not model: a heading may hide in (or be hidden by) them. */
const CONTAINER_OR_HTML = /^ {0,3}[<>]/;
/** Inside a list item, block syntax that may start a heading or fence at the item's indentation. */
const BLOCK_START = /^[ \t]*(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|[<>]|(?:=+|-+)[ \t]*$)/;
/** Inline syntax that changes a heading's text (emphasis, links, code, entities, escapes, HTML). */
const INLINE_MARKUP = /[*_`[\]<&\\!]/;

/**
 * Heading anchors of a page (front matter already cut off) without a full
 * Markdown parse: headings are found line by line (outside fenced code and
 * HTML comments) and only their text goes through the parser when it has
 * inline markup, so linking to another page's heading costs a scan, not a
 * parse. Anchors are github-slugger slugs of the heading text, in order,
 * duplicates suffixed `-1`, `-2`, … — the same as slugging the mdast of the page.
 *
 * Containers the scanner does not model (block quotes, HTML blocks, headings
 * or fences inside list items) make it fall back to a full parse of the page,
 * so the result always matches the parsed tree.
 */
export function scanHeadingSlugs(body: string): string[] {
  const texts = scanHeadingTexts(body);
  const slugger = new GithubSlugger();
  return (texts ?? parsedHeadingTexts(body)).map((text) => slugger.slug(text));
}

/** Heading texts found by the line scanner, or undefined when the page needs a real parse. */
function scanHeadingTexts(body: string): string[] | undefined {
  const texts: string[] = [];
  const lines = body.split(/\r\n|\r|\n/);
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  /** Lines of the open paragraph; `setext` is false for a list item's (lazy) paragraph. */
  let paragraph: string[] = [];
  let setext = false;
  let inList = false;
  let previousBlank = true;
  let afterCode = false;

  for (const line of lines) {
    const wasAfterCode = afterCode;
    afterCode = false;
    if (fence) {
      const close = FENCE_OPEN.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && BLANK.test(close[2]!)) fence = undefined;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const blank = BLANK.test(line);
    if (inList && !blank && previousBlank && indentation(line) === 0 && !LIST_ITEM.test(line)) inList = false;
    previousBlank = blank;
    if (blank) {
      paragraph = [];
      continue;
    }
    if (inList && indentation(line) > 0 && BLOCK_START.test(line)) return undefined;
    if (CONTAINER_OR_HTML.test(line) && !COMMENT_OPEN.test(line)) return undefined;

    if (COMMENT_OPEN.test(line)) {
      inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
      paragraph = [];
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      paragraph = [];
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      const content = atx[2] ?? '';
      texts.push(INLINE_MARKUP.test(content) ? (parsedHeadingText(`# ${content}`) ?? content) : content);
      paragraph = [];
      continue;
    }
    if (paragraph.length > 0 && SETEXT.test(line)) {
      if (setext) {
        const content = paragraph.map((l) => l.trim()).join('\n');
        // Escape an ordered-list-looking first line (`10. …` cannot start a list here).
        const source = paragraph.join('\n').replace(/^( {0,3}\d+)([.)])/, '$1\\$2');
        texts.push(INLINE_MARKUP.test(content) ? (parsedHeadingText(`${source}\n===`) ?? content) : content);
        paragraph = [];
        continue;
      }
      // A list item's paragraph cannot take an underline: `---` is a break, `===` lazy text.
      if (line.includes('=')) continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      paragraph = [];
      continue;
    }
    const item = LIST_ITEM.exec(line);
    // Only a bullet or `1.` item may interrupt a paragraph (or, in the parser, follow indented code).
    if (item && !((paragraph.length > 0 || wasAfterCode) && item[1] !== undefined && item[1] !== '1')) {
      inList = true;
      const content = item[2] ?? '';
      // An empty item, or one opening with block syntax, needs the real container rules.
      if (BLANK.test(content) || BLOCK_START.test(content) || LIST_ITEM.test(content) || /^[ \t]{4}/.test(content)) return undefined;
      paragraph = [content];
      setext = false;
      continue;
    }
    if (paragraph.length === 0) {
      if (indentation(line) >= 4 && !inList) {
        afterCode = true; // indented code
        continue;
      }
      // An indented paragraph in a list belongs to an item, whose underline rules the scanner does not model.
      if (inList && indentation(line) > 0) return undefined;
      setext = true;
    }
    paragraph.push(line);
  }
  return texts;
}

function parsedHeadingTexts(body: string): string[] {
  const texts: string[] = [];
  const walk = (nodes: readonly (Root | RootContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'heading') texts.push(toString(node));
      else if ('children' in node) walk(node.children);
    }
  };
  walk([fromMarkdown(body)]);
  return texts;
}

function parsedHeadingText(source: string): string | undefined {
  const node = fromMarkdown(source).children[0];
  return node?.type === 'heading' ? toString(node as Heading) : undefined;
}

/** Columns of leading whitespace, tabs to the next multiple of 4. */
function indentation(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns++;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}
