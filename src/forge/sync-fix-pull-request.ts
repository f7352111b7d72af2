import type { SimpleGit } from 'simple-git';
import type { FileFix } from '../fix/fix-files.js';
import { describeGitError } from '../git/git-client.js';
import { FIX_BRANCH } from './branch-name.js';
import type { Forge, PullRequest } from './forge.js';
import { deleteBranch, syncBranch } from './review-branch.js';
import { sameText } from './sync-review-pull-requests.js';

export interface FixPullRequestResult {
  outcome: 'created' | 'updated' | 'unchanged' | 'closed' | 'none' | 'foreign' | 'failed' | 'stopped';
  pr: PullRequest | undefined;
  fixes: number;
  detail: string | undefined;
}

const TITLE = 'Fix reference and date formatting';

/**
 * One `pagecare/fix-formatting` pull request holding every safe fix
 * (`pagecare fix`): created when there is something to fix, refreshed when
 * the fixes change, closed when nothing is left. Files that differ from the
 * base branch in the work tree are left out, so only published text is fixed.
 */
export async function syncFixPullRequest(options: {
  forge: Forge;
  git: SimpleGit;
  remote: string | undefined;
  base: string;
  pathPrefix: string;
  fixes: readonly FileFix[];
  labels: string[];
}): Promise<FixPullRequestResult> {
  const { forge, git } = options;
  const current = await forge.findPullRequest(FIX_BRANCH);
  const open = current?.state === 'open' ? current : undefined;
  const count = options.fixes.reduce((n, file) => n + file.fixes.length, 0);
  if (options.fixes.length === 0) {
    if (!open) return { outcome: 'none', pr: undefined, fixes: 0, detail: undefined };
    await forge.closePullRequest(open.number, 'pagecare is closing this pull request: there is nothing left to fix.');
    await deleteBranch({ git, remote: options.remote, branch: FIX_BRANCH }).catch(() => undefined);
    return { outcome: 'closed', pr: open, fixes: 0, detail: undefined };
  }
  let synced;
  try {
    synced = await syncBranch({
      git,
      remote: options.remote,
      base: options.base,
      branch: FIX_BRANCH,
      changes: Object.fromEntries(options.fixes.map((file) => [`${options.pathPrefix}${file.path}`, file.after])),
      message: `${TITLE}\n\n${count} safe fixes by pagecare fix.`,
    });
  } catch (error) {
    return { outcome: 'failed', pr: open, fixes: count, detail: describeGitError(error) };
  }
  if (synced.status === 'foreign') return { outcome: 'foreign', pr: open, fixes: count, detail: synced.note };
  const body = fixBody(options.fixes, count);
  if (!open) {
    const pr = await forge.createPullRequest({ branch: FIX_BRANCH, base: options.base, title: TITLE, body });
    await forge.setLabels(pr.number, options.labels);
    return { outcome: 'created', pr, fixes: count, detail: undefined };
  }
  if (synced.status === 'unchanged' && sameText(open.body, body)) {
    return { outcome: 'unchanged', pr: open, fixes: count, detail: undefined };
  }
  return { outcome: 'updated', pr: await forge.updatePullRequest(open.number, { title: TITLE, body }), fixes: count, detail: undefined };
}

function fixBody(fixes: readonly FileFix[], count: number): string {
  const lines = [
    `pagecare found ${count} formatting ${count === 1 ? 'slip' : 'slips'} it can fix safely: dates to ISO 8601, page ranges to \`start–end\`, stray spaces, initials punctuation to the page's majority style.`,
    'Nothing else in the pages changes. Glued words and other slips that need a person stay in the lint report.',
    '',
  ];
  for (const file of fixes) {
    lines.push(`### \`${file.path}\``, '');
    for (const fix of file.fixes) lines.push(`- line ${fix.line}: ${fix.description.replace(/[\r\n]+/g, ' ')}`);
    lines.push('');
  }
  lines.push('---', '_Opened by pagecare. It is refreshed while fixes remain and closed when none do._');
  return lines.join('\n');
}

/** Files (relative to the content root) the work tree changed against `base`: not published yet, so not for the fix pull request. */
export async function locallyChanged(git: SimpleGit, baseRef: string): Promise<Set<string>> {
  const output = await git.raw(['diff', '--name-only', '--relative', '-z', baseRef, '--']);
  return new Set(output.split('\0').filter(Boolean));
}
