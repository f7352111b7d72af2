import { redactSecrets } from '../notify/redact.js';
import { ForgeError } from './forge.js';

/** What pagecare reads of a failed Octokit request (a `RequestError`, by shape). */
export interface GitHubFailure {
  status: number;
  message: string;
  headers: Record<string, string | undefined>;
  data: { message?: string; errors?: unknown[] } | undefined;
}

export function asGitHubFailure(error: unknown): GitHubFailure | undefined {
  type Shape = { status?: unknown; message?: unknown; response?: { headers?: unknown; data?: unknown } };
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, message, response } = error as Shape;
  if (typeof status !== 'number') return undefined;
  const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
  return {
    status,
    message: typeof message === 'string' ? message : '',
    headers: isObject(response?.headers) ? (response.headers as GitHubFailure['headers']) : {},
    data: isObject(response?.data) ? (response.data as GitHubFailure['data']) : undefined,
  };
}

/** GitHub's own words: the message, then each validation error's message or field and code. */
export function gitHubReason(failure: GitHubFailure): string {
  const details = (failure.data?.errors ?? []).map((e) => {
    if (typeof e === 'string') return e;
    const { message, field, code } = (e ?? {}) as { message?: string; field?: string; code?: string };
    return message ?? [field, code].filter(Boolean).join(' ');
  });
  const head = failure.data?.message ?? (failure.message || 'no message');
  return [head, ...details.filter(Boolean)].join(': ');
}

/** A 422 Validation Failed whose errors say `pattern`. */
export function isValidation(error: unknown, pattern?: RegExp): boolean {
  const failure = asGitHubFailure(error);
  return failure?.status === 422 && (!pattern || pattern.test(gitHubReason(failure)));
}

/**
 * Any failure of a GitHub call as a ForgeError that is safe to show: what
 * pagecare was doing, GitHub's status and words, what to check, and whether
 * the next run can simply resume. Every secret is masked.
 */
export function toForgeError(error: unknown, action: string, secrets: readonly string[]): ForgeError {
  if (error instanceof ForgeError) return error;
  const safe = (text: string) => redactSecrets(text, secrets);
  const failure = asGitHubFailure(error);
  if (!failure) return new ForgeError(safe(`GitHub could not ${action}: ${error instanceof Error ? error.message : String(error)}`));
  const { status } = failure;
  const reason = `${status} ${gitHubReason(failure)}`;
  const said = (text: string, retryable = false) => new ForgeError(safe(text), status, retryable);

  if (isRateLimit(failure)) {
    const reset = Number(failure.headers['x-ratelimit-reset']);
    const quotaSpent = failure.headers['x-ratelimit-remaining'] === '0' && reset > 0;
    const when = quotaSpent ? `; the quota resets at ${new Date(reset * 1000).toISOString()}` : '';
    return said(`GitHub rate limit reached while trying to ${action} (${reason})${when}; stopping here, the next run resumes`, true);
  }
  if (status === 401) return said(`GitHub rejected the token while trying to ${action} (${reason}); check GITHUB_TOKEN`);
  if (status === 403) {
    return said(`GitHub refused to ${action} (${reason}); the token needs contents, pull-requests and issues write access`);
  }
  if (status === 404) {
    return said(`GitHub could not ${action} (${reason}); check GITHUB_REPOSITORY, GITHUB_API_URL and that the token can see the repository`);
  }
  // @octokit/request reports a connection that failed or dropped as status 500 with the network's message.
  if (status >= 500) return said(`GitHub could not ${action} (${reason}), even after retries; the next run resumes`, true);
  return said(`GitHub could not ${action} (${reason})`);
}

function isRateLimit(failure: GitHubFailure): boolean {
  if (failure.status === 429) return true;
  if (failure.status !== 403) return false;
  return (
    failure.headers['x-ratelimit-remaining'] === '0' ||
    failure.headers['retry-after'] !== undefined ||
    /\bsecondary rate limit\b|\brate limit exceeded\b|\babuse detection\b/i.test(gitHubReason(failure))
  );
}
