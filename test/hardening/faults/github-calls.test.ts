import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Forge } from '../../../src/forge/forge.js';
import { ForgeError } from '../../../src/forge/forge.js';
import { faults, startFakeGitHub, type FakeGitHub, type Fault } from '../../forge/github/fake-github.js';
import { forgeFor } from '../../forge/github/forge-options.js';

const REPO = '/repos/acme/patient-info';
const BRANCH = 'pagecare/review/liver';

let server: FakeGitHub;
beforeEach(async () => {
  server = await startFakeGitHub();
});
afterEach(() => server.close());

interface Call {
  method: string;
  path: string;
  /** Whether a pull request by pagecare exists before the call. */
  existing: boolean;
  run: (forge: Forge) => Promise<unknown>;
  /** The call's effect on GitHub, exactly once. */
  effect: (result: unknown) => void;
  /** Whether a 422 is GitHub settling (asked once more) rather than a refusal. */
  settles422?: boolean;
}

/** Each call the pull-request step makes, with what GitHub must hold after it. */
const CALLS: Record<string, Call> = {
  'list open pull requests': {
    method: 'GET',
    path: `${REPO}/pulls`,
    existing: true,
    run: (forge) => forge.listOpenPullRequests('pagecare/review/'),
    effect: (result) => expect((result as Array<{ number: number }>).map((pr) => pr.number)).toEqual([1]),
  },
  'find the pull request of a branch': {
    method: 'GET',
    path: `${REPO}/pulls`,
    existing: true,
    run: (forge) => forge.findPullRequest(BRANCH),
    effect: (result) => expect(result).toMatchObject({ number: 1, branch: BRANCH }),
  },
  'create a pull request': {
    method: 'POST',
    path: `${REPO}/pulls`,
    existing: false,
    run: (forge) => forge.createPullRequest({ branch: BRANCH, base: 'main', title: 'Review due: Liver', body: 'Please review.' }),
    effect: (result) => {
      expect(server.pulls().map((pr) => [pr.head, pr.state])).toEqual([[BRANCH, 'open']]);
      expect(result).toMatchObject({ number: 1, branch: BRANCH });
    },
  },
  'add labels': {
    method: 'POST',
    path: `${REPO}/issues/{n}/labels`,
    existing: true,
    run: (forge) => forge.setLabels(1, ['content-review']),
    effect: () => expect(server.item(1)?.labels).toEqual(['content-review']),
  },
  'request reviewers': {
    method: 'POST',
    path: `${REPO}/pulls/{n}/requested_reviewers`,
    existing: true,
    run: (forge) => forge.requestReviewers(1, ['ann-lee', 'acme/clinical']),
    effect: () => expect([server.item(1)?.reviewers, server.item(1)?.teams]).toEqual([['ann-lee'], ['clinical']]),
    settles422: true,
  },
  comment: {
    method: 'POST',
    path: `${REPO}/issues/{n}/comments`,
    existing: true,
    run: (forge) => forge.comment(1, 'pagecare will not update this branch again.'),
    effect: () => expect(server.item(1)?.comments.map((c) => c.body)).toEqual(['pagecare will not update this branch again.']),
  },
  'update a pull request': {
    method: 'PATCH',
    path: `${REPO}/pulls/{n}`,
    existing: true,
    run: (forge) => forge.updatePullRequest(1, { title: 'Review due: Liver (by 2026-07-01)', body: 'New body' }),
    effect: () => expect([server.item(1)?.title, server.item(1)?.body]).toEqual(['Review due: Liver (by 2026-07-01)', 'New body']),
  },
};

const TRANSIENT: Record<string, Fault> = {
  '500': faults.serverError(500),
  '502': faults.badGateway(),
  '429 with retry-after': faults.tooManyRequests(1),
  '403 secondary rate limit with retry-after': faults.secondaryRateLimit(403, 1),
  'a connection reset': faults.connectionReset(),
};

const REFUSAL: Fault = {
  status: 422,
  body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }] },
};

/** Faults where GitHub did the work and only the answer was lost: a retry must not do it twice. */
const LOST_ANSWER: Record<string, Fault> = {
  '502 after the write took effect': { ...faults.badGateway(), afterEffect: true },
  'a connection reset after the write took effect': { ...faults.connectionReset(), afterEffect: true },
};

function prepare(call: Call): Forge {
  if (call.existing) server.openPull({ head: BRANCH, user: 'github-actions[bot]', title: 'Review due: Liver' });
  return forgeFor(server);
}

const cases = Object.entries(CALLS).flatMap(([name, call]) => Object.entries(TRANSIENT).map(([fault, f]) => ({ name, fault, call, f })));

describe('every GitHub call of the pull-request step, every transient fault: retried in the run, the effect exactly once', () => {
  test.each(cases)('$name: $fault', async ({ call, f }) => {
    const forge = prepare(call);
    server.failNext(call.method, call.path, f);
    call.effect(await call.run(forge));
    expect(server.count(call.method, call.path)).toBe(2);
  });
});

describe('a 422 refusal', () => {
  test.each(Object.entries(CALLS))('%s: fails at once, without effect or retry, unless GitHub is settling', async (_name, call) => {
    const forge = prepare(call);
    const before = JSON.stringify(server.pulls());
    server.failNext(call.method, call.path, REFUSAL);
    const outcome = await call.run(forge).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if (call.settles422) {
      // Just after a create GitHub may refuse reviewers: asked once more, after a pause.
      expect(outcome).not.toHaveProperty('error');
      call.effect((outcome as { result: unknown }).result);
      expect(server.count(call.method, call.path)).toBe(2);
      return;
    }
    expect(outcome).toHaveProperty('error');
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(ForgeError);
    expect(error).toMatchObject({ status: 422, retryable: false });
    expect((error as Error).message).toContain('422 Validation Failed: base invalid');
    expect(server.count(call.method, call.path)).toBe(1);
    expect(JSON.stringify(server.pulls())).toBe(before);
  });
});

const writes = Object.entries(CALLS).filter(([, call]) => call.method !== 'GET');
const lostCases = writes.flatMap(([name, call]) => Object.entries(LOST_ANSWER).map(([fault, f]) => ({ name, fault, call, f })));

describe('GitHub acted but the answer was lost: the retry does not act twice', () => {
  test.each(lostCases)('$name: $fault', async ({ call, f }) => {
    const forge = prepare(call);
    server.failNext(call.method, call.path, f);
    call.effect(await call.run(forge));
  });
});
