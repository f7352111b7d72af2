import type { Command } from 'commander';
import { parseTodayOption } from './options.js';
import { writeStdout } from './stdout.js';

interface FixFlags {
  dryRun?: boolean;
  config?: string;
  today?: string;
}

export function registerFix(program: Command): void {
  program
    .command('fix')
    .description('Apply the safe fixes: ISO dates, page ranges, spacing and initials in references')
    .argument('[paths...]', 'files, folders or globs (default: the pages and glossary the config names)')
    .option('--dry-run', 'print the fixes as a unified diff and write nothing')
    .option('-c, --config <file>', 'config file (default: pagecare.config.yml in the repository root)')
    .option('--today <date>', 'treat this date (YYYY-MM-DD) as today when re-checking fixed files (also PAGECARE_TODAY)', parseTodayOption)
    .action(async (paths: string[], flags: FixFlags) => {
      const [{ runFix }, { formatFixSummary }, { formatFixDiff }] = await Promise.all([
        import('../fix/run-fix.js'),
        import('../fix/fix-report.js'),
        import('../fix/unified-diff.js'),
      ]);
      const dryRun = flags.dryRun ?? false;
      const run = await runFix({ cwd: process.cwd(), configPath: flags.config, today: flags.today, paths, dryRun });
      // On a dry run standard output is the diff alone, so it can be piped to `git apply`.
      if (dryRun) {
        await writeStdout([formatFixDiff(run.results, run.show)]);
        process.stderr.write(formatFixSummary(run));
      } else {
        await writeStdout([formatFixSummary(run)]);
      }
    });
}
