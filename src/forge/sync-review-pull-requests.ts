import type { SimpleGit } from 'simple-git';
import type { Editor } from '../config/editors-schema.js';
import { setFrontMatterValues } from '../content/edit-front-matter.js';
import { asMapping, parseFrontMatter } from '../content/front-matter.js';
import type { Finding } from '../lint/finding.js';
import type { Plan } from '../review/plan.js';
import {
  inReviewWindow,
  planPullRequests,
  type ExistingPullRequest,
  type HeldBack,
  type PullRequestPolicy,
  type WantedPullRequest,
} from '../review/pull-request-plan.js';
import { describeGitError } from '../git/git-client.js';
import { REVIEW_PREFIX, reviewBranchName } from './branch-name.js';
import { dashboardBody, DASHBOARD_TITLE } from './dashboard.js';
import { ForgeError, type DashboardResult, type Forge, type PullRequest } from './forge.js';
import { deleteBranch, syncBranch } from './review-branch.js';
import { parseMarker, reviewBody, reviewerLogins, reviewTitle } from './review-pull-request.js';
import { trimEnd } from '../content/repo-path.js';

export interface PullRequestReport {
  created: PullRequest[];
  updated: PullRequest[];
  unchanged: PullRequest[];
  closed: Array<{ number: number; branch: string; reason: string }>;
  heldBack: HeldBack[];
  /** Branches someone else pushed to: left alone, with a note on the pull request. */
  foreign: Array<{ branch: string; note: string }>;
  /** Pages whose pull request could not be made this run (a git or forge refusal), with why. */
  failed: Array<{ branch: string; error: string }>;
  dashboard: DashboardResult | undefined;
  /** Set when the forge made the run stop early (a hard rate limit): the next run resumes. */
  stoppedEarly: string | undefined;
}

export interface SyncOptions {
  plan: Plan;
  forge: Forge;
  git: SimpleGit;
  /** Remote to push review branches to; undefined keeps them local (the local forge). */
  remote: string | undefined;
  base: string;
  /** Where the content root sits inside the git repository (`git rev-parse --show-prefix`). */
  pathPrefix: string;
  policy: PullRequestPolicy;
  labels: string[];
  editors: Readonly<Record<string, Editor>> | undefined;
  findings: ReadonlyMap<string, readonly Finding[]>;
  pageUrl: (path: string) => string | undefined;
  dashboard: boolean;
  signal?: AbortSignal;
}

const FOREIGN_MARKER = '<!-- pagecare:foreign -->';

/**
 * Bring the review pull requests in line with the plan: one per page inside
 * the window, created or refreshed only when its content changed, never a
 * second one; pull requests whose page left the window are closed and their
 * branches deleted. Every git and forge effect happens here, through the ports.
 */
export async function syncReviewPullRequests(options: SyncOptions): Promise<PullRequestReport> {
  const report: PullRequestReport = {
    created: [],
    updated: [],
    unchanged: [],
    closed: [],
    heldBack: [],
    foreign: [],
    failed: [],
    dashboard: undefined,
    stoppedEarly: undefined,
  };
  try {
    await run(options, report);
  } catch (error) {
    if (!(error instanceof ForgeError)) throw error;
    report.stoppedEarly = error.message;
  }
  return report;
}

async function run(options: SyncOptions, report: PullRequestReport): Promise<void> {
  const { forge, plan } = options;
  const openPulls = await forge.listOpenPullRequests(REVIEW_PREFIX);
  const byBranch = new Map<string, PullRequest | undefined>(openPulls.map((pr) => [pr.branch, pr]));
  for (const entry of inReviewWindow(plan.schedule, plan.today, options.policy.window)) {
    const branch = reviewBranchName(entry.id);
    if (!byBranch.has(branch)) byBranch.set(branch, await forge.findPullRequest(branch));
  }
  const existing = (pr: PullRequest): ExistingPullRequest => ({
    number: pr.number,
    branch: pr.branch,
    state: pr.state,
    merged: pr.merged,
    marker: parseMarker(pr.body),
  });
  const prPlan = planPullRequests({
    schedule: plan.schedule,
    today: plan.today,
    policy: options.policy,
    branchOf: (entry) => reviewBranchName(entry.id),
    latest: new Map([...byBranch].map(([branch, pr]) => [branch, pr && existing(pr)])),
    open: openPulls.map(existing),
  });
  report.heldBack.push(...prPlan.heldBack);

  const baseRef = await fetchBase(options);
  for (const wanted of prPlan.wanted) {
    if (options.signal?.aborted) break;
    await syncOne(options, wanted, byBranch.get(wanted.branch), baseRef, report);
  }
  for (const { pr, reason } of prPlan.close) {
    if (options.signal?.aborted) break;
    await forge.closePullRequest(pr.number, `pagecare is closing this pull request: ${reason}.`);
    await deleteBranch({ git: options.git, remote: options.remote, branch: pr.branch }).catch((error: unknown) => {
      report.failed.push({ branch: pr.branch, error: `closed, but the branch was not deleted: ${describeGitError(error)}` });
    });
    report.closed.push({ number: pr.number, branch: pr.branch, reason });
  }
  if (options.dashboard) {
    const open = await forge.listOpenPullRequests(REVIEW_PREFIX);
    report.dashboard = await forge.ensureDashboard(DASHBOARD_TITLE, dashboardBody(plan, report.heldBack, open));
  }
}

async function syncOne(
  options: SyncOptions,
  wanted: WantedPullRequest,
  current: PullRequest | undefined,
  baseRef: string,
  report: PullRequestReport,
): Promise<void> {
  const { forge, git } = options;
  const entry = wanted.entry;
  let content: string;
  let original: string;
  try {
    original = await git.show([`${baseRef}:${options.pathPrefix}${entry.path}`]);
    content = setFrontMatterValues(original, {
      last_reviewed: wanted.proposedLastReviewed.toString(),
      next_review: wanted.proposedNextReview.toString(),
    });
  } catch (error) {
    report.failed.push({ branch: wanted.branch, error: `cannot read ${entry.path} on ${options.base}: ${describeGitError(error)}` });
    return;
  }
  const title = reviewTitle(wanted);
  let synced;
  try {
    synced = await syncBranch({
      git,
      remote: options.remote,
      base: options.base,
      branch: wanted.branch,
      changes: { [`${options.pathPrefix}${entry.path}`]: content },
      message: `${title}\n\nProposes last_reviewed ${wanted.proposedLastReviewed.toString()} and next_review ${wanted.proposedNextReview.toString()}.`,
    });
  } catch (error) {
    report.failed.push({ branch: wanted.branch, error: describeGitError(error) });
    return;
  }
  const open = current?.state === 'open' ? current : undefined;
  if (synced.status === 'foreign') {
    const note = trimEnd(synced.note ?? 'someone else pushed to this branch', '.');
    report.foreign.push({ branch: wanted.branch, note });
    // Say it once: the marker in the body records that the note was left.
    if (open && !open.body.includes(FOREIGN_MARKER)) {
      await forge.comment(open.number, `pagecare will not update this branch again: ${note}. The review is yours to finish here.`);
      await forge.updatePullRequest(open.number, { title: open.title, body: `${open.body}\n${FOREIGN_MARKER}` });
    }
    return;
  }
  const body = reviewBody({
    wanted,
    today: options.plan.today,
    editors: options.editors,
    findings: options.findings.get(entry.path) ?? [],
    pageUrl: options.pageUrl(entry.path),
    frontMatter: asMapping(parseFrontMatter(original).data),
  });
  // Reviewers first, labels last: the labels say the setup finished, so a run stopped after the create
  // (killed, rate-limited) is finished by the next one instead of leaving reviewers never asked.
  const finishSetup = async (number: number) => {
    const logins = reviewerLogins(wanted, options.editors);
    if (logins.length > 0) await forge.requestReviewers(number, logins);
    await forge.setLabels(number, options.labels);
  };
  if (!open) {
    const pr = await forge.createPullRequest({ branch: wanted.branch, base: options.base, title, body });
    await finishSetup(pr.number);
    report.created.push(pr);
    return;
  }
  if (!hasLabels(open, options.labels)) await finishSetup(open.number);
  if (open.title === title && sameText(open.body, body) && synced.status === 'unchanged') {
    report.unchanged.push(open);
    return;
  }
  report.updated.push(await forge.updatePullRequest(open.number, { title, body }));
}

/** The base branch's tip to read pages from: the remote's after a fetch, else the local branch. */
export async function fetchBase(options: Pick<SyncOptions, 'git' | 'remote' | 'base'>): Promise<string> {
  if (options.remote === undefined) return `refs/heads/${options.base}`;
  const tracking = `refs/remotes/${options.remote}/${options.base}`;
  await options.git.raw(['fetch', '--quiet', '--no-tags', '--', options.remote, `+refs/heads/${options.base}:${tracking}`]);
  return tracking;
}

/** Labels compare as GitHub compares them, ignoring case. */
function hasLabels(pr: PullRequest, labels: readonly string[]): boolean {
  const present = new Set(pr.labels.map((label) => label.toLowerCase()));
  return labels.every((label) => present.has(label.toLowerCase()));
}

/** Bodies compare equal whatever line ends the forge stored them with. */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n/g, '\n').trimEnd() === b.replace(/\r\n/g, '\n').trimEnd();
}
