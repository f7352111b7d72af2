import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { lint } from '../lint/engine.js';
import { formatFindings } from '../lint/reporters/index.js';
import { summarize } from '../lint/reporters/summary.js';
import { VERSION } from '../version.js';
import { parseTodayOption } from './options.js';

/** The main job on a content repository: for now, lint and write the lint reports under reports/. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run the whole job: lint the content and write reports/')
    .option('--today <date>', 'treat this date (YYYY-MM-DD) as today (also PAGECARE_TODAY)', parseTodayOption)
    .option('-c, --config <file>', 'config file')
    .option('--reports <dir>', 'where to write reports', 'reports')
    .action(async (flags: { today?: string; config?: string; reports: string }) => {
      const result = await lint({ cwd: process.cwd(), configPath: flags.config, today: flags.today });
      const reports = path.resolve(result.context.config.root, flags.reports);
      await mkdir(reports, { recursive: true });
      const input = { findings: result.findings, files: result.files, version: VERSION, color: false };
      await writeFile(path.join(reports, 'lint.json'), formatFindings('json', input));
      await writeFile(path.join(reports, 'lint.sarif'), formatFindings('sarif', input));
      const summary = summarize(result.findings, result.files);
      const shown = path.relative(process.cwd(), reports) || '.';
      process.stdout.write(
        `pagecare run (today ${result.context.today.toString()}): ${summary.files} files checked, ` +
          `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos\n` +
          `  reports: ${shown}/lint.json, ${shown}/lint.sarif\n`,
      );
      if (summary.errors > 0) process.exitCode = 1;
    });
}
