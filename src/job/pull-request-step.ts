import type { ResolvedConfig } from '../config/load-config.js';
import type { ContentIndex } from '../content/content-index.js';
import type { SimpleGit } from 'simple-git';
import { fixRepository } from '../fix/fix-files.js';
import { createForge } from '../forge/create-forge.js';
import { ForgeError, type Forge } from '../forge/forge.js';
import { locallyChanged, syncFixPullRequest, type FixPullRequestResult } from '../forge/sync-fix-pull-request.js';
import { syncReviewPullRequests, type PullRequestReport } from '../forge/sync-review-pull-requests.js';
import { createGit, describeGitError } from '../git/git-client.js';
import type { Finding } from '../lint/finding.js';
import { pageUrl } from '../reports/report-options.js';
import type { Plan } from '../review/plan.js';

export interface PullRequestStep {
  report: PullRequestReport | undefined;
  /** The fix-formatting pull request, when `pullRequests.fixFormatting` is on. */
  fix?: FixPullRequestResult | undefined;
  forge: string | undefined;
  /** Why the step did nothing, when it could not run here. */
  skipped: string | undefined;
}

/** Open and maintain the review pull requests, on GitHub or the local forge. */
export async function pullRequestStep(options: {
  plan: Plan;
  config: ResolvedConfig;
  index: ContentIndex;
  findings: ReadonlyMap<string, readonly Finding[]>;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  signal?: AbortSignal | undefined;
}): Promise<PullRequestStep> {
  const { config } = options;
  const settings = config.config.pullRequests;
  if (!settings.enabled) return { report: undefined, forge: undefined, skipped: 'pullRequests.enabled is false' };
  const git = createGit(config.root);
  const base = config.config.repository.branch;
  if (!(await git.checkIsRepo().catch(() => false))) {
    return { report: undefined, forge: undefined, skipped: `${config.root} is not a git repository` };
  }
  const { forge, remote } = createForge(options.env, config, options.log);
  if (remote === undefined && !(await git.raw(['rev-parse', '--verify', '--quiet', `refs/heads/${base}`]).then(() => true, () => false))) {
    return { report: undefined, forge: forge.description, skipped: `the base branch \`${base}\` does not exist here (repository.branch)` };
  }
  const links = { repositoryUrl: config.config.repository.url, branch: base };
  const pathPrefix = (await git.raw(['rev-parse', '--show-prefix'])).trim();
  const report = await syncReviewPullRequests({
    plan: options.plan,
    forge,
    git,
    remote,
    base,
    pathPrefix,
    policy: {
      window: config.policy.pullRequestWindow,
      maxOpen: settings.maxOpen,
      perRun: settings.perRun,
      interval: config.policy.maxInterval,
    },
    labels: settings.labels,
    editors: options.index.data.editors,
    findings: options.findings,
    pageUrl: (path) => pageUrl(links, path),
    dashboard: config.config.dashboard,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let fix: FixPullRequestResult | undefined;
  if (settings.fixFormatting && !report.stoppedEarly && !options.signal?.aborted) {
    fix = await fixStep({ config, forge, git, remote, base, pathPrefix, labels: settings.labels });
  }
  return { report, fix, forge: forge.description, skipped: undefined };
}

/** The one `pagecare/fix-formatting` pull request, from the safe fixes of what is published on base. */
async function fixStep(options: {
  config: ResolvedConfig;
  forge: Forge;
  git: SimpleGit;
  remote: string | undefined;
  base: string;
  pathPrefix: string;
  labels: string[];
}): Promise<FixPullRequestResult> {
  const { git } = options;
  try {
    const baseRef = options.remote === undefined ? `refs/heads/${options.base}` : `refs/remotes/${options.remote}/${options.base}`;
    const unpublished = await locallyChanged(git, baseRef);
    const fixes = (await fixRepository(options.config)).filter((file) => !unpublished.has(file.path));
    return await syncFixPullRequest({ ...options, fixes });
  } catch (error) {
    // A hard rate limit stops the step cleanly; the next run resumes.
    if (error instanceof ForgeError) return { outcome: 'stopped', pr: undefined, fixes: 0, detail: error.message };
    return { outcome: 'failed', pr: undefined, fixes: 0, detail: describeGitError(error) };
  }
}
