import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';

export interface GitHubRetryOptions {
  /** Further attempts after a 5xx, a 429 that names no limit, or a dropped connection (default 3). */
  retries?: number;
  /** Backoff unit: retry n waits n² times this (default 1000 ms). */
  backoffMs?: number;
}

export interface GitHubThrottleOptions {
  /** Further attempts after a secondary rate limit (default 3). */
  secondaryRetries?: number;
  /** The longest rate-limit wait worth sitting through, in seconds (default 60); a later reset stops the run. */
  maxWaitSeconds?: number;
  /** How long one second of `retry-after` lasts, in ms (default 1000; tests shrink it). */
  secondMs?: number;
  /** Gap between writes, and between writes that notify people (defaults 1000 and 3000 ms, as GitHub asks). */
  writeIntervalMs?: number;
  notificationIntervalMs?: number;
}

export interface GitHubClientOptions {
  token: string;
  baseUrl: string;
  retry?: GitHubRetryOptions | undefined;
  throttle?: GitHubThrottleOptions | undefined;
  /** Rate-limit waits and Octokit's own warnings; the caller masks the token. */
  warn: (line: string) => void;
}

/**
 * Throttling is applied first, so it sits inside retry and sees every 403
 * and 429 first: a rate limit it waits out is retried there, one it gives up
 * on reaches plugin-retry with no retries left, so the run stops at once
 * instead of backing off. Plugin-retry handles the rest of the transient
 * failures: 5xx and dropped connections (which @octokit/request reports as 500).
 */
const GitHubOctokit = Octokit.plugin(throttling, retry);

export function createGitHubClient(options: GitHubClientOptions): Octokit {
  const throttle = options.throttle ?? {};
  const maxWait = throttle.maxWaitSeconds ?? 60;
  const secondaryRetries = throttle.secondaryRetries ?? 3;
  const warn = options.warn;

  /** Give up, and tell plugin-retry (outside) not to try again either: `request.retries` is its per-request setting. */
  const stop = (request: { request: Record<string, unknown> }) => {
    request.request.retries = 0;
    return false;
  };

  return new GitHubOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'pagecare',
    // Debug lines carry the request options, Authorization header included; error lines repeat each failed
    // attempt, including those retried or handled (an "already exists"). Warnings only.
    log: { debug: () => {}, info: () => {}, warn, error: () => {} },
    retry: {
      retries: options.retry?.retries ?? 3,
      retryAfterBaseValue: options.retry?.backoffMs ?? 1000,
      // 403 is throttling's (a limit) or final (a permission); the rest of 4xx will not change by asking again.
      // A 429 throttling did not take as a limit (no message, no quota headers) is retried with backoff.
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
    },
    throttle: {
      retryAfterBaseValue: throttle.secondMs ?? 1000,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: throttle.writeIntervalMs ?? 1000 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: throttle.notificationIntervalMs ?? 3000 }),
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= secondaryRetries || retryAfter > maxWait) return stop(request);
        warn(`GitHub secondary rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s`);
        return true;
      },
      // The hourly quota: wait only for a reset that is about to happen, once; otherwise stop and let the next run resume.
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= 1 || retryAfter > maxWait) return stop(request);
        warn(`GitHub rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s for the reset`);
        return true;
      },
    },
  });
}
