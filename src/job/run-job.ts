import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lint } from '../lint/engine.js';
import type { Finding } from '../lint/finding.js';
import { loadContext } from '../lint/load-context.js';
import { formatFindings } from '../lint/reporters/index.js';
import { summarize, type Summary } from '../lint/reporters/summary.js';
import { createLedger } from '../notify/create-ledger.js';
import { createMailer, mailFrom } from '../notify/create-mailer.js';
import { renderDigest } from '../notify/digest.js';
import { withLedgerLock } from '../notify/ledger-file.js';
import { sendReminders, type SendReport } from '../notify/send-reminders.js';
import { writeReports } from '../reports/write-reports.js';
import { loadCorpus } from '../review/corpus.js';
import { planReview, type FindingCounts, type Plan } from '../review/plan.js';
import type { PlainDate } from '../time/calendar-date.js';
import { VERSION } from '../version.js';

export interface JobOptions {
  cwd: string;
  configPath?: string | undefined;
  today?: string | undefined;
  /** Which steps run: `pagecare run` takes all three. */
  steps: { lint: boolean; reports: boolean; remind: boolean };
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  /** Overrides `ledger.store` (the scheduled workflow keeps the ledger in git). */
  ledgerStore?: 'file' | 'git' | undefined;
  signal?: AbortSignal;
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
}

/**
 * The main job: lint, plan, write reports, send reminders. Reading and
 * planning are pure; every effect happens here, once the plan exists, and
 * `dryRun` stops before any of them.
 */
export async function runJob(options: JobOptions): Promise<JobResult> {
  const context = await loadContext(options);
  const { config, index, today } = context;
  const root = config.root;
  const reportsDir = path.resolve(root, config.config.reports.dir);
  const written: string[] = [];

  let lintSummary: Summary | undefined;
  let counts: Map<string, FindingCounts> | undefined;
  if (options.steps.lint) {
    const result = await lint({ cwd: options.cwd, context });
    lintSummary = summarize(result.findings, result.files);
    counts = countByPath(result.files, result.findings, options.cwd, root);
    if (!options.dryRun) {
      await mkdir(reportsDir, { recursive: true });
      const input = { findings: result.findings, files: result.files, version: VERSION, color: false };
      for (const [name, format] of [['lint.json', 'json'], ['lint.sarif', 'sarif']] as const) {
        await writeFile(path.join(reportsDir, name), formatFindings(format, input));
        written.push(path.join(reportsDir, name));
      }
    }
  }

  const ledgerConfig = { ...config.config.ledger, ...(options.ledgerStore ? { store: options.ledgerStore } : {}) };
  const ledger = createLedger({ ledger: ledgerConfig }, root);
  const corpus = await loadCorpus(config, index.data.content);
  const plan = planReview({
    corpus,
    policy: config.policy,
    today,
    editors: index.data.editors,
    escalation: index.data.escalation,
    sent: new Set(Object.keys(await ledger.load())),
    findings: counts,
  });

  const reportOptions = { repositoryUrl: config.config.repository.url, branch: config.config.repository.branch };
  if (options.steps.reports && !options.dryRun) {
    written.push(...Object.values(await writeReports(reportsDir, plan, reportOptions)));
  }

  let send: SendReport | undefined;
  let mailerDescription: string | undefined;
  if (options.steps.remind && !options.dryRun) {
    const mailer = createMailer(options.env, config, () => today.toString());
    mailerDescription = mailer.description;
    const from = mailFrom(options.env, config);
    const lockDir = path.dirname(path.resolve(root, config.config.ledger.file));
    try {
      send = await withLedgerLock(lockDir, async () => {
        const report = await sendReminders({
          plan,
          mailer,
          ledger,
          render: (digest) => renderDigest(digest, { today, ...reportOptions, from }),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        // Keys of a next_review that has moved on can never be sent again.
        const live = new Set(plan.schedule.map((entry) => `${entry.id}|${entry.nextReview.toString()}|`));
        await ledger.prune((key) => live.has(key.slice(0, key.indexOf('|', key.indexOf('|') + 1) + 1)));
        return report;
      });
    } finally {
      await mailer.close();
    }
  }

  return { today, root, plan, lint: lintSummary, written, send, mailer: mailerDescription, ledger: ledger.description };
}

/** Lint counts per root-relative page path, for the digests and reports. */
function countByPath(files: readonly string[], findings: readonly Finding[], cwd: string, root: string): Map<string, FindingCounts> {
  const key = (file: string) => path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
  const counts = new Map<string, FindingCounts>(files.map((file) => [key(file), { errors: 0, warnings: 0, infos: 0 }]));
  for (const finding of findings) {
    const entry = counts.get(key(finding.file)) ?? { errors: 0, warnings: 0, infos: 0 };
    if (finding.severity === 'error') entry.errors++;
    else if (finding.severity === 'warning') entry.warnings++;
    else entry.infos++;
    counts.set(key(finding.file), entry);
  }
  return counts;
}
