import type { Image, ImageReference, Link, LinkReference, Root } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { toString } from 'mdast-util-to-string';
import { nodesOfType } from './tree-nodes.js';
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
  for (const node of nodesOfType(tree, 'definition')) {
    const id = normalizeIdentifier(node.identifier);
    if (!definitions.has(id)) definitions.set(id, { url: node.url, line: node.position?.start.line });
  }
  const links: PageLink[] = [];
  const offsets = new Map<PageLink, number>();
  const add = (node: Link | Image | LinkReference | ImageReference, link: Omit<PageLink, 'at'>) => {
    const position = node.position;
    if (!position) return;
    const at = { line: position.start.line, column: position.start.column, endLine: position.end.line, endColumn: position.end.column };
    const found = { ...link, at };
    links.push(found);
    offsets.set(found, position.start.offset ?? 0);
  };
  for (const node of nodesOfType(tree, 'link')) add(node, { url: node.url, text: toString(node), image: false });
  for (const node of nodesOfType(tree, 'image')) add(node, { url: node.url, text: node.alt ?? '', image: true });
  for (const node of [...nodesOfType(tree, 'linkReference'), ...nodesOfType(tree, 'imageReference')]) {
    const definition = definitions.get(normalizeIdentifier(node.identifier));
    if (definition === undefined) continue;
    const image = node.type === 'imageReference';
    const text = image ? (node.alt ?? '') : toString(node);
    add(node, { url: definition.url, text, image, ...(definition.line === undefined ? {} : { definitionLine: definition.line }) });
  }
  // Document order, as the rules that keep the first of several links expect.
  return links.sort((a, b) => offsets.get(a)! - offsets.get(b)!);
}

const GLOSSARY = /^glossary:/i;

/** The id of a `glossary:<id>` link (fragment dropped), or undefined for any other URL. */
export function glossaryId(url: string): string | undefined {
  if (!GLOSSARY.test(url)) return undefined;
  const id = url.slice('glossary:'.length);
  const hash = id.indexOf('#');
  return hash === -1 ? id : id.slice(0, hash);
}

/** A page's glossary links, in document order: read by a rule and by the cache's link records, found once. */
export function glossaryLinks(tree: Root): ReadonlyArray<PageLink & { id: string }> {
  let links = glossaryCollected.get(tree);
  if (!links) glossaryCollected.set(tree, (links = findGlossaryLinks(tree)));
  return links;
}

const glossaryCollected = new WeakMap<Root, Array<PageLink & { id: string }>>();

function findGlossaryLinks(tree: Root): Array<PageLink & { id: string }> {
  const found: Array<PageLink & { id: string }> = [];
  for (const link of collectLinks(tree)) {
    const id = link.image ? undefined : glossaryId(link.url);
    if (id !== undefined) found.push({ ...link, id });
  }
  return found;
}

/** Link text or a URL quoted for a message: one line, at most 60 characters, in backticks. */
export function shownText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
  return short.includes('`') ? `"${short}"` : `\`${short}\``;
}
