import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { nodesOfType } from '../lint/tree-nodes.js';
import { nearest } from '../content/nearest.js';
import { nearestPath } from '../content/nearest-path.js';
import { defineRule } from '../lint/define-rule.js';
import { collectLinks, shownText } from '../lint/links.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `link-broken`: a relative link (or image) must point at a file that
 * exists, and a `#fragment` at a heading that exists, on this page or the
 * target page. Links are resolved against the repository's own index, never
 * by spawning a process per file: a target is tried as written, with `.md`
 * added, then as a folder's `index.md` (percent-decoded, `?query` dropped);
 * one that climbs out of the repository root is broken. Targets outside the
 * content folder (`../../README.md`) are looked up on disk, the only I/O.
 * Fragments: this page's own heading anchors (github-slugger, `-1` for
 * repeats), or the target page's from the index's heading scan.
 *
 * Not checked: URLs with a scheme (`https:`, `mailto:`, `tel:`, `data:`,
 * `glossary:` — glossary-link-unknown owns those), protocol-relative `//host`
 * links, and site-absolute `/paths`: where `/` lands depends on how the site
 * is published, which the repository does not say, so checking them would
 * guess. An empty URL or a bare `#` is a link to this page.
 *
 * Valid: `[surgery](./surgery.md#after-surgery)` where both exist.
 * Invalid: `[x](./missing.md)`, `[x](#no-such-heading)`, `[x](../../../etc/passwd)`.
 */
export default defineRule('link-broken', ['page', 'glossary'], ({ tree, prepared, report }) => {
  const index = prepared.context.index;
  const here = path.posix.dirname(prepared.path);
  let ownSlugs: Set<string> | undefined;

  for (const link of collectLinks(tree)) {
    const url = link.url.trim();
    if (url === '' || SCHEME.test(url) || url.startsWith('/')) continue;
    const hash = url.indexOf('#');
    const target = decode((hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, ''));
    const fragment = hash === -1 ? undefined : decode(url.slice(hash + 1));
    const what = `${link.image ? 'image' : 'link'} ${shownText(url)}${link.definitionLine === undefined ? '' : ` (defined on line ${link.definitionLine})`}`;

    if (target === '') {
      if (!fragment) continue;
      ownSlugs ??= headingSlugs(tree);
      if (!ownSlugs.has(fragment)) report(missingHeading(what, fragment, 'this page', ownSlugs), link.at);
      continue;
    }

    const resolved = path.posix.normalize(path.posix.join(here, target));
    if (resolved === '..' || resolved.startsWith('../')) {
      report(`Broken ${what}: it leads outside the repository, expected a page inside the repository`, link.at);
      continue;
    }
    const found = [resolved, `${resolved}.md`, path.posix.join(resolved, 'index.md')].find(
      (candidate) => index.hasFile(candidate) || (!candidate.startsWith(`${contentRoot(prepared)}/`) && index.existsOutside(candidate)),
    );
    if (!found) {
      const close = nearestPath(target, here, index.filePaths());
      const kind = link.image || !/^(?:\.md)?$/.test(path.posix.extname(target)) ? 'file' : 'page';
      const expected = close ? `an existing ${kind} such as \`${close}\`` : `the path of an existing ${kind}, relative to this page`;
      report(`Broken ${what}: no such file, expected ${expected}`, link.at);
      continue;
    }
    if (fragment && found.endsWith('.md')) {
      const slugs = found === prepared.path ? (ownSlugs ??= headingSlugs(tree)) : index.headingSlugs(found);
      if (slugs && !slugs.has(fragment)) report(missingHeading(what, fragment, `\`${target}\``, slugs), link.at);
    }
  }
});

function missingHeading(what: string, fragment: string, where: string, slugs: ReadonlySet<string>): string {
  const close = nearest(fragment, slugs);
  const listed = [...slugs].slice(0, 5).map((slug) => `\`#${slug}\``).join(', ');
  const expected = close
    ? `expected an existing heading such as \`#${close}\``
    : slugs.size > 0
      ? `expected an existing heading (${listed}${slugs.size > 5 ? ', …' : ''})`
      : 'expected a link to the page itself, which has no headings';
  return `Broken ${what}: no heading \`#${fragment}\` on ${where}, ${expected}`;
}

/** Anchors of this page's own headings, the way GitHub makes them. */
function headingSlugs(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const slugs = new Set<string>();
  for (const node of nodesOfType(tree, 'heading')) slugs.add(slugger.slug(toString(node)));
  return slugs;
}

function contentRoot(prepared: { context: { config: { config: { content: { root: string } } } } }): string {
  return path.posix.normalize(prepared.context.config.config.content.root).replace(/\/$/, '');
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
