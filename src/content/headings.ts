import GithubSlugger from 'github-slugger';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Heading anchors of a page without a full Markdown parse: headings are found
 * line by line (outside fenced code) and only their text goes through the
 * parser, so linking to another page's heading costs a scan, not a parse.
 */
export function scanHeadingSlugs(body: string): string[] {
  const slugger = new GithubSlugger();
  const slugs: string[] = [];
  const lines = body.split(/\r?\n/);
  let fence: string | undefined;
  let previous = '';
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = undefined;
      previous = '';
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      previous = '';
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      slugs.push(slugger.slug(plain(atx[2] ?? '')));
      previous = '';
      continue;
    }
    if (SETEXT.test(line) && previous.trim() !== '' && !/^\s{4}|^\s*([-*+]|\d+[.)])\s/.test(previous)) {
      slugs.push(slugger.slug(plain(previous.trim())));
      previous = '';
      continue;
    }
    previous = line;
  }
  return slugs;
}

function plain(inline: string): string {
  return /[*_`[\]<&\\!]/.test(inline) ? toString(fromMarkdown(inline)) : inline;
}
