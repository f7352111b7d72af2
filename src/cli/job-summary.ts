import path from 'node:path';
import type { JobResult } from '../job/run-job.js';
import { STATUSES } from '../review/status.js';

/** The short account a run ends with: what was found, what was sent, where the outputs are. */
export function formatJobSummary(result: JobResult, cwd: string, dryRun: boolean): string {
  const rel = (file: string) => path.relative(cwd, file) || '.';
  const lines: string[] = [`pagecare ${dryRun ? 'dry run' : 'run'} for ${result.today.toString()}`];
  if (result.lint) {
    const l = result.lint;
    lines.push(`  lint: ${l.files} files, ${l.errors} errors, ${l.warnings} warnings, ${l.infos} infos`);
  }
  const counts = STATUSES.map((status) => `${result.plan.schedule.filter((e) => e.status === status).length} ${status}`);
  lines.push(`  schedule: ${result.plan.schedule.length} reviews (${counts.join(', ')}), ${result.plan.unscheduled.length} unscheduled`);
  if (result.send) {
    const s = result.send;
    const pages = s.sent.reduce((n, d) => n + d.pages, 0);
    lines.push(`  reminders: ${s.sent.length} sent (${pages} page mentions) via ${result.mailer}, ${s.failed.length} failed`);
    for (const failure of s.failed) {
      const next = failure.permanent ? 'refused by the server; check the address, the next run tries again' : 'the next run tries again';
      lines.push(`    not sent to ${failure.handle} <${failure.email}>: ${failure.error} (${next})`);
    }
    for (const skipped of s.notAttempted) lines.push(`    not attempted (stopping): ${skipped.handle}`);
  } else if (!dryRun) {
    lines.push(`  reminders: ${result.plan.digests.length} due, not sent by this command`);
  }
  for (const problem of result.plan.undeliverable) lines.push(`  cannot remind about ${problem.id}: ${problem.reason}`);
  lines.push(...pullRequestLines(result, rel));
  if (result.written.length > 0) lines.push(`  written: ${result.written.map(rel).join(', ')}`);
  if (result.ledger && result.send) lines.push(`  ledger: ${result.ledger}`);
  return `${lines.join('\n')}\n`;
}

function pullRequestLines(result: JobResult, rel: (file: string) => string): string[] {
  const step = result.pullRequests;
  if (!step) return [];
  if (step.skipped) return [`  pull requests: skipped (${step.skipped})`];
  const r = step.report!;
  const forge = step.forge && path.isAbsolute(step.forge) ? rel(step.forge) : step.forge;
  const lines = [
    `  pull requests (${forge}): ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged, ${r.closed.length} closed`,
  ];
  for (const pr of r.created) lines.push(`    created #${pr.number} on branch ${pr.branch}: ${pr.title}`);
  for (const pr of r.updated) lines.push(`    updated #${pr.number} on branch ${pr.branch}`);
  for (const pr of r.closed) lines.push(`    closed #${pr.number} (${pr.branch}): ${pr.reason}`);
  for (const held of r.heldBack) lines.push(`    held back ${held.entry.path}: ${held.reason}`);
  for (const foreign of r.foreign) lines.push(`    left alone ${foreign.branch}: ${foreign.note}`);
  for (const failure of r.failed) lines.push(`    failed ${failure.branch}: ${failure.error}`);
  if (r.dashboard) lines.push(`    dashboard #${r.dashboard.number}: ${r.dashboard.outcome}`);
  if (r.stoppedEarly) lines.push(`    stopped early, the next run resumes: ${r.stoppedEarly}`);
  const fix = step.fix;
  if (fix && fix.outcome !== 'none') {
    const pr = fix.pr ? ` #${fix.pr.number}` : '';
    lines.push(`    formatting fixes (${fix.fixes}): pull request${pr} ${fix.outcome}${fix.detail ? `: ${fix.detail}` : ''}`);
  }
  return lines;
}
