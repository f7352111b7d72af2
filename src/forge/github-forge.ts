import { setTimeout as delay } from 'node:timers/promises';
import { redactSecrets } from '../notify/redact.js';
import { ForgeError, type DashboardResult, type Forge, type NewPullRequest, type PullRequest } from './forge.js';
import { createGitHubClient, type GitHubRetryOptions, type GitHubThrottleOptions } from './github-client.js';
import { gitHubReason, asGitHubFailure, isValidation, toForgeError } from './github-errors.js';
import { trimEnd } from '../content/repo-path.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** Hidden in the dashboard issue's body: how pagecare knows its issue, whatever a person renamed it to. */
export const DASHBOARD_MARKER = '<!-- pagecare:dashboard -->';

export interface GitHubForgeRetryOptions extends GitHubRetryOptions {
  /** Wait before the one retry of a 422 GitHub gives while a new branch or pull request settles (default 2000 ms). */
  settleMs?: number;
}

export interface GitHubForgeOptions {
  token: string;
  /** `owner/name`. */
  repository: string;
  /** REST API root: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  apiUrl?: string | undefined;
  retry?: GitHubForgeRetryOptions | undefined;
  throttle?: GitHubThrottleOptions | undefined;
  /** Warnings worth a line in the run's output: retries, waits, reviewers GitHub would not ask. Never carries the token. */
  log?: ((line: string) => void) | undefined;
}

/** The GitHub forge from the variables GitHub Actions sets, or undefined when the token or repository is missing. */
export function githubForgeFromEnv(
  env: Record<string, string | undefined>,
  options: Omit<GitHubForgeOptions, 'token' | 'repository' | 'apiUrl'> = {},
): Forge | undefined {
  const token = env.GITHUB_TOKEN?.trim();
  const repository = env.GITHUB_REPOSITORY?.trim();
  if (!token || !repository) return undefined;
  return createGitHubForge({ ...options, token, repository, apiUrl: env.GITHUB_API_URL?.trim() || undefined });
}

/** Pull requests, reviewers, labels, comments and the dashboard issue through GitHub's REST API. */
export function createGitHubForge(options: GitHubForgeOptions): Forge {
  const secrets = [options.token];
  const [owner, repo] = parseRepository(options.repository, secrets);
  const apiUrl = parseApiUrl(options.apiUrl ?? DEFAULT_GITHUB_API_URL);
  const warn = (line: string) => options.log?.(redactSecrets(line, secrets));
  const { retry, throttle } = options;
  const octokit = createGitHubClient({ token: options.token, baseUrl: apiUrl, retry, throttle, warn });
  const settleMs = retry?.settleMs ?? 2000;
  const repoArgs = { owner, repo };

  /** Run `request`; after a 422 that `settling` recognises, give GitHub a moment and run it once more. */
  const settled = async <T>(request: () => Promise<T>, settling: (error: unknown) => boolean): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      if (!settling(error)) throw error;
    }
    await delay(settleMs);
    return request();
  };

  const guard = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toForgeError(error, action, secrets);
    }
  };

  const findPullRequest = (branch: string, state: 'open' | 'all' = 'all') =>
    guard(`find the pull request for ${branch}`, async () => {
      const { data } = await octokit.rest.pulls.list({
        ...repoArgs,
        head: `${owner}:${branch}`,
        state,
        sort: 'created',
        direction: 'desc',
        per_page: 1,
      });
      return data[0] && toPullRequest(data[0]);
    });

  /**
   * A comment is the one write here that GitHub does not make idempotent: a retry after an answer
   * lost on the way back would post it twice. So it is posted only when that text is not there
   * yet, without automatic retries, and after a failure it is looked for again before each retry.
   * That also holds across runs: a run stopped after the comment does not repeat it.
   */
  const commentOnce = async (number: number, body: string) => {
    const retries = retry?.retries ?? 3;
    for (let attempt = 1; ; attempt++) {
      const existing = await octokit.paginate(octokit.rest.issues.listComments, { ...repoArgs, issue_number: number, per_page: 100 });
      if (existing.some((c) => normalise(c.body ?? '') === normalise(body))) return;
      try {
        await octokit.rest.issues.createComment({ ...repoArgs, issue_number: number, body, request: { retries: 0 } });
        return;
      } catch (error) {
        // What plugin-retry would have retried: 5xx and dropped connections (reported as 500), which may
        // have posted it, and a 429 that names no limit.
        const status = asGitHubFailure(error)?.status ?? 0;
        if ((status < 500 && status !== 429) || attempt > retries) throw error;
        await delay((retry?.backoffMs ?? 1000) * attempt ** 2);
      }
    }
  };

  const requestReviewersOnce = (number: number, logins: string[]) => {
    const users = logins.filter((l) => !l.includes('/'));
    const teams = logins.filter((l) => l.includes('/')).map((l) => l.slice(l.indexOf('/') + 1));
    return octokit.rest.pulls.requestReviewers({ ...repoArgs, pull_number: number, reviewers: users, team_reviewers: teams });
  };

  return {
    kind: 'github',
    description: `GitHub ${owner}/${repo}${apiUrl === DEFAULT_GITHUB_API_URL ? '' : ` at ${apiUrl}`}`,

    findPullRequest: (branch) => findPullRequest(branch),

    listOpenPullRequests: (prefix) =>
      guard(`list open pull requests`, async () => {
        const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...repoArgs, state: 'open', per_page: 100 });
        // A fork's branch may share the name: only this repository's own branches count.
        const ours = pulls.filter((p) => p.head.label === `${owner}:${p.head.ref}` && p.head.ref.startsWith(prefix));
        return ours.map(toPullRequest);
      }),

    createPullRequest: (input: NewPullRequest) =>
      guard(`create the pull request for ${input.branch}`, async () => {
        const { branch: head, base, title, body } = input;
        const create = () => octokit.rest.pulls.create({ ...repoArgs, head, base, title, body });
        try {
          // Just after a push GitHub may not know the branch's head yet.
          const { data } = await settled(create, (e) => isValidation(e, /no commit found|\bhead invalid\b/i));
          return toPullRequest(data);
        } catch (error) {
          if (!isValidation(error, /a pull request already exists/i)) throw error;
          const existing = await findPullRequest(input.branch, 'open');
          if (!existing) throw error;
          return existing;
        }
      }),

    updatePullRequest: (number, change) =>
      guard(`update pull request #${number}`, async () => {
        const { data } = await octokit.rest.pulls.update({ ...repoArgs, pull_number: number, title: change.title, body: change.body });
        return toPullRequest(data);
      }),

    requestReviewers: (number, logins) =>
      guard(`request reviewers on pull request #${number}`, async () => {
        const wanted = [...new Set(logins.map((l) => l.trim().replace(/^@/, '')).filter(Boolean))];
        if (wanted.length === 0) return;
        try {
          // Right after a create GitHub may still refuse reviewers while the pull request settles.
          await settled(() => requestReviewersOnce(number, wanted), (e) => isValidation(e));
          return;
        } catch (error) {
          if (!isValidation(error)) throw error;
          if (wanted.length === 1) return void warn(refusedReviewer(number, wanted[0]!, error));
        }
        // One login GitHub will not ask (not a collaborator, the author) fails the whole request: ask one by one.
        for (const login of wanted) {
          try {
            await requestReviewersOnce(number, [login]);
          } catch (error) {
            if (!isValidation(error)) throw error;
            warn(refusedReviewer(number, login, error));
          }
        }
      }),

    setLabels: (number, labels) =>
      guard(`label pull request #${number}`, async () => {
        // Adding never removes a label a person put on; GitHub creates labels the repository lacks.
        if (labels.length > 0) await octokit.rest.issues.addLabels({ ...repoArgs, issue_number: number, labels });
      }),

    comment: (number, body) => guard(`comment on #${number}`, () => commentOnce(number, body)),

    closePullRequest: (number, comment) =>
      guard(`close pull request #${number}`, async () => {
        await commentOnce(number, comment);
        await octokit.rest.pulls.update({ ...repoArgs, pull_number: number, state: 'closed' });
      }),

    ensureDashboard: (title, body) =>
      guard(`keep the dashboard issue "${title}"`, async (): Promise<DashboardResult> => {
        const marked = body.includes(DASHBOARD_MARKER) ? body : `${body.trimEnd()}\n\n${DASHBOARD_MARKER}\n`;
        // Newest first: issues opened since the dashboard are all that is read before reaching it.
        const [found] = await octokit.paginate(
          octokit.rest.issues.listForRepo,
          { ...repoArgs, state: 'all', sort: 'created', direction: 'desc', per_page: 100 },
          (response, done) => {
            const hit = response.data.find((i) => !i.pull_request && (i.body ?? '').includes(DASHBOARD_MARKER));
            if (hit) done();
            return hit ? [hit] : [];
          },
        );
        if (!found) {
          const { data } = await octokit.rest.issues.create({ ...repoArgs, title, body: marked });
          return { number: data.number, url: data.html_url, outcome: 'created' };
        }
        const result = { number: found.number, url: found.html_url };
        // pagecare never closes its dashboard, so a closed one was closed by a person: leave it be.
        if (found.state === 'closed') return { ...result, outcome: 'closed-by-person' };
        if (normalise(found.body ?? '') === normalise(marked)) return { ...result, outcome: 'unchanged' };
        await octokit.rest.issues.update({ ...repoArgs, issue_number: found.number, body: marked });
        return { ...result, outcome: 'updated' };
      }),
  };
}

interface PullData {
  number: number;
  state: string;
  title: string;
  body?: string | null;
  merged?: boolean;
  merged_at?: string | null;
  html_url: string;
  head: { ref: string };
  base: { ref: string };
  labels: { name?: string }[];
}

function toPullRequest(pull: PullData): PullRequest {
  return {
    number: pull.number,
    branch: pull.head.ref,
    base: pull.base.ref,
    title: pull.title,
    body: pull.body ?? '',
    state: pull.state === 'open' ? 'open' : 'closed',
    // The list endpoint leaves out `merged`; `merged_at` is in every shape.
    merged: pull.merged ?? Boolean(pull.merged_at),
    url: pull.html_url,
    labels: pull.labels.flatMap((l) => (l.name ? [l.name] : [])),
  };
}

function refusedReviewer(number: number, login: string, error: unknown): string {
  const failure = asGitHubFailure(error);
  const reason = failure ? gitHubReason(failure) : String(error);
  return `GitHub would not request a review from ${login} on pull request #${number}: ${reason}`;
}

/** GitHub hands back bodies edited in its web form with CRLF line ends. */
function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

function parseRepository(repository: string, secrets: string[]): [string, string] {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository.trim());
  if (!match) throw new ForgeError(redactSecrets(`GITHUB_REPOSITORY must be owner/name, not "${repository}"`, secrets));
  return [match[1]!, match[2]!];
}

function parseApiUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ForgeError('GITHUB_API_URL is not a URL; expected https://api.github.com or https://HOST/api/v3');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ForgeError('GITHUB_API_URL must be an http(s) URL');
  if (parsed.username || parsed.password) {
    throw new ForgeError('GITHUB_API_URL must not carry credentials; the token goes in GITHUB_TOKEN');
  }
  if (parsed.search || parsed.hash) throw new ForgeError('GITHUB_API_URL must not have a query or fragment');
  return `${parsed.origin}${trimEnd(parsed.pathname, '/')}`;
}
