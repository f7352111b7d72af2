import type { Definition, Image, ImageReference, Link, LinkReference, Root } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Span } from '../content/front-matter.js';

export interface PageLink {
  url: string;
  /** The visible text (alt text for images). */
  text: string;
  at: Span;
  image: boolean;
  /** For a reference, the line of the definition that gives its URL. */
  definitionLine?: number;
}

/**
 * Every link and image on a page with its URL resolved: inline ones and
 * references through their definitions. Shared by the glossary and link rules.
 */
export function collectLinks(tree: Root): PageLink[] {
  let links = collected.get(tree);
  if (!links) collected.set(tree, (links = findLinks(tree)));
  return links;
}

/** Four rules read the same links: walk each tree once. */
const collected = new WeakMap<Root, PageLink[]>();

function findLinks(tree: Root): PageLink[] {
  const definitions = new Map<string, { url: string; line: number | undefined }>();
  visit(tree, 'definition', (node: Definition) => {
    const id = normalizeIdentifier(node.identifier);
    if (!definitions.has(id)) definitions.set(id, { url: node.url, line: node.position?.start.line });
  });
  const links: PageLink[] = [];
  visit(tree, (node) => {
    if (!node.position) return;
    const at = {
      line: node.position.start.line,
      column: node.position.start.column,
      endLine: node.position.end.line,
      endColumn: node.position.end.column,
    };
    if (node.type === 'link') links.push({ url: (node as Link).url, text: toString(node), at, image: false });
    else if (node.type === 'image') links.push({ url: (node as Image).url, text: (node as Image).alt ?? '', at, image: true });
    else if (node.type === 'linkReference' || node.type === 'imageReference') {
      const definition = definitions.get(normalizeIdentifier((node as LinkReference | ImageReference).identifier));
      if (definition === undefined) return;
      const image = node.type === 'imageReference';
      const text = image ? ((node as ImageReference).alt ?? '') : toString(node);
      links.push({ url: definition.url, text, at, image, ...(definition.line === undefined ? {} : { definitionLine: definition.line }) });
    }
  });
  return links;
}

const GLOSSARY = /^glossary:/i;

/** The id of a `glossary:<id>` link (fragment dropped), or undefined for any other URL. */
export function glossaryId(url: string): string | undefined {
  if (!GLOSSARY.test(url)) return undefined;
  const id = url.slice('glossary:'.length);
  const hash = id.indexOf('#');
  return hash === -1 ? id : id.slice(0, hash);
}

export function glossaryLinks(tree: Root): Array<PageLink & { id: string }> {
  return collectLinks(tree).flatMap((link) => {
    const id = glossaryId(link.url);
    return id === undefined || link.image ? [] : [{ ...link, id }];
  });
}

/** Link text or a URL quoted for a message: one line, at most 60 characters, in backticks. */
export function shownText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
  return short.includes('`') ? `"${short}"` : `\`${short}\``;
}
