import type { Element } from 'hast';
import { s } from 'hastscript';
import type { Plan } from '../review/plan.js';
import { compareDates } from '../time/calendar-date.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface MonthBar {
  /** `overdue`, or the month as `YYYY-MM`. */
  key: string;
  /** Short label under the bar: `Overdue`, `Jun`. */
  label: string;
  /** Second label line: the year, on the first month and on each January. */
  sublabel: string;
  /** Full name for the text alternative: `Overdue`, `June 2026`. */
  name: string;
  count: number;
}

export interface DueByMonth {
  /** The overdue bar, then this month and the eleven after it. */
  bars: MonthBar[];
  /** Reviews due after the last month shown. */
  later: number;
}

/** Reviews due per month for the next 12 months (this one included), plus everything already overdue. */
export function dueByMonth(plan: Plan, months = 12): DueByMonth {
  const first = plan.today.toPlainYearMonth();
  const bars: MonthBar[] = [{ key: 'overdue', label: 'Overdue', sublabel: '', name: 'Overdue', count: 0 }];
  for (let i = 0; i < months; i++) {
    const month = first.add({ months: i });
    bars.push({
      key: month.toString(),
      label: MONTHS[month.month - 1]!,
      sublabel: i === 0 || month.month === 1 ? String(month.year) : '',
      name: `${MONTH_NAMES[month.month - 1]!} ${month.year}`,
      count: 0,
    });
  }
  let later = 0;
  for (const entry of plan.schedule) {
    if (compareDates(entry.nextReview, plan.today) < 0) {
      bars[0]!.count++;
      continue;
    }
    const bar = bars.find((b) => b.key === entry.nextReview.toPlainYearMonth().toString());
    if (bar) bar.count++;
    else later++;
  }
  return { bars, later };
}

/**
 * The bar chart as inline SVG. It is one image to assistive technology
 * (`role="img"` with a label); the same numbers are in a table beside it.
 */
export function dueChartSvg(data: DueByMonth, label: string): Element {
  const slot = 54;
  const barWidth = 34;
  const top = 28;
  const base = 190;
  const width = slot * data.bars.length + 12;
  const max = Math.max(1, ...data.bars.map((bar) => bar.count));
  return s(
    'svg',
    {
      role: 'img',
      ariaLabel: label,
      viewBox: `0 0 ${width} 240`,
      width: '100%',
      preserveAspectRatio: 'xMinYMin meet',
      className: ['chart'],
    },
    [
      s('title', label),
      s('line', { x1: 6, x2: width - 6, y1: base, y2: base, className: ['axis'] }),
      ...data.bars.map((bar, i) => {
        const height = Math.round((bar.count / max) * (base - top));
        const x = 12 + i * slot;
        const middle = x + barWidth / 2;
        return s('g', { className: [bar.key === 'overdue' ? 'bar-overdue' : 'bar'] }, [
          s('rect', { x, y: base - height, width: barWidth, height }),
          s('text', { x: middle, y: base - height - 6, textAnchor: 'middle', className: ['value'] }, String(bar.count)),
          s('text', { x: middle, y: base + 18, textAnchor: 'middle' }, bar.label),
          ...(bar.sublabel ? [s('text', { x: middle, y: base + 34, textAnchor: 'middle', className: ['year'] }, bar.sublabel)] : []),
        ]);
      }),
    ],
  );
}
