import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatScheduleCalendar } from '../../src/reports/schedule-calendar.js';
import { formatScheduleHtml } from '../../src/reports/schedule-html.js';
import { formatScheduleJson } from '../../src/reports/schedule-json.js';
import { formatScheduleMarkdown } from '../../src/reports/schedule-markdown.js';
import { pageUrl } from '../../src/reports/report-options.js';
import { writeReports } from '../../src/reports/write-reports.js';
import { OPTIONS, plan } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes the four reports, replacing old ones, and leaves no temporary file', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pagecare-reports-'));
    dirs.push(root);
    const dir = path.join(root, 'reports');
    const first = await writeReports(dir, plan(), OPTIONS);
    expect(first).toEqual({
      markdown: path.join(dir, 'review-schedule.md'),
      json: path.join(dir, 'review-schedule.json'),
      calendar: path.join(dir, 'review-calendar.ics'),
      html: path.join(dir, 'review-schedule.html'),
    });
    writeFileSync(first.json, 'stale');
    const later = plan({ 'net/treatment': '2029-05-20' });
    await writeReports(dir, later, OPTIONS);
    expect(readdirSync(dir).sort()).toEqual(['review-calendar.ics', 'review-schedule.html', 'review-schedule.json', 'review-schedule.md']);
    expect(readFileSync(first.markdown, 'utf8')).toBe(formatScheduleMarkdown(later, OPTIONS));
    expect(readFileSync(first.json, 'utf8')).toBe(formatScheduleJson(later, OPTIONS));
    expect(readFileSync(first.calendar, 'utf8')).toBe(formatScheduleCalendar(later, OPTIONS));
    expect(readFileSync(first.html, 'utf8')).toBe(formatScheduleHtml(later, OPTIONS));
  });

  it('writes nothing when a report cannot be made', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pagecare-reports-'));
    dirs.push(root);
    await expect(writeReports(root, plan(), { branch: 'main', repositoryUrl: 'ftp://example.org/pages' })).rejects.toThrow(
      'Unexpected repository URL protocol `ftp:`, expected http: or https:',
    );
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('pageUrl', () => {
  it('encodes the branch and path segments under the configured repository', () => {
    expect(pageUrl({ repositoryUrl: 'https://git.example.org/org/pages/', branch: 'release/2026' }, 'content/pages/a b#c.md')).toBe(
      'https://git.example.org/org/pages/blob/release/2026/content/pages/a%20b%23c.md',
    );
    expect(pageUrl({ branch: 'main' }, 'content/pages/a.md')).toBeUndefined();
  });
});
