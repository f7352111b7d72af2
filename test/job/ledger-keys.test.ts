import { describe, expect, test } from 'vitest';
import { runJob } from '../../src/job/run-job.js';
import { page } from '../helpers/temp-repo.js';
import { jobRepo, outbox, parseOutbox, readLedger, recipients, setFrontMatter, TODAY } from './fixture.js';

const ALL = { lint: true, reports: true, remind: true };

/** The job in this process, with the outbox (no SMTP in `env`). */
function run(root: string, today: string) {
  return runJob({ cwd: root, today, steps: ALL, dryRun: false, env: {} });
}

describe('moving next_review starts afresh', () => {
  test("a moved date, still in a milestone window, reminds that page's owner again and no one else", async () => {
    const root = jobRepo();
    const first = await run(root, TODAY);
    expect(first.send?.sent).toHaveLength(3);
    expect((await run(root, TODAY)).send?.sent).toEqual([]);

    setFrontMatter(root, 'content/pages/soon.md', 'next_review', '2026-06-25');
    const known = new Set(outbox(root));
    const moved = await run(root, TODAY);
    expect(moved.send?.failed).toEqual([]);
    expect(moved.send?.sent.map((d) => [d.handle, d.pages])).toEqual([['jsmith', 1]]);

    const fresh = (await parseOutbox(root)).filter(({ file }) => !known.has(file));
    expect(fresh).toHaveLength(1);
    const mail = fresh[0]!.mail;
    expect(recipients(mail)).toEqual(['jo.smith@example.org']);
    expect(mail.subject).toBe('[pagecare] 1 page due for review');
    expect(mail.text).toContain('Living with NET');
    expect(mail.text).toContain('2026-06-25');
    expect(mail.text).not.toContain('Diet after surgery');

    const keys = Object.keys(readLedger(root));
    expect(keys).toContain('soon|2026-06-25|before-30|jsmith');
    // The old date's key can never matter again and is pruned.
    expect(keys).not.toContain('soon|2026-06-20|before-30|jsmith');
    expect(keys).toHaveLength(5);

    expect((await run(root, TODAY)).send?.sent).toEqual([]);
  });

  test('moving the date back to one already reminded about reminds again', async () => {
    const root = jobRepo();
    await run(root, TODAY);
    setFrontMatter(root, 'content/pages/soon.md', 'next_review', '2026-12-01');
    expect((await run(root, TODAY)).send?.sent).toEqual([]);
    setFrontMatter(root, 'content/pages/soon.md', 'next_review', '2026-06-20');
    const back = await run(root, TODAY);
    expect(back.send?.sent.map((d) => [d.handle, d.pages])).toEqual([['jsmith', 1]]);
  });
});

describe('missed runs catch up once, at the latest milestone', () => {
  test('before the date: the 90-day reminder, then after two more milestones pass unseen, one reminder at 7 days', async () => {
    // Only this page is in any window: due 70 days after TODAY.
    const root = jobRepo({
      'content/pages/overdue.md': page({ title: 'Not due', next_review: '2027-01-01' }),
      'content/pages/soon.md': page({ title: 'Not due', next_review: '2027-01-01' }),
      'content/pages/later.md': page({ title: 'Diet after surgery', next_review: '2026-08-10' }),
    });
    const first = await run(root, TODAY);
    expect(first.send?.sent.map((d) => [d.handle, d.pages])).toEqual([['jsmith', 1]]);
    expect(Object.keys(readLedger(root))).toEqual(['later|2026-08-10|before-90|jsmith']);

    // 65 days later, 5 days left: the 30- and 7-day milestones both passed with no run.
    const late = await run(root, '2026-08-05');
    expect(late.send?.sent.map((d) => [d.handle, d.pages])).toEqual([['jsmith', 1]]);
    expect(Object.keys(readLedger(root)).sort()).toEqual(['later|2026-08-10|before-7|jsmith', 'later|2026-08-10|before-90|jsmith']);
    expect(outbox(root)).toHaveLength(2);

    expect((await run(root, '2026-08-07')).send?.sent).toEqual([]);
  });

  test('overdue: three missed weekly reminders become one, to the owner and the escalation contact', async () => {
    const root = jobRepo({
      'content/pages/overdue.md': page({ title: 'Overdue page', next_review: '2026-06-10' }),
      'content/pages/soon.md': page({ title: 'Not due', next_review: '2027-01-01' }),
      'content/pages/later.md': page({ title: 'Not due', next_review: '2027-01-01' }),
    });
    const first = await run(root, '2026-06-11');
    expect(first.send?.sent.map((d) => d.handle)).toEqual(['content-lead', 'jsmith']);

    // 23 days late: the reminders of days 8 and 15 were never sent; day 22's is the one.
    const late = await run(root, '2026-07-03');
    expect(late.send?.sent.map((d) => [d.handle, d.pages])).toEqual([
      ['content-lead', 1],
      ['jsmith', 1],
    ]);
    expect(Object.keys(readLedger(root)).sort()).toEqual([
      'overdue|2026-06-10|overdue-1|content-lead',
      'overdue|2026-06-10|overdue-1|jsmith',
      'overdue|2026-06-10|overdue-22|content-lead',
      'overdue|2026-06-10|overdue-22|jsmith',
    ]);
  });
});
