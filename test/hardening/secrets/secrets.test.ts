import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeEach, expect, test, vi } from 'vitest';
import { formatJobSummary } from '../../../src/cli/job-summary.js';
import { runJob } from '../../../src/job/run-job.js';
import { faults, startFakeGitHub, type FakeGitHub, type Fault } from '../../forge/github/fake-github.js';
import { cli } from '../../job/cli.js';
import { listFiles } from '../../job/fixture.js';
import { contentRepos, githubEnv, removeContentRepos, TODAY } from '../../job/pull-requests/fixture.js';
import { git, isolateGit } from '../../notify/ledger/git-repos.js';
import { PASSWORD, startSmtpServer, USER, type TestSmtpServer } from '../../notify/mail/smtp-server.js';
import { leaks, secretForms, unwrapped } from './secret-forms.js';

// In this process, GitHub's pacing shrunk; the CLI runs below keep the real one.
// The real GitHub forge with its waits shrunk.
vi.mock(import('../../../src/forge/github-forge.js'), async (load) => (await import('../../job/pull-requests/fast-forge.js')).fastForge(await load()));

isolateGit();
afterAll(removeContentRepos);

let github: FakeGitHub;
let smtp: TestSmtpServer;
let refuse: (address: string) => number | undefined = () => undefined;
beforeEach(async () => {
  github = await startFakeGitHub();
  smtp = await startSmtpServer(({ stage, address }) => (stage === 'rcpt' && address ? refuse(address) : undefined));
});
afterEach(async () => {
  await github.close();
  await smtp.close();
});

/** A password the server refuses, and echoes back in its refusal. */
const WRONG = 'Wr0ng:p@ss/w0rd%';

/** A GitHub answer that repeats the token, as a careless proxy or error page might. */
function echoing(status: number, headers: Record<string, string> = {}): Fault {
  return {
    status,
    headers,
    body: { message: `token ${github.token} rejected; secondary rate limit`, errors: [{ message: `Bearer ${github.token}` }] },
  };
}

test('no SMTP user or password, nor the GitHub token, in any output, file, git object, mail or request body, through every fault', async () => {
  const repos = contentRepos({ config: 'ledger:\n  store: git\n' });
  const env = { ...githubEnv(github), PAGECARE_SMTP_URL: smtp.url(), PAGECARE_DEBUG: '1' };
  const texts: Record<string, string> = {};
  const say = (name: string, text: string) => (texts[name] = text);
  const faultsInjected: string[] = [];

  // 1. The CLI: the server refuses and echoes a wrong login; GitHub answers every request with the token in its words.
  github.failNext('*', /.*/, { ...echoing(422), times: 100 });
  const refused = await cli(['run', '--today', TODAY], { cwd: repos.root, env: { ...env, PAGECARE_SMTP_URL: smtp.url(USER, WRONG) } });
  github.clearFaults();
  faultsInjected.push('535 echoing the login', '422 echoing the token');
  expect(refused.status).toBe(1);
  expect(refused.stdout).toContain('Invalid login ***:***');
  expect(refused.stdout).toContain('token *** rejected');
  say('cli 1 stdout', refused.stdout);
  say('cli 1 stderr', refused.stderr);

  // 2. The CLI: settings that carry the secrets where they must not be; the command stops (exit 2) without repeating them.
  // (The wrong password keeps the reminders for step 3.)
  const wrongMail = { PAGECARE_SMTP_URL: smtp.url(USER, WRONG) };
  const badUrls: Array<[string, Record<string, string>]> = [
    ['GITHUB_API_URL with the token in it', { ...wrongMail, GITHUB_API_URL: `http://x-access-token:${github.token}@127.0.0.1:1` }],
    ['GITHUB_REPOSITORY with the token in it', { ...wrongMail, GITHUB_REPOSITORY: `${github.token}/x/y` }],
    ['an unparsable SMTP URL', { PAGECARE_SMTP_URL: `smtp://${USER}:${PASSWORD}@127.0.0.1:25/x` }],
  ];
  for (const [name, bad] of badUrls) {
    const stopped = await cli(['run', '--today', TODAY], { cwd: repos.root, env: { ...env, ...bad } });
    expect(stopped.status, name).toBe(2);
    faultsInjected.push(name);
    say(`cli ${name} stdout`, stopped.stdout);
    say(`cli ${name} stderr`, stopped.stderr);
  }

  // 3. The whole job in this process: SMTP refusals for two recipients, GitHub limits and errors echoing the token, a reset.
  refuse = (address) => (address === 'jo.smith@example.org' ? 451 : address === 'nets@example.org' ? 550 : undefined);
  github.failNext('POST', '/repos/acme/patient-info/pulls', echoing(403, { 'retry-after': '1' }));
  github.failNext('POST', '/repos/acme/patient-info/pulls/{n}/requested_reviewers', faults.connectionReset());
  github.failNext('POST', '/repos/acme/patient-info/issues/{n}/labels', { ...echoing(500), times: 10 });
  faultsInjected.push('451', '550', '403 secondary rate limit echoing the token', 'connection reset', '500 echoing the token, retries used up');
  for (const round of ['faulty', 'healthy']) {
    const log: string[] = [];
    try {
      const result = await runJob({ cwd: repos.root, today: TODAY, steps: { lint: true, reports: true, remind: true, pullRequests: true }, dryRun: false, env, log: (line) => log.push(line) });
      say(`${round} summary`, formatJobSummary(result, repos.root, false));
      say(`${round} result`, inspect(result, { depth: 8 }));
    } catch (error) {
      say(`${round} error`, `${inspect(error)}\n${String((error as Error).stack)}`);
    }
    say(`${round} log`, log.join('\n'));
    refuse = () => undefined;
    github.clearFaults();
  }
  expect(texts['faulty summary']).toContain('token *** rejected');
  expect(texts['faulty summary']).toContain('2 failed');
  expect(texts['healthy summary']).toContain('reminders: 2 sent');

  // 4. The CLI once more, after everything is done.
  const done = await cli(['run', '--today', TODAY], { cwd: repos.root, env });
  expect(done.status).toBe(0);
  say('cli last stdout', done.stdout);
  say('cli last stderr', done.stderr);

  // Everything written under the repository, git history on both sides, every mail, every request body.
  for (const file of listFiles(repos.root)) say(`file ${file}`, readFileSync(path.join(repos.root, file), 'latin1'));
  for (const [side, dir] of [['clone', repos.root], ['remote', repos.remote]] as const) {
    say(`git log -p --all (${side})`, git(dir, 'log', '-p', '--all', '--format=%H %an <%ae> %cn <%ce>%n%B'));
    say(`git refs (${side})`, git(dir, 'for-each-ref'));
  }
  say('git config (clone)', git(repos.root, 'config', '--list'));
  for (const [i, mail] of smtp.received.entries()) say(`mail ${i + 1}`, unwrapped(mail.raw.toString('latin1')));
  say('sent to GitHub', JSON.stringify(github.requests.map((r) => ({ path: r.path, query: String(r.query), body: r.body }))));

  expect(smtp.received).toHaveLength(4);
  expect(github.pulls()).toHaveLength(2);
  expect(Object.keys(texts).filter((name) => name.startsWith('file reports/')).length).toBeGreaterThan(4);
  expect(leaks(texts, { 'SMTP password': PASSWORD, 'SMTP user': USER, 'wrong SMTP password': WRONG, 'GitHub token': github.token })).toEqual([]);
  // The check itself finds each form it looks for.
  expect(leaks({ probe: `x${Buffer.from(`u:${PASSWORD}`).toString('base64')}x` }, { PASSWORD })).toHaveLength(1);
  expect(secretForms(PASSWORD)).toContain(encodeURIComponent(PASSWORD));
  console.info(`secrets: ${faultsInjected.length} faults injected (${faultsInjected.join('; ')}), ${Object.keys(texts).length} texts searched, 0 leaks`);
});
