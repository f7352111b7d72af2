import { afterEach, describe, expect, it } from 'vitest';
import { ForgeError } from '../../../src/forge/forge.js';
import { createGitHubForge, githubForgeFromEnv } from '../../../src/forge/github-forge.js';
import { FAKE_TOKEN, startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { FAST } from './forge-options.js';

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('githubForgeFromEnv', () => {
  it('is undefined without a token or a repository', () => {
    expect(githubForgeFromEnv({})).toBeUndefined();
    expect(githubForgeFromEnv({ GITHUB_REPOSITORY: 'acme/patient-info' })).toBeUndefined();
    expect(githubForgeFromEnv({ GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: ' ' })).toBeUndefined();
  });

  it('defaults to api.github.com and describes itself without the token', () => {
    const forge = githubForgeFromEnv({ GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/patient-info', GITHUB_API_URL: '' });
    expect(forge).toMatchObject({ kind: 'github', description: 'GitHub acme/patient-info' });
  });

  it('works against GitHub Enterprise Server by its base URL, path prefix included', async () => {
    server = await startFakeGitHub({ pathPrefix: '/api/v3', repository: 'health/pages' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    const forge = githubForgeFromEnv(
      { GITHUB_TOKEN: server.token, GITHUB_REPOSITORY: 'health/pages', GITHUB_API_URL: `${server.url}/` },
      FAST,
    )!;
    expect(forge.description).toBe(`GitHub health/pages at ${server.url}`);

    const created = await forge.createPullRequest({ branch: 'pagecare/review/a', base: 'main', title: 'T', body: 'B' });
    expect(await forge.findPullRequest('pagecare/review/a')).toEqual(created);
    expect(await forge.listOpenPullRequests('pagecare/')).toEqual([created]);
    expect((await forge.ensureDashboard('Content review dashboard', 'body')).outcome).toBe('created');
    expect(server.requests.every((r) => r.headers.authorization === `token ${server!.token}`)).toBe(true);
  });

  it('refuses a repository or an API URL it cannot use, saying why', () => {
    const make = (repository: string, apiUrl?: string) => () => createGitHubForge({ token: FAKE_TOKEN, repository, apiUrl });
    expect(make('acme')).toThrow(new ForgeError('GITHUB_REPOSITORY must be owner/name, not "acme"'));
    expect(make('acme/x', 'ftp://example.org')).toThrow(/must be an http\(s\) URL/);
    expect(make('acme/x', 'https://user:pw@ghe.example.org/api/v3')).toThrow(/must not carry credentials/);
    expect(make('acme/x', 'not a url')).toThrow(/is not a URL/);
  });
});
