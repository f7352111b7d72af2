import type { Plan, ScheduleEntry } from '../review/plan.js';
import type { HeldBack } from '../review/pull-request-plan.js';
import type { PullRequest } from './forge.js';

export const DASHBOARD_TITLE = 'Content review dashboard';

/** The dashboard issue's body: what is overdue, due soon and upcoming, what was held back, which pull requests are open. */
export function dashboardBody(plan: Plan, heldBack: readonly HeldBack[], open: readonly PullRequest[]): string {
  const section = (title: string, lines: string[]) => [`### ${title}`, '', ...(lines.length > 0 ? lines : ['None.']), ''];
  const row = (entry: ScheduleEntry) => `- ${plain(entry.title)} (\`${entry.path}\`): due ${entry.nextReview.toString()}, owner ${entry.owner ?? 'none'}`;
  const by = (status: ScheduleEntry['status']) => plan.schedule.filter((entry) => entry.status === status).map(row);
  return [
    `Review status on ${plan.today.toString()}, kept up to date by pagecare. Close this issue to stop these updates.`,
    '',
    ...section('Overdue', by('overdue')),
    ...section('Due soon', by('due-soon')),
    ...section('Upcoming', by('upcoming')),
    ...section('Held back', heldBack.map((held) => `- ${plain(held.entry.title)} (\`${held.entry.path}\`): ${held.reason}`)),
    ...section('Review pull requests open', open.map((pr) => `- #${pr.number} ${plain(pr.title)}`)),
  ].join('\n');
}

function plain(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>@#|!]/g, (c) => `\\${c}`);
}
