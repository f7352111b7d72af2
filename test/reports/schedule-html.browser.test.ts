import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/reports/write-reports.js';
import { OPTIONS, plan } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser test`;
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOT = '/tmp/pagecare-review-schedule.png';

describe('review-schedule.html in headless Chromium', () => {
  let browser: Browser | undefined;
  let dir = '';
  let fileUrl = '';

  beforeAll(async () => {
    if (!hasChromium) return;
    dir = mkdtempSync(path.join(tmpdir(), 'pagecare-html-'));
    fileUrl = pathToFileURL((await writeReports(dir, plan(), OPTIONS)).html).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Open the report from disk, failing on any request beyond the file itself and on any dialog (a script that ran). */
  async function open(javaScriptEnabled = true): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
    const context = await browser!.newContext({ javaScriptEnabled, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => void requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(fileUrl);
    return { page, requests, dialogs };
  }

  const visibleOwners = (page: Page) =>
    page.locator('#schedule tbody tr:visible td:nth-of-type(1)').allTextContents();

  it('filters by owner and status and announces the count', async (ctx) => {
    if (!browser) return ctx.skip(SKIP);
    const { page, requests, dialogs } = await open();
    const count = page.locator('#schedule-count');
    await expect.poll(() => count.textContent()).toBe('Showing all 6 scheduled reviews.');
    expect(await count.getAttribute('aria-live')).toBe('polite');

    await page.getByLabel('Owner').selectOption({ label: 'jsmith' });
    expect(await visibleOwners(page)).toEqual(['jsmith', 'jsmith']);
    expect(await count.textContent()).toBe('Showing 2 of 6 scheduled reviews.');

    await page.getByLabel('Status').selectOption('overdue');
    expect(await visibleOwners(page)).toEqual(['jsmith']);
    expect(await count.textContent()).toBe('Showing 1 of 6 scheduled reviews.');

    await page.getByLabel('Owner').selectOption({ label: 'apatel' });
    expect(await visibleOwners(page)).toEqual([]);
    expect(await count.textContent()).toBe('Showing 0 of 6 scheduled reviews.');

    await page.getByLabel('Status').selectOption('all');
    await page.getByLabel('Owner').selectOption({ label: '(no owner)' });
    expect(await visibleOwners(page)).toEqual(['(no owner)']);

    await page.getByLabel('Owner').selectOption('all');
    expect(await visibleOwners(page)).toHaveLength(6);
    expect(await count.textContent()).toBe('Showing all 6 scheduled reviews.');

    expect(requests).toEqual([fileUrl]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(1);
    await page.context().close();
  });

  const visiblePaths = (page: Page) => page.locator('#schedule tbody tr:visible th code').allTextContents();
  const readingAges = (page: Page) => page.locator('#schedule tbody tr:visible td:nth-of-type(5)').allTextContents();

  it('sorts by reading age, highest first, and back to due date, saying so to assistive technology', async (ctx) => {
    if (!browser) return ctx.skip(SKIP);
    const { page } = await open();
    const count = page.locator('#schedule-count');
    const dueOrder = [
      'content/pages/net/treatment.md',
      'content/pages/pipes.md',
      'content/pages/diet.md',
      'content/pages/radiotherapy.md',
      'content/glossary/chemotherapy.md',
      'content/pages/stoma.md',
    ];
    await expect.poll(() => visiblePaths(page)).toEqual(dueOrder);
    const due = page.getByRole('columnheader', { name: 'Next review' });
    const age = page.getByRole('columnheader', { name: 'Reading age' });
    expect(await due.getAttribute('aria-sort')).toBe('ascending');
    expect(await age.getAttribute('aria-sort')).toBeNull();

    await page.getByLabel('Sort by').selectOption({ label: 'Reading age (highest first)' });
    // Ties (9, 9) and pages without an age (not measured, not scored) keep their due-date order, last.
    expect(await readingAges(page)).toEqual(['14', '12', '9', '9', 'not measured', 'not scored']);
    expect(await visiblePaths(page)).toEqual([
      'content/pages/net/treatment.md',
      'content/pages/radiotherapy.md',
      'content/pages/pipes.md',
      'content/pages/stoma.md',
      'content/pages/diet.md',
      'content/glossary/chemotherapy.md',
    ]);
    expect(await page.getByRole('table', { name: 'Scheduled reviews, by reading age (highest first)' }).count()).toBe(1);
    expect(await age.getAttribute('aria-sort')).toBe('descending');
    expect(await due.getAttribute('aria-sort')).toBeNull();
    expect(await count.textContent()).toBe('Showing all 6 scheduled reviews, highest reading age first.');

    // Filtering keeps the chosen order.
    await page.getByLabel('Owner').selectOption({ label: 'apatel' });
    expect(await readingAges(page)).toEqual(['12', '9', 'not scored']);
    expect(await count.textContent()).toBe('Showing 3 of 6 scheduled reviews, highest reading age first.');

    await page.getByLabel('Owner').selectOption('all');
    await page.getByLabel('Sort by').selectOption({ label: 'Due date (soonest first)' });
    expect(await visiblePaths(page)).toEqual(dueOrder);
    expect(await page.getByRole('table', { name: 'Scheduled reviews, by due date' }).count()).toBe(1);
    expect(await due.getAttribute('aria-sort')).toBe('ascending');
    expect(await age.getAttribute('aria-sort')).toBeNull();
    expect(await count.textContent()).toBe('Showing all 6 scheduled reviews.');
    await page.context().close();
  });

  it('exposes the chart and tables by role and name, and looks clean', async (ctx) => {
    if (!browser) return ctx.skip(SKIP);
    const { page } = await open();
    await expect.poll(() => page.getByRole('img', { name: /^Bar chart of reviews due per month/ }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Scheduled reviews, by due date' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Reviews due per month' }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: /<script>alert\("pwned"\)<\/script> Radiotherapy/ }).count()).toBe(1);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.context().close();
  });

  it('shows every row and no dead filters with scripting off', async (ctx) => {
    if (!browser) return ctx.skip(SKIP);
    const { page } = await open(false);
    expect(await page.locator('#schedule tbody tr:visible').count()).toBe(6);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: 'Scheduled reviews, by due date' }).count()).toBe(1);
    expect(await page.locator('#schedule-count').textContent()).toBe('Showing all 6 scheduled reviews.');
    await page.context().close();
  });
});
