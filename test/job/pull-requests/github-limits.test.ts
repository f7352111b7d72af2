import { describe, expect, test, vi } from 'vitest';
import { page } from '../../helpers/temp-repo.js';
import { contentRepos, githubEnv, runPullRequests, useFakeGitHub } from './fixture.js';

// The real GitHub forge with its waits shrunk.
vi.mock(import('../../../src/forge/github-forge.js'), async (load) => (await import('./fast-forge.js')).fastForge(await load()));

const github = useFakeGitHub();

/** Five pages inside the window, most urgent first, and one outside it. */
const DUE = { a: '2026-05-10', b: '2026-05-25', c: '2026-06-05', d: '2026-06-15', e: '2026-06-30' };
const PAGES = Object.fromEntries([
  ...Object.entries(DUE).map(([id, next]) => [`content/pages/${id}.md`, page({ title: `Page ${id}`, next_review: next })]),
  ['content/pages/later.md', page({ title: 'Later', next_review: '2026-08-15' })],
]);

const openBranches = () =>
  github.server
    .pulls()
    .filter((p) => p.state === 'open')
    .map((p) => p.head)
    .sort();
const heldBack = (summary: string) => [...summary.matchAll(/^ {4}held back (\S+): (.*)$/gm)].map((m) => [m[1], m[2]]);

describe('pullRequests.perRun and pullRequests.maxOpen', () => {
  test('hold back what is over the limits, list it in the summary and the dashboard, and catch up on later runs', async () => {
    const repos = contentRepos({ pages: PAGES, config: 'pullRequests:\n  perRun: 2\n  maxOpen: 4\ndashboard: true\n' });
    const env = githubEnv(github.server);

    const first = await runPullRequests(repos.root, env);
    expect(first.summary).toContain(': 2 created, 0 updated, 0 unchanged, 0 closed');
    expect(openBranches()).toEqual(['pagecare/review/a', 'pagecare/review/b']);
    const perRun = 'limit of 2 new pull requests per run reached';
    expect(heldBack(first.summary)).toEqual([
      ['content/pages/c.md', perRun],
      ['content/pages/d.md', perRun],
      ['content/pages/e.md', perRun],
    ]);
    const [dashboard] = github.server.issues();
    const held = /### Held back\n\n([\s\S]*?)\n\n###/.exec(dashboard!.body ?? '')?.[1];
    expect(held?.split('\n')).toEqual([
      `- Page c (\`content/pages/c.md\`): ${perRun}`,
      `- Page d (\`content/pages/d.md\`): ${perRun}`,
      `- Page e (\`content/pages/e.md\`): ${perRun}`,
    ]);

    const second = await runPullRequests(repos.root, env);
    expect(second.summary).toContain(': 2 created, 0 updated, 2 unchanged, 0 closed');
    expect(openBranches()).toEqual(['pagecare/review/a', 'pagecare/review/b', 'pagecare/review/c', 'pagecare/review/d']);
    expect(heldBack(second.summary)).toEqual([['content/pages/e.md', perRun]]);

    // Four open: no more, whatever perRun allows.
    const third = await runPullRequests(repos.root, env);
    const maxOpen = 'limit of 4 open pull requests reached';
    expect(third.summary).toContain(': 0 created, 0 updated, 4 unchanged, 0 closed');
    expect(heldBack(third.summary)).toEqual([['content/pages/e.md', maxOpen]]);
    expect(github.server.item(dashboard!.number)!.body).toContain(`- Page e (\`content/pages/e.md\`): ${maxOpen}`);
    expect(github.server.issues()).toHaveLength(1);

    // A person closes one: there is room again, and the closed one stays closed.
    const a = github.server.pulls().find((p) => p.head === 'pagecare/review/a')!;
    github.server.closeByPerson(a.number);
    const fourth = await runPullRequests(repos.root, env);
    expect(fourth.summary).toContain(': 1 created, 0 updated, 3 unchanged, 0 closed');
    expect(openBranches()).toEqual(['pagecare/review/b', 'pagecare/review/c', 'pagecare/review/d', 'pagecare/review/e']);
    expect(heldBack(fourth.summary)).toEqual([['content/pages/a.md', `pull request #${a.number} for this due date was closed by a person`]]);
    expect(github.server.pulls()).toHaveLength(5);
  });
});
