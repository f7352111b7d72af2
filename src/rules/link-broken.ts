import { existsSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { nearest } from '../content/nearest.js';
import { defineRule } from '../lint/define-rule.js';
import { collectLinks } from '../lint/links.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `link-broken`: a relative link (or image) must point at a file that
 * exists, and a `#fragment` at a heading that exists, on this page or the
 * target page. Links are resolved against the repository's own index, never
 * by spawning a process per file. Not checked: URLs with a scheme
 * (`https:`, `mailto:`, `glossary:`), protocol-relative `//host` links and
 * site-absolute `/paths`, which point outside the content repository.
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
    const what = link.image ? 'image' : 'link';

    if (target === '') {
      if (!fragment) continue;
      ownSlugs ??= headingSlugs(tree);
      if (!ownSlugs.has(fragment)) report(missingHeading(what, url, fragment, 'this page', ownSlugs), link.at);
      continue;
    }

    const resolved = path.posix.normalize(path.posix.join(here, target));
    if (resolved === '..' || resolved.startsWith('../')) {
      report(`Broken ${what} \`${url}\`: it leads outside the repository, expected a page inside the repository`, link.at);
      continue;
    }
    const found = [resolved, `${resolved}.md`, path.posix.join(resolved, 'index.md')].find(
      (candidate) => index.files.has(candidate) || (!candidate.startsWith(`${contentRoot(prepared)}/`) && existsSync(path.join(index.root, candidate))),
    );
    if (!found) {
      const pages = [...index.files].filter((file) => file.endsWith('.md')).map((file) => path.posix.relative(here, file));
      const close = nearest(target.replace(/^\.\//, ''), pages);
      report(
        `Broken ${what} \`${url}\`: no such file, expected ${close ? `an existing page such as \`${close.startsWith('.') ? close : `./${close}`}\`` : 'a path to an existing page'}`,
        link.at,
      );
      continue;
    }
    if (fragment && found.endsWith('.md')) {
      const slugs = found === prepared.path ? (ownSlugs ??= headingSlugs(tree)) : index.headingSlugs(found);
      if (slugs && !slugs.has(fragment)) report(missingHeading(what, url, fragment, `\`${target}\``, slugs), link.at);
    }
  }
});

function missingHeading(what: string, url: string, fragment: string, where: string, slugs: ReadonlySet<string>): string {
  const close = nearest(fragment, slugs);
  const listed = [...slugs].slice(0, 5).map((slug) => `\`#${slug}\``).join(', ');
  const expected = close
    ? `expected an existing heading such as \`#${close}\``
    : slugs.size > 0
      ? `expected one of ${listed}${slugs.size > 5 ? '…' : ''}`
      : 'expected a link to the page itself, which has no headings';
  return `Broken ${what} \`${url}\`: no heading \`#${fragment}\` on ${where}, ${expected}`;
}

/** Anchors of this page's own headings, the way GitHub makes them. */
function headingSlugs(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const slugs = new Set<string>();
  visit(tree, 'heading', (node) => {
    slugs.add(slugger.slug(toString(node)));
  });
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
