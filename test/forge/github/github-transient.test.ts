import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForgeError } from '../../../src/forge/forge.js';
import { faults, startFakeGitHub, type FakeGitHub, type Fault } from './fake-github.js';
import { forgeFor } from './forge-options.js';

const PULLS = '/repos/acme/patient-info/pulls';
const NEW_PR = { branch: 'pagecare/review/liver', base: 'main', title: 'Review due: Liver', body: 'Please review.' };

let server: FakeGitHub;
let log: string[];
beforeEach(async () => {
  server = await startFakeGitHub();
  log = [];
});
afterEach(() => server.close());

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForgeError);
  return error as ForgeError;
}

describe('transient failures are retried', () => {
  const cases: [string, Fault, number][] = [
    ['500', { ...faults.serverError(500), times: 2 }, 3],
    ['502', faults.badGateway(), 2],
    ['429 with retry-after', faults.tooManyRequests(1), 2],
    ['429 secondary rate limit', faults.secondaryRateLimit(429, 1), 2],
    ['403 secondary rate limit', { ...faults.secondaryRateLimit(403, 1), times: 2 }, 3],
    ['a connection reset', faults.connectionReset(), 2],
  ];

  it.each(cases)('%s: the pull request is created once', async (_name, fault, attempts) => {
    server.failNext('POST', PULLS, fault);
    const created = await forgeFor(server, log).createPullRequest(NEW_PR);

    expect(created.number).toBe(1);
    expect(server.count('POST', PULLS)).toBe(attempts);
    expect(server.pulls()).toHaveLength(1);
  });

  it('says when it waits out a secondary rate limit', async () => {
    server.failNext('GET', PULLS, faults.secondaryRateLimit(403, 1));
    await forgeFor(server, log).findPullRequest('pagecare/review/liver');

    expect(log).toEqual(['GitHub secondary rate limit on GET /repos/{owner}/{repo}/pulls: waiting 1 s']);
  });

  it('waits for a quota reset that is a moment away, once', async () => {
    server.failNext('GET', PULLS, faults.primaryRateLimit(403, 0));
    expect(await forgeFor(server, log).findPullRequest('pagecare/review/liver')).toBeUndefined();
    expect(server.count('GET', PULLS)).toBe(2);
  });

  it('gives up after the retries, as a retryable ForgeError', async () => {
    server.failNext('POST', PULLS, { ...faults.badGateway(), times: 10 });
    const error = await failure(forgeFor(server, log).createPullRequest(NEW_PR));

    expect(error).toMatchObject({ status: 502, retryable: true });
    expect(error.message).toBe(
      'GitHub could not create the pull request for pagecare/review/liver (502 Server Error), even after retries; the next run resumes',
    );
    expect(server.count('POST', PULLS)).toBe(4);
  });

  it('gives up on a secondary rate limit that keeps coming, or asks for too long a wait', async () => {
    server.failNext('GET', PULLS, { ...faults.secondaryRateLimit(403, 1), times: 10 });
    expect(await failure(forgeFor(server, log).findPullRequest('x'))).toMatchObject({ status: 403, retryable: true });
    expect(server.count('GET', PULLS)).toBe(4);

    server.clearFaults();
    server.failNext('GET', PULLS, faults.secondaryRateLimit(429, 600));
    const started = Date.now();
    expect(await failure(forgeFor(server, log).findPullRequest('x'))).toMatchObject({ status: 429, retryable: true });
    expect(server.count('GET', PULLS)).toBe(5);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('what is not transient fails at once', () => {
  it.each([403, 429] as const)('a used-up quota (%i) stops the run promptly, to resume next time', async (status) => {
    server.failNext('POST', PULLS, faults.primaryRateLimit(status, 3600));
    // Production waits: nothing here may sleep towards the reset an hour away.
    const forge = forgeFor(server, log, { retry: {}, throttle: {} });
    const started = Date.now();
    const error = await failure(forge.createPullRequest(NEW_PR));

    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ status, retryable: true });
    expect(error.message).toMatch(
      new RegExp(`^GitHub rate limit reached while trying to create the pull request for pagecare/review/liver \\(${status} API rate limit exceeded for installation ID 4242\\.\\); the quota resets at \\d{4}-.*Z; stopping here, the next run resumes$`),
    );
    expect(server.count('POST', PULLS)).toBe(1);
    expect(server.pulls()).toHaveLength(0);
  });

  it('bad credentials: a clear message, not retryable', async () => {
    const forge = forgeFor(server, log, { token: 'ghp_wrongTokenWrongTokenWrongToken0000' });
    const error = await failure(forge.findPullRequest('x'));

    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(error.message).toBe('GitHub rejected the token while trying to find the pull request for x (401 Bad credentials); check GITHUB_TOKEN');
    expect(server.count('GET', PULLS)).toBe(1);
  });

  it('an unknown repository: says what to check', async () => {
    const forge = forgeFor(server, log, { repository: 'acme/nowhere' });
    const error = await failure(forge.createPullRequest(NEW_PR));

    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(error.message).toContain('check GITHUB_REPOSITORY, GITHUB_API_URL and that the token can see the repository');
    expect(server.requests).toHaveLength(1);
  });

  it('a validation failure that is not GitHub settling is not retried', async () => {
    server.failNext('POST', PULLS, { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }] } });
    const error = await failure(forgeFor(server, log).createPullRequest(NEW_PR));

    expect(error.message).toBe('GitHub could not create the pull request for pagecare/review/liver (422 Validation Failed: base invalid)');
    expect(server.count('POST', PULLS)).toBe(1);
  });
});

describe('the token', () => {
  it('never appears in an error, its stack, or a log line, even when GitHub echoes it', async () => {
    const token = server.token;
    const echo = (status: number, headers: Record<string, string> = {}): Fault => ({
      status,
      headers,
      body: { message: `token ${token} is not welcome here; secondary rate limit`, errors: [{ message: `Bearer ${token}` }] },
    });
    const forge = forgeFor(server, log);
    const errors: ForgeError[] = [];
    for (const fault of [echo(422), echo(403, { 'retry-after': '1' }), echo(500), echo(401), echo(404)]) {
      server.failNext('*', /.*/, { ...fault, times: 10 });
      errors.push(await failure(forge.createPullRequest(NEW_PR)));
      server.clearFaults();
    }
    errors.push(await failure((async () => forgeFor(server, log, { repository: `${token}/x/y` }))()));

    expect(server.requests.length).toBeGreaterThan(5);
    for (const error of errors) {
      expect(error.message).not.toContain(token);
      expect(String(error.stack)).not.toContain(token);
      expect(JSON.stringify(error)).not.toContain(token);
    }
    expect(errors[0]!.message).toContain('token *** is not welcome here');
    expect(log.join('\n')).not.toContain(token);
  });
});
