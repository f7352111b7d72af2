/**
 * The forge port: where review pull requests live. GitHub (REST, works with
 * GitHub Enterprise by base URL) or the local forge (real git branches, the
 * pull request text written to reports/). Orchestrators only see this.
 */
export interface PullRequest {
  number: number;
  /** Head branch name, e.g. `pagecare/review/small-bowel/treatment`. */
  branch: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged: boolean;
  url: string;
  labels: string[];
}

export interface NewPullRequest {
  branch: string;
  base: string;
  title: string;
  body: string;
}

export interface DashboardResult {
  number: number;
  url: string;
  /** What happened: a new issue, an update in place, nothing to change, or left alone because a person closed it. */
  outcome: 'created' | 'updated' | 'unchanged' | 'closed-by-person';
}

export interface Forge {
  readonly kind: 'github' | 'local';
  /** Where pull requests go, safe to print (never a token). */
  readonly description: string;
  /** The most recent pull request whose head is `branch`, open or closed. */
  findPullRequest(branch: string): Promise<PullRequest | undefined>;
  /** Open pull requests whose head branch starts with `prefix` (to count against limits). */
  listOpenPullRequests(prefix: string): Promise<PullRequest[]>;
  /** Create a pull request; if one already exists for the branch, return that one instead. */
  createPullRequest(input: NewPullRequest): Promise<PullRequest>;
  updatePullRequest(number: number, change: { title: string; body: string }): Promise<PullRequest>;
  requestReviewers(number: number, logins: string[]): Promise<void>;
  setLabels(number: number, labels: string[]): Promise<void>;
  /** Comment, unless the pull request already has this exact comment (a rerun, a retry after a lost answer). */
  comment(number: number, body: string): Promise<void>;
  /** Close with a comment saying why (posted once, as `comment` does). */
  closePullRequest(number: number, comment: string): Promise<void>;
  /** The one issue titled `title`, updated in place; never recreated once a person closed it. */
  ensureDashboard(title: string, body: string): Promise<DashboardResult>;
}

/** The forge cannot go on this run (a hard rate limit, bad credentials): stop cleanly, the next run resumes. */
export class ForgeError extends Error {
  override name = 'ForgeError';
  constructor(
    message: string,
    readonly status?: number,
    readonly retryable: boolean = false,
  ) {
    super(message);
  }
}
