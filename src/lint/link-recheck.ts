import type { Root } from 'mdast';
import type { Dependency } from '../content/content-index.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { trimEnd } from '../content/repo-path.js';
import { asciiJson } from '../fs/ascii-json.js';
import type { RuleId } from '../rules/catalog.js';
import type { LintContext } from './context.js';
import { linkTextProblem, unknownLinkProblem, type GlossaryLinkFacts } from './glossary-link-checks.js';
import type { FileFinding } from './lint-file.js';
import { glossaryLinks } from './links.js';

/**
 * The rules whose findings follow from a page's glossary links and the
 * glossary alone. A page without message-control markers has them checked
 * apart from the other rules, on its links, with dependencies of their own:
 * when only those change (a term renamed, an entry added or removed), the
 * cache checks the stored links again instead of parsing the page.
 */
export const LINK_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['glossary-link-unknown', 'glossary-link-text']);

/** Whether the config runs either link rule: with both off there is nothing to keep links for. */
export function checksLinks(config: ResolvedConfig): boolean {
  return [...LINK_RULES].some((id) => config.severities[id] !== 'off');
}

/** One glossary link as stored: [line, column, endLine, endColumn, definitionLine or 0, id, text]. */
export type LinkRecord = [number, number, number, number, number, string, string];

/** A page's glossary links, in document order. */
export function linkRecords(tree: Root): LinkRecord[] {
  return glossaryLinks(tree).map(({ at, definitionLine, id, text }): LinkRecord => [at.line, at.column, at.endLine, at.endColumn, definitionLine ?? 0, id, text]);
}

/**
 * Links as the cache keeps them: ASCII JSON (escaped), so the string takes a
 * byte a character; `JSON.parse` gives the records back.
 */
export function storedLinks(links: readonly LinkRecord[]): string {
  return asciiJson(links);
}

/**
 * The LINK_RULES findings for a page's links, as the rules would report them
 * on the parsed page (their severities applied), and what they depend on in
 * the index: one check for a fresh lint and for the cache's re-check.
 */
export function checkLinks(links: readonly LinkRecord[], context: LintContext): { findings: FileFinding[]; dependencies: Array<[Dependency, string]> } {
  const { index, config } = context;
  const dir = trimEnd(config.config.content.glossary, '/');
  const checks: Array<[RuleId, (link: GlossaryLinkFacts) => string | undefined]> = [
    ['glossary-link-unknown', (link) => unknownLinkProblem(link, index, dir)],
    ['glossary-link-text', (link) => linkTextProblem(link, index)],
  ];
  const findings: FileFinding[] = [];
  const recorded = new Set<Dependency>();
  index.recordInto(recorded);
  try {
    for (const [ruleId, check] of checks) {
      const severity = config.severities[ruleId];
      if (severity === 'off') continue;
      for (const [line, column, endLine, endColumn, definition, id, text] of links) {
        const message = check({ id, text, definitionLine: definition === 0 ? undefined : definition });
        if (message !== undefined) findings.push({ line, column, endLine, endColumn, ruleId, severity, message });
      }
    }
  } finally {
    index.recordInto(undefined);
  }
  return { findings, dependencies: index.fingerprinted(recorded) };
}
