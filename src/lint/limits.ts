import type { Config } from '../config/schema.js';

/** How much one file may cost to check; past either limit the file becomes a `file-too-complex` finding. */
export interface LintLimits {
  /** Bytes; a larger file is not parsed, only its front matter is checked. */
  maxFileSize: number;
  /** Milliseconds one file may take on a worker thread before the worker is stopped. */
  timeBudgetMs: number;
}

const SIZE = /^(\d+(?:\.\d+)?) ?(B|KB|MB|GB)$/i;
const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
/** ISO 8601 durations of hours, minutes and seconds only: a budget is never months long. */
const TIME = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/;

/** Bytes from `5242880` or `5MB` (binary units), or an error message. */
export function parseSize(value: number | string): number | string {
  if (typeof value === 'number') return value;
  const match = SIZE.exec(value.trim());
  if (!match) return `expected a size in bytes or such as 512KB or 5MB, got \`${value}\``;
  return Math.round(Number(match[1]) * UNITS[match[2]!.toUpperCase()]!);
}

/** Milliseconds from `10000` or an ISO 8601 duration such as `PT10S`, or an error message. */
export function parseTimeBudget(value: number | string): number | string {
  if (typeof value === 'number') return value;
  const match = TIME.exec(value.trim());
  if (!match) return `expected milliseconds or an ISO 8601 duration such as PT10S, got \`${value}\``;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Math.round((Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000);
}

export function lintLimits(config: Config): LintLimits {
  return {
    maxFileSize: parseSize(config.lint.maxFileSize) as number,
    timeBudgetMs: parseTimeBudget(config.lint.timeBudget) as number,
  };
}

/** `52428800` as `50.0 MB`, for messages. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
