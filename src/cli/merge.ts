import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../config/config-error.js';
import { MERGE_FORMATS, mergeReports, type MergeFormat } from '../lint/merge-reports.js';
import { writeStdout } from './stdout.js';

interface MergeFlags {
  format?: MergeFormat;
  output?: string;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('Combine the JSON or SARIF reports of a sharded lint run (--shard i/n) into one')
    .argument('<files...>', 'reports written by `pagecare lint --shard i/n --format json|sarif`')
    .addOption(new Option('-f, --format <format>', 'format of the reports (default: detected from them)').choices(MERGE_FORMATS))
    .option('-o, --output <file>', 'write the merged report to a file instead of standard output')
    .action(async (files: string[], flags: MergeFlags) => {
      const inputs = await Promise.all(
        files.map(async (file) => {
          try {
            return { name: file, text: await readFile(file, 'utf8') };
          } catch (error) {
            throw new UsageError(`Cannot read report \`${file}\` (${(error as NodeJS.ErrnoException).code ?? 'error'}), expected a file written by pagecare lint`);
          }
        }),
      );
      const merged = mergeReports(inputs, flags.format);
      if (flags.output) {
        await mkdir(path.dirname(path.resolve(flags.output)), { recursive: true });
        await writeFile(flags.output, merged.text);
      } else {
        await writeStdout([merged.text]);
      }
      if (merged.errors > 0) process.exitCode = 1;
    });
}
