import { UsageError } from '../config/config-error.js';
import { TodayError } from '../time/today.js';

/** The one place errors become exit codes: 2 means the command itself could not run. */
export function exitWith(error: unknown): void {
  if (error instanceof UsageError || error instanceof TodayError) {
    process.stderr.write(`pagecare: ${error.message}\n`);
  } else {
    const detail = process.env.PAGECARE_DEBUG ? `\n${(error as Error).stack ?? ''}` : '';
    process.stderr.write(`pagecare: internal error: ${(error as Error).message ?? String(error)}${detail}\n`);
  }
  process.exitCode = 2;
}
