import type { ContentIndex } from '../content/content-index.js';
import { normaliseName } from '../content/glossary-names.js';
import { nearest } from '../content/nearest.js';
import { shownText } from './links.js';

/**
 * What the glossary link rules read of a link. No tree: so the cache can keep
 * a page's links and check them again, without a parse, when only the
 * glossary changed (src/lint/link-recheck.ts).
 */
export interface GlossaryLinkFacts {
  id: string;
  text: string;
  /** For a reference, the line of the definition that gives its URL. */
  definitionLine?: number | undefined;
}

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `glossary-link-unknown`'s message for a link whose entry does not exist, else undefined. */
export function unknownLinkProblem(link: GlossaryLinkFacts, index: ContentIndex, glossaryDir: string): string | undefined {
  // Whether the entry exists, not what it says: editing an entry leaves pages that link to it alone.
  if (index.hasGlossaryEntry(link.id)) return undefined;
  const close = link.id === '' ? undefined : nearest(link.id, index.glossaryTerms().map((term) => term.id));
  const what = link.id === '' ? 'Empty glossary id' : `Unknown glossary id ${shownText(link.id)}`;
  const expected = close
    ? `expected an existing entry such as \`${close}\``
    : KEBAB_ID.test(link.id)
      ? `expected the id of an existing entry in ${glossaryDir}/, or a new entry ${glossaryDir}/${link.id}.md`
      : `expected \`glossary:<id>\` with the kebab-case id of an entry ${glossaryDir}/<id>.md`;
  const defined = link.definitionLine === undefined ? '' : ` (defined on line ${link.definitionLine})`;
  return `${what} in link ${shownText(link.text)}${defined}, ${expected}`;
}

/** `glossary-link-text`'s message for a link whose text does not name its (existing) entry, else undefined. */
export function linkTextProblem(link: GlossaryLinkFacts, index: ContentIndex): string | undefined {
  // Asked as a yes or no, so a cached page is re-checked only when its answer changes (an alias
  // added for other pages leaves it alone). Unknown ids are left to `glossary-link-unknown`.
  if (index.glossaryLinkNamesEntry(link.id, link.text) !== false) return undefined;
  // The message lists the entry's names: a page with a finding depends on all of them.
  const entry = index.glossaryTerm(link.id)!;
  const listed = [entry.term, ...entry.aliases].map((name) => `\`${name}\``).join(' or ');
  const what = normaliseName(link.text) === '' ? 'Empty link text' : `Unexpected link text ${shownText(link.text)}`;
  return `${what} for glossary entry \`${link.id}\`, expected the term or an alias: ${listed}`;
}
