import { describe, expect, it } from 'vitest';
import { dueByMonth } from '../../src/reports/schedule-chart.js';
import { formatScheduleHtml } from '../../src/reports/schedule-html.js';
import { JS_TITLE, OPTIONS, plan, REPO } from './fixtures.js';

describe('review-schedule.html', () => {
  const html = formatScheduleHtml(plan(), OPTIONS);

  it('is one English page with a title and a heading', () => {
    expect(html.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>Review schedule for 2026-06-01 · pagecare</title>');
    expect(html).toContain('<h1>Review schedule</h1>');
  });

  it('loads nothing from outside and links only to the configured repository', () => {
    for (const match of html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]*/g)) expect(match[0].startsWith(REPO)).toBe(true);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc=|@import|url\(/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.length).toBe(7);
    for (const href of hrefs) expect(href!.startsWith(REPO)).toBe(true);
    expect(formatScheduleHtml(plan(), { branch: 'main' })).not.toMatch(/https?:|href=/);
  });

  it('escapes titles: a <script> title and a javascript: title stay inert text', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('&#x3C;script>alert("pwned")&#x3C;/script> Radiotherapy');
    expect(html).toContain(`>${JS_TITLE}</a>`);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('shows the summary counts', () => {
    expect(html).toContain(
      '<ul class="summary"><li class="status-overdue"><span class="n">1</span> Overdue</li><li class="status-due-soon"><span class="n">3</span> Due soon</li>',
    );
    expect(html).toContain('<span class="n">1</span> Unscheduled</li>');
  });

  it('draws the chart as a labelled SVG image with the numbers also in a table', () => {
    const svg = /<svg ([^>]*)><title>([^<]+)<\/title>/.exec(html);
    expect(svg).not.toBeNull();
    expect(svg![1]).toContain('role="img"');
    expect(svg![1]).toContain(`aria-label="${svg![2]}"`);
    expect(svg![2]).toBe('Bar chart of reviews due per month: overdue first, then June 2026 to May 2027');
    expect(html).toContain('<caption>Reviews due per month</caption>');
    expect(html).toContain('<tr><th scope="row">Overdue</th><td>1</td></tr><tr><th scope="row">June 2026</th><td>2</td></tr>');
    expect(html).toContain('1 more falls due after May 2027.');
  });

  it('counts reviews per month, overdue first, later ones apart', () => {
    const data = dueByMonth(plan());
    expect(data.bars).toHaveLength(13);
    expect(data.bars.map((bar) => bar.count)).toEqual([1, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(data.bars.map((bar) => bar.label).slice(0, 3)).toEqual(['Overdue', 'Jun', 'Jul']);
    expect(data.later).toBe(1);
  });

  it('has a real schedule table with a caption, column headers and status in words', () => {
    expect(html).toContain('<caption id="schedule-caption">Scheduled reviews, by due date</caption>');
    expect(html.match(/<th scope="col"[^>]*>(Page|Owner|Status|Next review|Days left|Reading age)<\/th>/g)).toHaveLength(6);
    expect(html).toContain('<th scope="col" id="col-due" aria-sort="ascending">Next review</th>');
    expect(html).toContain('<th scope="col" class="num" id="col-reading-age">Reading age</th>');
    expect(html).toContain(
      '<tr data-owner="o:jsmith" data-status="overdue" data-reading-age="14"><th scope="row"><a href="https://github.com/example-org/patient-pages/blob/main/content/pages/net/treatment.md">Treatment for small bowel neuroendocrine cancer</a><br><code>content/pages/net/treatment.md</code></th><td>jsmith</td><td><span class="badge status-overdue">Overdue</span></td><td><time datetime="2026-05-20">2026-05-20</time></td><td class="num">12 days overdue</td><td class="num">14</td></tr>',
    );
    // No number, no data attribute: the sort puts these last.
    expect(html).toMatch(/<tr data-owner="o:jsmith" data-status="due-soon"><th scope="row">.*?diet\.md<\/code><\/th>.*?<td class="num">not measured<\/td><\/tr>/s);
    expect(html).toMatch(/<tr data-owner="o:apatel" data-status="upcoming"><th scope="row">.*?chemotherapy\.md<\/code><\/th>.*?<td class="num">not scored<\/td><\/tr>/);
    expect(html).toContain('<p class="meta note">Reading age is the SMOG grade + 5, as the <code>readability</code> rule counts it.');
    expect(html).toContain('<tr data-owner="none" data-status="ok" data-reading-age="9">');
  });

  it('has labelled filters and a sort control, hidden until the script runs, and a polite live count', () => {
    expect(html).toContain('<form id="filters" class="filters" hidden aria-label="Filter and sort the schedule">');
    expect(html).toContain(
      '<label for="sort">Sort by</label><select id="sort"><option value="due">Due date (soonest first)</option><option value="reading-age">Reading age (highest first)</option></select>',
    );
    expect(html).toContain('<label for="filter-owner">Owner</label><select id="filter-owner"><option value="all">All owners</option><option value="o:apatel">apatel</option><option value="o:jsmith">jsmith</option><option value="none">(no owner)</option></select>');
    expect(html).toContain('<label for="filter-status">Status</label><select id="filter-status">');
    expect(html).toContain('<p id="schedule-count" class="count" aria-live="polite" aria-atomic="true">Showing all 6 scheduled reviews.</p>');
  });

  it('lists unscheduled pages with their reasons', () => {
    expect(html).toContain('<li><strong>Old | page</strong> <code>content/pages/old.md</code> (owner jsmith): <code>next_review</code> is missing or not a real date</li>');
  });
});

describe('review-schedule.html with nothing scheduled', () => {
  it('keeps the table with one explanatory row', () => {
    const html = formatScheduleHtml({ ...plan(), schedule: [], unscheduled: [] }, OPTIONS);
    expect(html).toContain('<tbody><tr><td colspan="6">No page has a review date.</td></tr></tbody>');
    expect(html).not.toContain('Reading age is the SMOG grade');
    expect(html).toContain('Showing all 0 scheduled reviews.');
    expect(html).not.toContain('Unscheduled</h2>');
  });
});
