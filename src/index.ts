/**
 * pagecare as a library (`import { lint } from 'pagecare'`): lint a content
 * repository and format its findings, as `pagecare lint` does. The preset for
 * remark is `pagecare/preset`.
 */
export { lint, type LintOptions, type LintResult } from './lint/engine.js';
export { FORMATS, formatFindings, type Format, type FormatInput } from './lint/reporters/index.js';
export type { Finding } from './lint/finding.js';
export { VERSION } from './version.js';
