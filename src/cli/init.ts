import path from 'node:path';
import type { Command } from 'commander';
import { parseTodayOption } from './options.js';

interface InitFlags {
  today?: string;
  force?: boolean;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Start a content repository: config, editors, an example page and glossary entry, .remarkrc.mjs and the two workflows')
    .argument('[dir]', 'the repository folder', '.')
    .option('--today <date>', "the example page's review date (YYYY-MM-DD; also PAGECARE_TODAY; default today)", parseTodayOption)
    .option('--force', 'overwrite files that already exist')
    .action(async (dir: string, flags: InitFlags) => {
      const [{ starterFiles, STARTER_TIME_ZONE }, { writeStarter }, { resolveToday }] = await Promise.all([
        import('../init/templates.js'),
        import('../init/write-starter.js'),
        import('../time/today.js'),
      ]);
      const today = resolveToday({ explicit: flags.today, timeZone: STARTER_TIME_ZONE });
      const result = await writeStarter(path.resolve(dir), starterFiles(today), flags.force ?? false);
      process.stdout.write(formatInit(dir, result.written, result.skipped));
    });
}

function formatInit(dir: string, written: string[], skipped: string[]): string {
  const lines = [`pagecare init: wrote ${count(written.length)} in ${dir}`, ...written.map((file) => `  ${file}`)];
  if (skipped.length > 0) {
    lines.push(`skipped ${count(skipped.length)} that already existed (--force overwrites them):`, ...skipped.map((file) => `  ${file}`));
  }
  lines.push(
    'Next:',
    '  npm install --save-dev pagecare   # the workflows run `npm ci` and .remarkrc.mjs imports pagecare/preset',
    '  npx pagecare lint                 # the example lints clean; replace it with your pages',
  );
  return `${lines.join('\n')}\n`;
}

function count(files: number): string {
  return `${files} ${files === 1 ? 'file' : 'files'}`;
}
