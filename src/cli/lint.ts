import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { lint, lintTargets } from '../lint/engine.js';
import { loadConfig } from '../config/load-config.js';
import { loadContext } from '../lint/load-context.js';
import { parseShard, type Shard } from '../lint/shard.js';
import { createProgress } from './progress.js';
import { writeStdout } from './stdout.js';
import { FORMATS, formatFindingsInPieces, type Format } from '../lint/reporters/index.js';
import { githubStepSummary } from '../lint/reporters/github.js';
import { summarize, type Summary } from '../lint/reporters/summary.js';
import { replayRun, RunRecorder, type Replay, type RunRequest } from '../lint/run-record.js';
import type { LintContext } from '../lint/context.js';
import { relativeTo } from '../content/repo-path.js';
import { VERSION } from '../version.js';
import { parseCount, parseTodayOption, useColor } from './options.js';

interface LintFlags {
  format: Format;
  today?: string;
  config?: string;
  quiet?: boolean;
  maxWarnings?: number;
  output?: string;
  cache: boolean;
  changed?: string | true;
  shard?: Shard;
}

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('Check pages and glossary entries against the content contract')
    .argument('[paths...]', 'files, folders or globs (default: the pages and glossary the config names)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('--today <date>', 'treat this date (YYYY-MM-DD) as today (also PAGECARE_TODAY)', parseTodayOption)
    .option('-c, --config <file>', 'config file (default: pagecare.config.yml in the repository root)')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--no-cache', 'ignore and do not write .pagecare-cache/')
    .option('--changed [base]', 'lint only pages changed against base (default: repository.branch) and the pages that depend on them')
    .option('--shard <i/n>', 'lint the i-th of n deterministic parts (for a CI matrix; combine with `pagecare merge`)', parseShard)
    .action(async (paths: string[], flags: LintFlags) => {
      const cwd = process.cwd();
      const config = loadConfig({ cwd, configPath: flags.config });
      const base = flags.changed === undefined ? undefined : flags.changed === true ? config.config.repository.branch : flags.changed;
      // Git starts before the index is built, to work beside it.
      const selecting = base === undefined ? undefined : (await import('./lint-changed.js')).startChangedSelection(config, base);
      let context = await loadContext({ cwd, config, today: flags.today });
      const color = !flags.output && useColor(process.stdout);
      const request: RunRequest = { cwd, format: flags.format, quiet: flags.quiet === true, color, shard: flags.shard && `${flags.shard.index}/${flags.shard.count}` };
      // A changed-files run depends on git as well: it is neither recorded nor replayed.
      const replayable = flags.cache && flags.changed === undefined;
      if (replayable) {
        const replay = await lastReport(context, { cwd, paths, shard: flags.shard }, request);
        if (replay) return conclude(flags, [replay.output], replay.summary, replay.stepSummary);
      }
      let files: string[] | undefined;
      if (selecting) ({ files, context } = await selecting(context));
      const progress = createProgress(process.stderr, 'pagecare lint:');
      const result = await lint({
        cwd,
        context,
        paths,
        ...(files ? { files } : {}),
        shard: flags.shard,
        cache: flags.cache,
        onProgress: flags.quiet ? undefined : (done, total) => progress.update(done, total),
      }).finally(() => progress.finish());
      const findings = flags.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
      const pieces = formatFindingsInPieces(flags.format, { findings, files: result.files, version: VERSION, color });
      const summary = summarize(result.findings, result.files);
      const stepSummary = flags.format === 'github' ? githubStepSummary(findings, summary) : undefined;
      const recorder = replayable && result.inputs ? RunRecorder.start(context, result.inputs, request, summary, stepSummary) : undefined;
      try {
        await conclude(flags, recorder ? recorder.tee(pieces) : pieces, summary, stepSummary);
      } finally {
        recorder?.finish();
      }
    });
}

/** The last run's report if nothing it rests on changed; its own function, so the list of files is not kept through a lint. */
async function lastReport(context: LintContext, selection: Parameters<typeof lintTargets>[0], request: RunRequest): Promise<Replay | undefined> {
  const root = context.config.root;
  const targets = await lintTargets(selection, context);
  return replayRun(context, targets.map((file) => relativeTo(root, file)), request);
}

/** Write the report, the GitHub step summary when asked for, and set the exit code. */
async function conclude(flags: LintFlags, pieces: Iterable<string | Uint8Array>, summary: Summary, stepSummary: string | undefined): Promise<void> {
  if (flags.output) {
    await mkdir(path.dirname(path.resolve(flags.output)), { recursive: true });
    await writeFile(flags.output, pieces);
  } else {
    await writeStdout(pieces);
  }
  if (stepSummary !== undefined && process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, stepSummary);
  if (summary.errors > 0) process.exitCode = 1;
  else if (flags.maxWarnings !== undefined && summary.warnings > flags.maxWarnings) {
    process.stderr.write(`pagecare: ${summary.warnings} warnings, expected at most ${flags.maxWarnings} (--max-warnings)\n`);
    process.exitCode = 1;
  }
}
