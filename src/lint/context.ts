import type { ResolvedConfig } from '../config/load-config.js';
import type { ContentIndex } from '../content/content-index.js';
import type { FrontMatter } from '../content/front-matter.js';
import type { PlainDate } from '../time/calendar-date.js';
import type { Clock } from './clock.js';
import type { RuleId } from '../rules/catalog.js';

/** What every rule may read about the run: config, the cross-file index and today's date. */
export interface LintContext {
  config: ResolvedConfig;
  index: ContentIndex;
  today: PlainDate;
}

export type ContentKind = 'page' | 'glossary';

/** Per-file facts computed once, before any rule runs, and shared by all of them. */
export interface PreparedFile {
  context: LintContext;
  kind: ContentKind;
  /** Root-relative posix path. */
  path: string;
  frontMatter: FrontMatter;
  /** The front matter as a mapping, when it parsed to one. */
  data: Record<string, unknown> | undefined;
  /** Today for the date rules, recording how long their answers hold (for the cache). */
  clock: Clock;
}

declare module 'vfile' {
  interface DataMap {
    pagecare: PreparedFile;
    /** Rules `pagecare lint` runs apart from the tree (src/lint/link-recheck.ts): the plugins skip them. */
    rulesApart: ReadonlySet<RuleId>;
  }
}
