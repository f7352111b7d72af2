import { trimEnd } from '../content/repo-path.js';
/** What every schedule report needs besides the plan. */
export interface ReportOptions {
  /** Web address of the content repository (`repository.url`); pages link to it only when set. */
  repositoryUrl?: string | undefined;
  /** The branch pages are published from (`repository.branch`). */
  branch: string;
  /** ISO instant the reports were made, shown when given; left out by default so a rerun the same day writes the same files. */
  generatedAt?: string | undefined;
}

/** The configured repository web address without a trailing slash, or undefined when none is set. */
export function repositoryBase(options: ReportOptions): string | undefined {
  if (!options.repositoryUrl) return undefined;
  const base = new URL(options.repositoryUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new TypeError(`Unexpected repository URL protocol \`${base.protocol}\`, expected http: or https:`);
  }
  return trimEnd(base.href, '/');
}

/**
 * `<repositoryUrl>/blob/<branch>/<path>`, or undefined without a repository URL.
 * Links are built only from the configured URL, never from page content.
 */
export function pageUrl(options: ReportOptions, path: string): string | undefined {
  const base = repositoryBase(options);
  if (!base) return undefined;
  const segments = (value: string) => value.split('/').map(encodeURIComponent).join('/');
  return `${base}/blob/${segments(options.branch)}/${segments(path)}`;
}
