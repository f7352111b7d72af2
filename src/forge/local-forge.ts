import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from '../zod.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { isValidBranchName } from './branch-name.js';
import { inert } from './review-pull-request.js';
import { ForgeError, type DashboardResult, type Forge, type NewPullRequest, type PullRequest } from './forge.js';

export interface LocalForgeOptions {
  /** The content repository's root; `dir` is relative to it. */
  root: string;
  dir?: string;
}

const DEFAULT_DIR = 'reports/pull-requests';
const STATE_FILE = 'state.json';
const DASHBOARD_FILE = 'dashboard.md';

const localPullRequestSchema = z.object({
  number: z.number().check(z.int(), z.positive()),
  branch: z.string().check(z.minLength(1)),
  base: z.string().check(z.minLength(1)),
  title: z.string(),
  body: z.string(),
  state: z.enum(['open', 'closed']),
  merged: z.boolean(),
  labels: z.array(z.string()),
  reviewers: z.array(z.string()),
  comments: z.array(z.string()),
});

const localIssueSchema = z.object({
  number: z.number().check(z.int(), z.positive()),
  title: z.string(),
  body: z.string(),
  state: z.enum(['open', 'closed']),
});

const stateSchema = z.object({
  version: z.literal(1),
  pullRequests: z.array(localPullRequestSchema),
  dashboard: z.optional(localIssueSchema),
});

type LocalPullRequest = z.infer<typeof localPullRequestSchema>;
type LocalIssue = z.infer<typeof localIssueSchema>;
type LocalState = z.infer<typeof stateSchema>;

/**
 * The embedded forge: no server, pull requests kept in `<dir>/state.json`
 * (replaced atomically on every change) and each one also written as
 * Markdown beside it for people to read. Branches themselves live in git
 * (see review-branch.ts); this only holds what a forge would.
 */
export function createLocalForge(options: LocalForgeOptions): Forge {
  const store = localStore(options);

  async function changePullRequest(number: number, change: (pr: LocalPullRequest) => void): Promise<LocalPullRequest> {
    return store.change((state) => {
      const pr = findNumber(state, number);
      change(pr);
      return { result: pr, files: [pr] };
    });
  }

  return {
    kind: 'local',
    description: `local forge: pull requests written to ${store.shownDir}/`,

    async findPullRequest(branch) {
      const state = await store.load();
      const latest = state.pullRequests.filter((pr) => pr.branch === branch).sort((a, b) => b.number - a.number)[0];
      return latest && store.toPullRequest(latest);
    },

    async listOpenPullRequests(prefix) {
      const state = await store.load();
      return state.pullRequests.filter((pr) => pr.state === 'open' && pr.branch.startsWith(prefix)).map(store.toPullRequest);
    },

    async createPullRequest(input: NewPullRequest) {
      for (const name of [input.branch, input.base]) {
        if (!isValidBranchName(name)) throw new Error(`${JSON.stringify(name)} is not a valid branch name`);
      }
      const pr = await store.change((state) => {
        const open = state.pullRequests.find((candidate) => candidate.state === 'open' && candidate.branch === input.branch);
        if (open) return { result: open, files: [] };
        const created: LocalPullRequest = {
          number: nextNumber(state),
          branch: input.branch,
          base: input.base,
          title: input.title,
          body: input.body,
          state: 'open',
          merged: false,
          labels: [],
          reviewers: [],
          comments: [],
        };
        state.pullRequests.push(created);
        return { result: created, files: [created] };
      });
      return store.toPullRequest(pr);
    },

    async updatePullRequest(number, { title, body }) {
      return store.toPullRequest(
        await changePullRequest(number, (pr) => {
          pr.title = title;
          pr.body = body;
        }),
      );
    },

    async requestReviewers(number, logins) {
      await changePullRequest(number, (pr) => {
        pr.reviewers = unique([...pr.reviewers, ...logins]);
      });
    },

    async setLabels(number, labels) {
      await changePullRequest(number, (pr) => {
        pr.labels = unique(labels);
      });
    },

    async comment(number, body) {
      await changePullRequest(number, (pr) => addComment(pr, body));
    },

    async closePullRequest(number, comment) {
      await changePullRequest(number, (pr) => {
        addComment(pr, comment);
        pr.state = 'closed';
      });
    },

    async ensureDashboard(title, body): Promise<DashboardResult> {
      return store.change((state) => {
        const issue = state.dashboard;
        if (!issue) {
          const created: LocalIssue = { number: nextNumber(state), title, body, state: 'open' };
          state.dashboard = created;
          return { result: store.dashboardResult(created, 'created'), files: [created] };
        }
        if (issue.state === 'closed') return { result: store.dashboardResult(issue, 'closed-by-person'), files: [] };
        if (issue.title === title && issue.body === body) return { result: store.dashboardResult(issue, 'unchanged'), files: [] };
        issue.title = title;
        issue.body = body;
        return { result: store.dashboardResult(issue, 'updated'), files: [issue] };
      });
    },
  };
}

/** What a person does on a real forge: close pull request (or the dashboard issue) `number` unmerged. */
export async function closeByPerson(options: LocalForgeOptions, number: number): Promise<void> {
  await localStore(options).change((state) => {
    if (state.dashboard?.number === number) {
      state.dashboard.state = 'closed';
      return { result: undefined, files: [state.dashboard] };
    }
    const pr = findNumber(state, number);
    pr.state = 'closed';
    pr.merged = false;
    return { result: undefined, files: [pr] };
  });
}

/** What a person does on a real forge: merge pull request `number` (the branch itself is left to git). */
export async function markMerged(options: LocalForgeOptions, number: number): Promise<void> {
  await localStore(options).change((state) => {
    const pr = findNumber(state, number);
    pr.state = 'closed';
    pr.merged = true;
    return { result: undefined, files: [pr] };
  });
}

/** A comment is made once: a rerun after an interrupted run does not repeat it. */
function addComment(pr: LocalPullRequest, body: string): void {
  if (!pr.comments.includes(body)) pr.comments.push(body);
}

/** The pending changes of each state file in this process. */
const queues = new Map<string, Promise<void>>();

interface Change<T> {
  result: T;
  /** Records whose Markdown file must be rewritten. */
  files: Array<LocalPullRequest | LocalIssue>;
}

/** One folder's state: loads, applies changes one at a time, and writes state and Markdown. */
function localStore(options: LocalForgeOptions) {
  const { root, dir = DEFAULT_DIR } = options;
  const folder = path.resolve(root, dir);
  const stateFile = path.join(folder, STATE_FILE);
  const shownDir = toPosix(path.relative(root, folder)) || '.';

  const fileOf = (record: LocalPullRequest | LocalIssue) => ('branch' in record ? pullRequestFile(record.branch) : DASHBOARD_FILE);
  const urlOf = (file: string) => `${shownDir}/${file}`;

  async function load(): Promise<LocalState> {
    let text: string;
    try {
      text = await readFile(stateFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, pullRequests: [] };
      throw new ForgeError(`Cannot read ${urlOf(STATE_FILE)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ForgeError(`${urlOf(STATE_FILE)} is not valid JSON; fix or remove it`);
    }
    const result = stateSchema.safeParse(parsed);
    if (!result.success) throw new ForgeError(`${urlOf(STATE_FILE)} is not a local forge state: ${z.prettifyError(result.error)}`);
    return result.data;
  }

  /**
   * Changes to one folder run one after another in this process, each on
   * state loaded afresh, so a change made meanwhile (closeByPerson, another
   * forge instance) is never lost.
   */
  function change<T>(fn: (state: LocalState) => Change<T>): Promise<T> {
    const run = (queues.get(stateFile) ?? Promise.resolve()).then(async () => {
      const state = await load();
      const { result, files } = fn(state);
      if (files.length === 0) return result;
      await mkdir(folder, { recursive: true });
      for (const record of files) {
        const text = 'branch' in record ? formatPullRequest(record) : formatDashboard(record);
        await writeAtomically(path.join(folder, fileOf(record)), text);
      }
      // Last, so state never names a pull request whose file was not written.
      await writeAtomically(stateFile, `${JSON.stringify(state, null, 2)}\n`);
      return result;
    });
    queues.set(
      stateFile,
      run.then(
        () => undefined,
        () => undefined,
      ),
    );
    return run;
  }

  return {
    shownDir,
    load,
    change,
    toPullRequest: (pr: LocalPullRequest): PullRequest => ({
      number: pr.number,
      branch: pr.branch,
      base: pr.base,
      title: pr.title,
      body: pr.body,
      state: pr.state,
      merged: pr.merged,
      url: urlOf(fileOf(pr)),
      labels: [...pr.labels],
    }),
    dashboardResult: (issue: LocalIssue, outcome: DashboardResult['outcome']): DashboardResult => ({
      number: issue.number,
      url: urlOf(DASHBOARD_FILE),
      outcome,
    }),
  };
}

/** `pagecare/review/glossary/colon` → `pagecare__review__glossary__colon.md`: one flat folder a person can browse. */
export function pullRequestFile(branch: string): string {
  return `${branch.replaceAll('/', '__')}.md`;
}

function findNumber(state: LocalState, number: number): LocalPullRequest {
  const pr = state.pullRequests.find((candidate) => candidate.number === number);
  if (!pr) throw new ForgeError(`No local pull request #${number}`);
  return pr;
}

/** Pull requests and the dashboard share one numbering, as on GitHub. */
function nextNumber(state: LocalState): number {
  return Math.max(0, state.dashboard?.number ?? 0, ...state.pullRequests.map((pr) => pr.number)) + 1;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function formatPullRequest(pr: LocalPullRequest): string {
  const status = pr.merged ? 'merged' : pr.state;
  const lines = [
    // The title is plain text, as on GitHub; in this Markdown file it must not become markup.
    `# ${inert(pr.title)}`,
    '',
    `- Pull request: #${pr.number} (${status})`,
    `- Branch: \`${pr.branch}\` into \`${pr.base}\``,
    `- Labels: ${pr.labels.join(', ') || 'none'}`,
    `- Reviewers: ${pr.reviewers.map((login) => `@${login}`).join(', ') || 'none'}`,
    '',
    pr.body.trimEnd(),
  ];
  if (pr.comments.length > 0) {
    lines.push('', '## Comments');
    for (const comment of pr.comments) lines.push('', '---', '', comment.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

function formatDashboard(issue: LocalIssue): string {
  return `# ${issue.title}\n\n- Issue: #${issue.number} (${issue.state})\n\n${issue.body.trimEnd()}\n`;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

async function writeAtomically(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    throw new ForgeError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
