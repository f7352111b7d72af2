import type { Finding } from '../finding.js';

/** Counts for one lint run, in the order of the JSON contract (`files`, `errors`, `warnings`, `infos`). */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Count findings by severity; `files` is the list of files checked (or its length). */
export function summarize(findings: readonly Finding[], files: readonly string[] | number): Summary {
  const summary: Summary = { files: typeof files === 'number' ? files : files.length, errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** `1 error`, `2 errors`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
