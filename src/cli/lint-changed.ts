import { ContentIndex } from '../content/content-index.js';
import { createGit } from '../git/git-client.js';
import type { LintContext } from '../lint/context.js';
import { changedTargets, readBaseChanges } from '../lint/changed-files.js';
import { reviewChanges } from '../lint/review-changes.js';

/**
 * `lint --changed <base>`: the files to lint, and the context with what git says
 * about review sign-off, judged once here so the rule (on any thread) reads plain data.
 * Loaded only for --changed: git and its helpers cost a full run nothing.
 */
export async function changedSelection(context: LintContext, base: string): Promise<{ files: string[]; context: LintContext }> {
  const { config, index } = context;
  const git = createGit(config.root);
  const found = await readBaseChanges(git, base);
  // The dependants' search and the sign-off questions to git both start from the changes: asked side by side.
  const [changed, review] = await Promise.all([
    changedTargets({ config, index, base, git, found }),
    config.severities['review-signoff'] === 'off' ? undefined : reviewChanges({ config, index, git, ...found }),
  ]);
  if (!review) return { files: changed.targets, context };
  return { files: changed.targets, context: { ...context, index: new ContentIndex({ ...index.data, reviewChanges: review }) } };
}
