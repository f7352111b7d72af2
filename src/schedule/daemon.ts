import { CronJob, validateCronExpression } from 'cron';
import { UsageError } from '../config/config-error.js';

export interface DaemonOptions {
  cron: string;
  timeZone: string;
  /** One run of the job; it should stop early (between sends) once `signal` aborts. */
  run: (signal: AbortSignal) => Promise<string>;
  log: (line: string) => void;
  now?: () => Date;
}

export interface Daemon {
  /** When the next run is due. */
  next(): Date;
  /** Stop scheduling; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * The long-running scheduler: a `cron` job that never runs two jobs at
 * once (a tick during a run is logged and skipped) and, on stop, lets the
 * current send finish before it returns.
 */
export function startDaemon(options: DaemonOptions): Daemon {
  const check = validateCronExpression(options.cron);
  if (!check.valid) {
    throw new UsageError(`Invalid schedule.cron \`${options.cron}\`: ${check.error?.message ?? 'not a cron expression'}, expected five or six fields such as \`0 8 * * 1-5\``);
  }
  const now = options.now ?? (() => new Date());
  const controller = new AbortController();
  let current: Promise<void> | undefined;

  const tick = () => {
    if (current) {
      options.log(`${now().toISOString()} skipped: the previous run is still in progress`);
      return;
    }
    const started = now();
    current = options
      .run(controller.signal)
      .then(
        (summary) => options.log(`${now().toISOString()} run finished in ${seconds(started, now())}s: ${summary}`),
        (error: unknown) => options.log(`${now().toISOString()} run failed after ${seconds(started, now())}s: ${(error as Error).message}`),
      )
      .finally(() => {
        current = undefined;
      });
  };

  const job = CronJob.from({ cronTime: options.cron, onTick: tick, timeZone: options.timeZone, start: true });
  return {
    next: () => job.nextDate().toJSDate(),
    async stop() {
      job.stop();
      controller.abort();
      await current;
    },
  };
}

function seconds(from: Date, to: Date): string {
  return ((to.getTime() - from.getTime()) / 1000).toFixed(1);
}
