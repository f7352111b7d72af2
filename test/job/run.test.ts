import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runJob } from '../../src/job/run-job.js';
import { cli } from './cli.js';
import { EXPECTED, EXPECTED_KEYS, jobRepo, ledgerFile, listFiles, outbox, parseOutbox, readLedger, recipients, TODAY } from './fixture.js';

const REPORTS = ['review-schedule.md', 'review-schedule.json', 'review-calendar.ics', 'review-schedule.html'];

describe('pagecare run with the embedded defaults (what `npm start` does)', () => {
  test('writes the four reports and one .eml per recipient; a second run the same day sends nothing new', async () => {
    const root = jobRepo();
    const first = await cli(['run', '--today', TODAY], { cwd: root });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`pagecare run for ${TODAY}`);
    expect(first.stdout).toMatch(/reminders: 3 sent \(5 page mentions\) via .*reports[/\\]outbox, 0 failed/);

    for (const name of REPORTS) {
      expect(existsSync(path.join(root, 'reports', name)), name).toBe(true);
      expect(first.stdout).toContain(path.join('reports', name));
    }
    const json = JSON.parse(readFileSync(path.join(root, 'reports', 'review-schedule.json'), 'utf8')) as unknown;
    expect(JSON.stringify(json)).toContain('"2026-05-20"');
    const ics = readFileSync(path.join(root, 'reports', 'review-calendar.ics'), 'utf8');
    // One event per scheduled review: four pages and the glossary entry.
    expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(5);
    const html = readFileSync(path.join(root, 'reports', 'review-schedule.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(readFileSync(path.join(root, 'reports', 'review-schedule.md'), 'utf8')).toContain('content/pages/overdue.md');

    const mails = await parseOutbox(root);
    expect(mails.map(({ mail }) => recipients(mail))).toEqual(EXPECTED.map((e) => [e.email]));
    expect(mails.map(({ mail }) => mail.subject)).toEqual(EXPECTED.map((e) => e.subject));
    expect(new Set(mails.map(({ mail }) => mail.messageId)).size).toBe(3);
    expect(Object.keys(readLedger(root)).sort()).toEqual(EXPECTED_KEYS);

    const before = listFiles(path.join(root, 'reports', 'outbox'));
    const second = await cli(['run', '--today', TODAY], { cwd: root });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/reminders: 0 sent \(0 page mentions\) via .*, 0 failed/);
    expect(listFiles(path.join(root, 'reports', 'outbox'))).toEqual(before);
    expect(Object.keys(readLedger(root)).sort()).toEqual(EXPECTED_KEYS);
  });

  // Known bug: the outbox prefixes file names with the wall-clock date (or
  // PAGECARE_TODAY), not the job's today (--today); see src/notify/create-mailer.ts
  // and its call in src/job/run-job.ts. Flip to `test` once fixed.
  test("outbox file names carry the job's date", async () => {
    const root = jobRepo();
    await runJob({ cwd: root, today: TODAY, steps: { lint: false, reports: false, remind: true }, dryRun: false, env: {} });
    expect(outbox(root)).toHaveLength(3);
    for (const name of outbox(root)) expect(name.startsWith(`${TODAY}-`), name).toBe(true);
  });

  test('review writes only reports; remind sends without writing schedule reports', async () => {
    const root = jobRepo();
    const review = await cli(['review', '--today', TODAY], { cwd: root });
    expect(review.status).toBe(0);
    expect(review.stdout).toContain('reminders: 3 due, not sent by this command');
    expect(listFiles(path.join(root, 'reports'))).toEqual([...REPORTS].sort());
    expect(existsSync(ledgerFile(root))).toBe(false);

    const other = jobRepo();
    const remind = await cli(['remind', '--today', TODAY], { cwd: other });
    expect(remind.status).toBe(0);
    expect(remind.stdout).toContain('reminders: 3 sent');
    expect(listFiles(path.join(other, 'reports')).every((file) => file.startsWith(`outbox${path.sep}`))).toBe(true);
    expect(outbox(other)).toHaveLength(3);
    expect(Object.keys(readLedger(other)).sort()).toEqual(EXPECTED_KEYS);
  });
});

describe('--dry-run', () => {
  test('prints who would get what and writes nothing: no reports, no outbox, no ledger', async () => {
    const root = jobRepo();
    const before = listFiles(root);
    const result = await cli(['run', '--today', TODAY, '--dry-run'], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).toContain(`Plan for ${TODAY}: 5 scheduled (1 overdue, 2 due-soon, 0 upcoming, 2 ok), 0 unscheduled`);
    expect(out).toContain('reminder to Sam Patel <sam.patel@example.org> (content-lead): 1 page');
    expect(out).toContain('reminder to Jo Smith <jo.smith@example.org> (jsmith): 3 pages');
    expect(out).toContain('reminder to NET clinical reviewers <nets@example.org> (net-clinical): 1 page');
    expect(out).toMatch(/content\/pages\/overdue\.md {2}due 2026-05-20 {2}overdue-8 {2}as escalation/);
    expect(out).toMatch(/content\/pages\/overdue\.md {2}due 2026-05-20 {2}overdue-8 {2}as reviewer/);
    expect(out).toMatch(/content\/pages\/soon\.md {2}due 2026-06-20 {2}before-30 {2}as owner/);
    expect(out).toMatch(/content\/pages\/later\.md {2}due 2026-08-15 {2}before-90 {2}as owner/);
    expect(out).not.toContain('calm.md');
    expect(out).toContain(`pagecare dry run for ${TODAY}`);
    expect(out).not.toMatch(/written:|sent/);

    expect(listFiles(root)).toEqual(before);
    expect(existsSync(path.join(root, 'reports'))).toBe(false);
    expect(existsSync(path.join(root, '.pagecare'))).toBe(false);
  });
});
