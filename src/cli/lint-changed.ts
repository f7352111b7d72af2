import type { SimpleGit } from 'simple-git';
import type { ResolvedConfig } from '../config/load-config.js';
import { ContentIndex } from '../content/content-index.js';
import { createGit } from '../git/git-client.js';
import type { LintContext } from '../lint/context.js';
import { changedTargets, readBaseChanges, type BaseChanges } from '../lint/changed-files.js';
import { reviewChanges } from '../lint/review-changes.js';

export type ChangedSelection = (context: LintContext) => Promise<{ files: string[]; context: LintContext }>;

/**
 * `lint --changed <base>`, started before the content index is built: git's
 * processes run beside it, and the parser loads while git works, for the
 * changed pages are few and linted on this thread (10,000 pages, 3 changed:
 * median 1.02 s against 1.075 s started after, ten interleaved pairs).
 * Loaded only for --changed: git and its helpers cost a full run nothing.
 */
export function startChangedSelection(config: ResolvedConfig, base: string): ChangedSelection {
  const git = createGit(config.root);
  const found = readBaseChanges(git, base);
  // Told when the selection is asked for: a failure to build the index first must not leave this unheard.
  found.catch(() => undefined);
  void import('../lint/worker-protocol.js').catch(() => undefined);
  return async (context) => changedSelection(context, git, base, await found);
}

/**
 * The files to lint, and the context with what git says about review sign-off,
 * judged once here so the rule (on any thread) reads plain data.
 */
async function changedSelection(context: LintContext, git: SimpleGit, base: string, found: BaseChanges): Promise<{ files: string[]; context: LintContext }> {
  const { config, index } = context;
  // The dependants' search and the sign-off questions to git both start from the changes: asked side by side.
  const [changed, review] = await Promise.all([
    changedTargets({ config, index, base, git, found }),
    config.severities['review-signoff'] === 'off' ? undefined : reviewChanges({ config, index, git, ...found }),
  ]);
  if (!review) return { files: changed.targets, context };
  return { files: changed.targets, context: { ...context, index: new ContentIndex({ ...index.data, reviewChanges: review }) } };
}
