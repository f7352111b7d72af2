import type { Plan } from './plan.js';
import { STATUSES } from './status.js';

/** The plan as `--dry-run` prints it: what would be sent to whom, and why. */
export function formatPlan(plan: Plan): string {
  const counts = STATUSES.map((status) => `${plan.schedule.filter((e) => e.status === status).length} ${status}`);
  const lines = [
    `Plan for ${plan.today.toString()}: ${plan.schedule.length} scheduled (${counts.join(', ')}), ${plan.unscheduled.length} unscheduled`,
  ];
  if (plan.digests.length === 0) lines.push('  no reminders due');
  for (const digest of plan.digests) {
    lines.push(`  reminder to ${digest.name} <${digest.email}> (${digest.handle}): ${digest.items.length} ${digest.items.length === 1 ? 'page' : 'pages'}`);
    for (const item of digest.items) {
      lines.push(`    ${item.entry.path}  due ${item.entry.nextReview.toString()}  ${item.milestone.key}  as ${item.role}`);
    }
  }
  for (const problem of plan.undeliverable) lines.push(`  cannot remind about ${problem.id}: ${problem.reason}`);
  for (const page of plan.unscheduled) lines.push(`  unscheduled ${page.path}: ${page.reason}`);
  return `${lines.join('\n')}\n`;
}
