import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, test } from 'vitest';
import { git, isolateGit } from '../../notify/ledger/git-repos.js';
import { startSmtpServer, type TestSmtpServer } from '../../notify/mail/smtp-server.js';
import { EMAIL, loadLedger, localContentRepo, localPulls, reportJsonFiles, TODAY } from './content-repo.js';
import { accountDeliveries } from './deliveries.js';
import { seededRandom, spawnKillable } from './killable-cli.js';

isolateGit();

/** Reproduce a failure with the seed it printed: PAGECARE_KILL_SEED=… npx vitest run test/hardening/kill */
const SEED = Number(process.env.PAGECARE_KILL_SEED ?? 20260601);
const KILLS = Number(process.env.PAGECARE_KILLS ?? 30);
/** Independent repositories killed side by side, so the kills fit the time on two cores. */
const LANES = 2;

const servers: TestSmtpServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function server(): Promise<TestSmtpServer> {
  const s = await startSmtpServer();
  servers.push(s);
  return s;
}

function run(root: string, s: TestSmtpServer) {
  return spawnKillable(['run', '--today', TODAY], { cwd: root, env: { PAGECARE_SMTP_URL: s.url() } });
}

/** What a finished run leaves that must not depend on how often it was interrupted. */
async function finalState(root: string) {
  const pulls = (await localPulls(root)).map(({ number, branch, state, title, labels, reviewers, comments }) => ({
    number,
    branch,
    state,
    title,
    labels,
    reviewers,
    comments,
    tree: git(root, 'rev-parse', `${branch}^{tree}`),
    commitsOnMain: git(root, 'rev-list', '--count', `main..${branch}`),
  }));
  const branches = git(root, 'for-each-ref', '--format=%(refname)', 'refs/heads/pagecare');
  return { pulls, branches, ledgerKeys: Object.keys(loadLedger(root)).sort() };
}

type State = Awaited<ReturnType<typeof finalState>>;

test(`pagecare run killed with SIGKILL at ${KILLS} random points and rerun: every reminder once, one pull request per page, nothing torn`, async () => {
  // Clean runs first, side by side as the lanes will run: what a finished job leaves, and how long it takes.
  const cleanRuns = await Promise.all(
    Array.from({ length: LANES }, async () => {
      const root = localContentRepo();
      const s = await server();
      const outcome = await run(root, s).done;
      return { root, s, outcome };
    }),
  );
  for (const { outcome } of cleanRuns) {
    expect(outcome.stderr).toBe('');
    expect(outcome.status).toBe(0);
  }
  const expected = await finalState(cleanRuns[0]!.root);
  expect(cleanRuns[0]!.s.received).toHaveLength(4);
  expect(expected.ledgerKeys).toHaveLength(7);
  expect(expected.pulls.map((pr) => [pr.branch, pr.state, pr.labels, pr.commitsOnMain])).toEqual([
    ['pagecare/review/overdue', 'open', ['content-review'], '1'],
    ['pagecare/review/soon', 'open', ['content-review'], '1'],
    ['pagecare/review/diet', 'open', ['content-review'], '1'],
  ]);
  const span = Math.max(...cleanRuns.map((r) => r.outcome.ms));

  const random = seededRandom(SEED);
  const delays: number[] = [];
  const problems: string[] = [];
  let kills = 0;
  let rounds = 0;
  let resent = 0;

  /** Rounds of: a fresh repository, killed run after run until one finishes by itself, then checked. */
  async function lane(): Promise<void> {
    while (kills < KILLS) {
      const round = ++rounds;
      const root = localContentRepo();
      const s = await server();
      /** Message-IDs the server had accepted that the ledger did not yet hold when a run was killed. */
      const inFlight = new Set<string>();
      while (kills < KILLS) {
        const delay = Math.round(random() * span);
        const running = run(root, s);
        const timer = setTimeout(running.kill, delay);
        const outcome = await running.done;
        clearTimeout(timer);
        if (outcome.signal !== 'SIGKILL') {
          if (outcome.status !== 0 || outcome.stderr !== '') problems.push(`round ${round}: a run ended ${outcome.status}: ${outcome.stderr}`);
          break;
        }
        const kill = ++kills;
        delays.push(delay);
        // Let the server finish with what the dead client had already sent.
        await sleep(30);
        checkAfterKill(root, s, inFlight, `round ${round}, kill ${kill} at ${delay} ms (seed ${SEED})`);
        await localPulls(root).catch((error: unknown) => problems.push(`round ${round}: forge state unreadable: ${(error as Error).message}`));
      }
      await finishRound(root, s, inFlight, `round ${round}`);
    }
  }

  function checkAfterKill(root: string, s: TestSmtpServer, inFlight: Set<string>, where: string): void {
    let recorded: Set<string>;
    try {
      recorded = new Set(Object.values(loadLedger(root)).map((entry) => entry.messageId));
    } catch (error) {
      problems.push(`${where}: ledger unreadable: ${(error as Error).message}`);
      return;
    }
    for (const file of reportJsonFiles(root)) {
      try {
        JSON.parse(readFileSync(path.join(root, file), 'utf8'));
      } catch {
        problems.push(`${where}: ${file} is torn`);
      }
    }
    for (const mail of s.received) if (!recorded.has(mail.parsed.messageId!)) inFlight.add(mail.parsed.messageId!);
  }

  async function finishRound(root: string, s: TestSmtpServer, inFlight: Set<string>, where: string): Promise<void> {
    const last = await run(root, s).done;
    expect(last.stderr, where).toBe('');
    expect(last.status, `${where}: ${last.stdout}`).toBe(0);
    // Dangling objects from a commit cut short before its ref moved are normal; anything else is not.
    expect(git(root, 'fsck', '--no-progress', '--no-dangling', '--connectivity-only'), where).toBe('');
    const state: State = await finalState(root);
    expect(state.ledgerKeys, where).toEqual(expected.ledgerKeys);
    expect(state.pulls, where).toEqual(expected.pulls);
    expect(state.branches, where).toBe(expected.branches);

    const account = accountDeliveries(s.received, loadLedger(root), EMAIL);
    expect(account.unaccounted, `${where}: mail no ledger entry accounts for`).toEqual([]);
    expect(account.misaddressed, where).toEqual([]);
    // Every reminder arrived, under one Message-ID per recipient.
    for (const key of expected.ledgerKeys) expect(account.perKey[key], `${where}: ${key}`).toBeGreaterThanOrEqual(1);
    expect(new Set(s.received.map((m) => m.parsed.messageId)).size, where).toBe(4);
    // A second copy is only ever of a message the server accepted and the ledger did not yet hold when a run died.
    for (const id of Object.keys(account.repeated)) {
      if (!inFlight.has(id)) problems.push(`${where}: ${id} was sent twice with no kill between its acceptance and the ledger write`);
    }
    resent += Object.values(account.repeated).reduce((n, count) => n + count - 1, 0);
  }

  await Promise.all(Array.from({ length: LANES }, lane));

  console.info(
    `random-kill: seed ${SEED}, ${kills} kills in ${rounds} rounds on ${LANES} lanes over a ${span} ms run ` +
      `(delays ${Math.min(...delays)}–${Math.max(...delays)} ms); reminders lost 0, duplicate pull requests 0, ` +
      `second copies of a message accepted just before a kill: ${resent}`,
  );
  expect(problems.join('\n')).toBe('');
  expect(kills).toBeGreaterThanOrEqual(KILLS);
}, 180_000);
