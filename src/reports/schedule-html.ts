import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Plan, ScheduleEntry, Unscheduled } from '../review/plan.js';
import { STATUSES } from '../review/status.js';
import { pageUrl, repositoryBase, type ReportOptions } from './report-options.js';
import { dueByMonth, dueChartSvg } from './schedule-chart.js';
import { SCRIPT, STYLE } from './schedule-html-assets.js';
import { codeSpans, describeDaysLeft, describeReadingAge, READING_AGE_NOTE, STATUS_LABELS, summaryRows } from './schedule-summary.js';

const NO_OWNER = 'none';
const ownerValue = (owner: string | undefined) => (owner === undefined ? NO_OWNER : `o:${owner}`);

/**
 * `review-schedule.html`: one self-contained, accessible page. It is built as
 * a hast tree and serialised by hast-util-to-html, so every title, handle and
 * path is escaped text; the only links are to the configured repository.
 */
export function formatScheduleHtml(plan: Plan, options: ReportOptions): string {
  const today = plan.today.toString();
  const repositoryUrl = repositoryBase(options);
  const doc: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `Review schedule for ${today} · pagecare`),
          h('style', STYLE),
        ]),
        h('body', [
          h('header', [
            h('h1', 'Review schedule'),
            h('p.meta', [
              'Generated for ',
              h('time', { dateTime: today }, today),
              ...(options.generatedAt ? [' at ', h('time', { dateTime: options.generatedAt }, options.generatedAt)] : []),
              ...(repositoryUrl ? [' from ', h('a', { href: repositoryUrl }, repositoryUrl), ` (branch ${options.branch})`] : []),
              '.',
            ]),
          ]),
          h('main', [
            summarySection(plan),
            chartSection(plan),
            scheduleSection(plan, options),
            ...(plan.unscheduled.length > 0 ? [unscheduledSection(plan.unscheduled)] : []),
          ]),
          h('script', SCRIPT),
        ]),
      ]),
    ],
  };
  return `${toHtml(doc)}\n`;
}

function summarySection(plan: Plan): Element {
  return h('section', { ariaLabelledBy: 'summary-heading' }, [
    h('h2#summary-heading', 'Summary'),
    h(
      'ul.summary',
      summaryRows(plan).map((row) =>
        h('li', { className: [`status-${row.key}`] }, [h('span.n', String(row.count)), ' ', row.label]),
      ),
    ),
  ]);
}

function chartSection(plan: Plan): Element {
  const data = dueByMonth(plan);
  const last = data.bars.at(-1)!.name;
  const label = `Bar chart of reviews due per month: overdue first, then ${data.bars[1]!.name} to ${last}`;
  return h('section', { ariaLabelledBy: 'chart-heading' }, [
    h('h2#chart-heading', 'Reviews due per month'),
    h('figure.chart-figure', [
      dueChartSvg(data, label),
      h('figcaption.meta', [
        'Reviews already overdue, then reviews falling due in each of the next 12 months.',
        data.later > 0 ? ` ${data.later} more ${data.later === 1 ? 'falls' : 'fall'} due after ${last}.` : '',
      ]),
    ]),
    h('table.visually-hidden', [
      h('caption', 'Reviews due per month'),
      h('thead', [h('tr', [h('th', { scope: 'col' }, 'Month'), h('th', { scope: 'col' }, 'Reviews due')])]),
      h(
        'tbody',
        data.bars.map((bar) => h('tr', [h('th', { scope: 'row' }, bar.name), h('td', String(bar.count))])),
      ),
    ]),
  ]);
}

const COLUMNS = ['Page', 'Owner', 'Status', 'Next review', 'Days left', 'Reading age'];
const NUMERIC = new Set(['Days left', 'Reading age']);

function scheduleSection(plan: Plan, options: ReportOptions): Element {
  const owners = [...new Set(plan.schedule.map((entry) => entry.owner))].sort((a, b) =>
    a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const total = plan.schedule.length;
  const noun = total === 1 ? 'scheduled review' : 'scheduled reviews';
  return h('section', { ariaLabelledBy: 'schedule-heading' }, [
    h('h2#schedule-heading', 'Schedule'),
    h('form#filters.filters', { hidden: true, ariaLabel: 'Filter and sort the schedule' }, [
      h('div', [
        h('label', { htmlFor: 'filter-owner' }, 'Owner'),
        h('select#filter-owner', [
          h('option', { value: 'all' }, 'All owners'),
          ...owners.map((owner) => h('option', { value: ownerValue(owner) }, owner ?? '(no owner)')),
        ]),
      ]),
      h('div', [
        h('label', { htmlFor: 'filter-status' }, 'Status'),
        h('select#filter-status', [
          h('option', { value: 'all' }, 'All statuses'),
          ...STATUSES.map((status) => {
            const n = plan.schedule.filter((entry) => entry.status === status).length;
            return h('option', { value: status }, `${STATUS_LABELS[status]} (${n})`);
          }),
        ]),
      ]),
      h('div', [
        h('label', { htmlFor: 'sort' }, 'Sort by'),
        h('select#sort', [
          h('option', { value: 'due' }, 'Due date (soonest first)'),
          h('option', { value: 'reading-age' }, 'Reading age (highest first)'),
        ]),
      ]),
    ]),
    h('p#schedule-count.count', { ariaLive: 'polite', ariaAtomic: 'true' }, `Showing all ${total} ${noun}.`),
    h('div.table-wrap', [
      h('table#schedule.schedule', [
        h('caption#schedule-caption', 'Scheduled reviews, by due date'),
        h('thead', [
          h(
            'tr',
            COLUMNS.map((label) =>
              h(
                'th',
                {
                  scope: 'col',
                  ...(NUMERIC.has(label) ? { className: ['num'] } : {}),
                  // The order as written; the script moves this when the reader sorts by reading age.
                  ...(label === 'Next review' ? { id: 'col-due', ariaSort: 'ascending' } : {}),
                  ...(label === 'Reading age' ? { id: 'col-reading-age' } : {}),
                },
                label,
              ),
            ),
          ),
        ]),
        h(
          'tbody',
          total === 0
            ? [h('tr', [h('td', { colSpan: COLUMNS.length }, 'No page has a review date.')])]
            : plan.schedule.map((entry) => scheduleRow(entry, options)),
        ),
      ]),
    ]),
    ...(total === 0 ? [] : [h('p.meta.note', withCode(READING_AGE_NOTE))]),
  ]);
}

function scheduleRow(entry: ScheduleEntry, options: ReportOptions): Element {
  const url = pageUrl(options, entry.path);
  const age = typeof entry.readingAge === 'number' ? { dataReadingAge: String(entry.readingAge) } : {};
  return h('tr', { dataOwner: ownerValue(entry.owner), dataStatus: entry.status, ...age }, [
    h('th', { scope: 'row' }, [
      url ? h('a', { href: url }, entry.title) : entry.title,
      h('br'),
      h('code', entry.path),
    ]),
    h('td', entry.owner ?? '(no owner)'),
    h('td', [h('span.badge', { className: [`status-${entry.status}`] }, STATUS_LABELS[entry.status])]),
    h('td', [h('time', { dateTime: entry.nextReview.toString() }, entry.nextReview.toString())]),
    h('td.num', describeDaysLeft(entry.daysLeft)),
    h('td.num', describeReadingAge(entry.readingAge)),
  ]);
}

function unscheduledSection(items: readonly Unscheduled[]): Element {
  return h('section', { ariaLabelledBy: 'unscheduled-heading' }, [
    h('h2#unscheduled-heading', 'Unscheduled'),
    h('p', 'These pages have no review date that can be read, so no reminder can be sent for them.'),
    h(
      'ul',
      items.map((item) =>
        h('li', [
          h('strong', item.title),
          ' ',
          h('code', item.path),
          item.owner ? ` (owner ${item.owner}): ` : ' (no owner): ',
          ...withCode(item.reason),
        ]),
      ),
    ),
  ]);
}

/** Text whose backticked names become `<code>`. */
function withCode(value: string): ElementContent[] {
  return codeSpans(value).map((part): ElementContent => (part.code ? h('code', part.value) : { type: 'text', value: part.value }));
}
