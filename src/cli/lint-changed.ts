import { ContentIndex } from '../content/content-index.js';
import { createGit } from '../git/git-client.js';
import type { LintContext } from '../lint/context.js';
import { changedTargets } from '../lint/changed-files.js';
import { reviewChanges } from '../lint/review-changes.js';

/**
 * `lint --changed <base>`: the files to lint, and the context with what git says
 * about review sign-off, judged once here so the rule (on any thread) reads plain data.
 * Loaded only for --changed: git and its helpers cost a full run nothing.
 */
export async function changedSelection(context: LintContext, base: string): Promise<{ files: string[]; context: LintContext }> {
  const git = createGit(context.config.root);
  const changed = await changedTargets({ config: context.config, index: context.index, base, git });
  if (context.config.severities['review-signoff'] === 'off') return { files: changed.targets, context };
  const review = await reviewChanges({ config: context.config, index: context.index, git, mergeBase: changed.mergeBase, changes: changed.changes, untracked: changed.untracked });
  return { files: changed.targets, context: { ...context, index: new ContentIndex({ ...context.index.data, reviewChanges: review }) } };
}
