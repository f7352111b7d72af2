import path from 'node:path';
import { loadContext } from '../lint/load-context.js';
import type { Summary } from '../lint/reporters/summary.js';
import { createLedger } from '../notify/create-ledger.js';
import type { SendReport } from '../notify/send-reminders.js';
import { writeReports } from '../reports/write-reports.js';
import { loadCorpus } from '../review/corpus.js';
import { planReview, type Plan } from '../review/plan.js';
import type { PlainDate } from '../time/calendar-date.js';
import { cachedMetrics } from './cached-metrics.js';
import { countFindings, lintStep } from './lint-step.js';
import { pullRequestStep, type PullRequestStep } from './pull-request-step.js';
import { remindStep } from './remind-step.js';

export interface JobOptions {
  cwd: string;
  configPath?: string | undefined;
  today?: string | undefined;
  /** Which steps run: `pagecare run` takes them all. */
  steps: { lint: boolean; reports: boolean; remind: boolean; pullRequests?: boolean };
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  /** Overrides `ledger.store` (the scheduled workflow keeps the ledger in git). */
  ledgerStore?: 'file' | 'git' | undefined;
  signal?: AbortSignal;
  /** Progress lines from the outside services (rate-limit waits, refused reviewers). */
  log?: (line: string) => void;
}

export interface JobResult {
  today: PlainDate;
  root: string;
  plan: Plan;
  lint: Summary | undefined;
  /** Absolute paths of the files written. */
  written: string[];
  send: SendReport | undefined;
  mailer: string | undefined;
  ledger: string | undefined;
  pullRequests: PullRequestStep | undefined;
}

/**
 * The main job: lint, plan, write reports, send reminders, maintain review
 * pull requests. Reading and planning are pure; every effect happens in the
 * steps after the plan exists, and `dryRun` stops before any of them.
 */
export async function runJob(options: JobOptions): Promise<JobResult> {
  const context = await loadContext(options);
  const { config, index, today } = context;
  const root = config.root;
  const reportsDir = path.resolve(root, config.config.reports.dir);

  const linted = options.steps.lint ? await lintStep(options.cwd, context, reportsDir, options.dryRun) : undefined;
  const written = [...(linted?.written ?? [])];

  const ledgerConfig = { ...config.config.ledger, ...(options.ledgerStore ? { store: options.ledgerStore } : {}) };
  const ledger = createLedger({ ledger: ledgerConfig }, root);
  // Reading ages need a Markdown parse, which planning never does: `run` has them from its lint;
  // `review` takes them from the lint cache for pages unchanged since the last lint.
  const writesReports = options.steps.reports && !options.dryRun;
  const metrics = linted?.metrics ?? (writesReports ? await cachedMetrics(config, index.data.content) : undefined);
  const plan = planReview({
    corpus: loadCorpus(config, index.data.content),
    policy: config.policy,
    today,
    editors: index.data.editors,
    escalation: index.data.escalation,
    sent: new Set(Object.keys(await ledger.load())),
    findings: linted && countFindings(linted.byPath),
    metrics,
  });

  const result: JobResult = {
    today,
    root,
    plan,
    lint: linted?.summary,
    written,
    send: undefined,
    mailer: undefined,
    ledger: ledger.description,
    pullRequests: undefined,
  };
  if (options.dryRun) return result;

  if (writesReports) {
    const links = { repositoryUrl: config.config.repository.url, branch: config.config.repository.branch };
    written.push(...Object.values(await writeReports(reportsDir, plan, links)));
  }
  if (options.steps.remind) {
    const sent = await remindStep({ plan, config, ledger, env: options.env, signal: options.signal });
    result.send = sent.report;
    result.mailer = sent.mailer;
  }
  if (options.steps.pullRequests && !options.signal?.aborted) {
    result.pullRequests = await pullRequestStep({
      plan,
      config,
      index,
      findings: linted?.byPath ?? new Map(),
      env: options.env,
      log: options.log ?? (() => undefined),
      signal: options.signal,
    });
  }
  return result;
}
