import { Option, type Command } from 'commander';
import type { JobOptions } from '../job/run-job.js';
import { parseTodayOption } from './options.js';
import { writeStdout } from './stdout.js';

interface JobFlags {
  today?: string;
  config?: string;
  dryRun?: boolean;
  ledger?: 'file' | 'git';
}

/** `review`, `remind` and `run` are the same job with different steps switched on. */
export function registerJobCommand(program: Command, name: string, description: string, steps: JobOptions['steps']): void {
  program
    .command(name)
    .description(description)
    .option('--today <date>', 'treat this date (YYYY-MM-DD) as today (also PAGECARE_TODAY)', parseTodayOption)
    .option('-c, --config <file>', 'config file')
    .option('-n, --dry-run', 'print the plan and touch nothing: no reports, no mail, no ledger')
    .addOption(new Option('--ledger <store>', 'where sent reminders are recorded (overrides ledger.store)').choices(['file', 'git']))
    .action(async (flags: JobFlags) => {
      const dryRun = Boolean(flags.dryRun);
      // SIGTERM (a cancelled CI job) lets the current send finish and be recorded, then stops.
      const controller = new AbortController();
      const stop = () => {
        process.stderr.write('pagecare: stopping after the current send\n');
        controller.abort();
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      // Loaded on use: the job pulls in mail, calendar and GitHub clients a `lint` never needs.
      const [{ runJob }, { formatPlan }, { formatJobSummary }] = await Promise.all([
        import('../job/run-job.js'),
        import('../review/format-plan.js'),
        import('./job-summary.js'),
      ]);
      const result = await runJob({
        cwd: process.cwd(),
        configPath: flags.config,
        today: flags.today,
        steps,
        dryRun,
        env: process.env,
        ledgerStore: flags.ledger,
        signal: controller.signal,
        log: (line) => process.stderr.write(`pagecare: ${line}\n`),
      }).finally(() => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
      });
      await writeStdout([...(dryRun ? [formatPlan(result.plan)] : []), formatJobSummary(result, process.cwd(), dryRun)]);
      const failed =
        (result.send?.failed.length ?? 0) +
        (result.pullRequests?.report?.failed.length ?? 0) +
        (result.pullRequests?.fix?.outcome === 'failed' ? 1 : 0);
      if ((result.lint?.errors ?? 0) > 0 || failed > 0) process.exitCode = 1;
    });
}
