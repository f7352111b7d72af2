import type { PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Plan, ScheduleEntry, Unscheduled } from '../review/plan.js';
import { pageUrl, type ReportOptions } from './report-options.js';
import { codeSpans, describeDaysLeft, describeReadingAge, oneLine, READING_AGE_NOTE, STATUS_LABELS, summaryRows } from './schedule-summary.js';

/**
 * `review-schedule.md`. Built as a Markdown tree and serialised by
 * mdast-util-to-markdown, so `|`, `*`, `[`, `<` and the like in titles come
 * out escaped and render as the literal text.
 */
export function formatScheduleMarkdown(plan: Plan, options: ReportOptions): string {
  const today = plan.today.toString();
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text('Review schedule')] },
    {
      type: 'paragraph',
      children: [
        text('Generated for '),
        { type: 'strong', children: [text(today)] },
        ...(options.generatedAt ? [text(` at ${options.generatedAt}`)] : []),
        text('.'),
      ],
    },
    { type: 'heading', depth: 2, children: [text('Summary')] },
    table(
      ['Status', 'Pages'],
      summaryRows(plan).map((row) => [[text(row.label)], [text(String(row.count))]]),
      ['left', 'right'],
    ),
    { type: 'heading', depth: 2, children: [text('By due date')] },
    ...(plan.schedule.length === 0
      ? [{ type: 'paragraph', children: [text('No page has a review date.')] } satisfies RootContent]
      : [
          table(
            ['Page', 'Owner', 'Status', 'Next review', 'Days left', 'Reading age'],
            plan.schedule.map((entry) => scheduleRow(entry, options)),
            ['left', 'left', 'left', 'left', 'right', 'right'],
          ),
          { type: 'paragraph', children: withCode(READING_AGE_NOTE) } satisfies RootContent,
        ]),
  ];
  if (plan.unscheduled.length > 0) {
    children.push(
      { type: 'heading', depth: 2, children: [text('Unscheduled')] },
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: plan.unscheduled.map((item) => ({
          type: 'listItem',
          spread: false,
          children: [{ type: 'paragraph', children: unscheduledItem(item) }],
        })),
      },
    );
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { extensions: [gfmTableToMarkdown()], bullet: '-', emphasis: '_', strong: '*' });
}

function scheduleRow(entry: ScheduleEntry, options: ReportOptions): PhrasingContent[][] {
  const url = pageUrl(options, entry.path);
  const title = text(oneLine(entry.title));
  return [
    [url ? { type: 'link', url, children: [title] } : title, text(' '), { type: 'inlineCode', value: entry.path }],
    [text(entry.owner ?? '(no owner)')],
    [text(STATUS_LABELS[entry.status])],
    [text(entry.nextReview.toString())],
    [text(describeDaysLeft(entry.daysLeft))],
    [text(describeReadingAge(entry.readingAge))],
  ];
}

function unscheduledItem(item: Unscheduled): PhrasingContent[] {
  return [
    text(oneLine(item.title)),
    text(' '),
    { type: 'inlineCode', value: item.path },
    text(item.owner ? ` (owner ${item.owner}): ` : ' (no owner): '),
    ...withCode(item.reason),
  ];
}

/** Text whose backticked names become code spans. */
function withCode(value: string): PhrasingContent[] {
  return codeSpans(value).map((part): PhrasingContent => (part.code ? { type: 'inlineCode', value: part.value } : text(part.value)));
}

function table(head: string[], rows: PhrasingContent[][][], align: Array<'left' | 'right'>): RootContent {
  const row = (cells: PhrasingContent[][]): TableRow => ({
    type: 'tableRow',
    children: cells.map((children) => ({ type: 'tableCell', children })),
  });
  return { type: 'table', align, children: [row(head.map((label) => [text(label)])), ...rows.map(row)] };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}
