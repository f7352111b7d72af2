import * as z from '../zod.js';
import { RULE_IDS, SEVERITIES } from '../rules/catalog.js';
import { RULE_OPTIONS } from '../rules/options.js';
import { parseSize, parseTimeBudget } from '../lint/limits.js';
import { parseDuration } from '../time/duration.js';
import { isValidTimeZone } from '../time/today.js';

/** `schema`, or `fallback` when the key is left out; `description` is for the JSON Schema. */
const withDefault = <T extends z.core.SomeType>(schema: T, fallback: z.core.util.NoUndefined<z.output<T>>, description: string) =>
  z._default(schema, fallback).check(z.meta({ description }));

const duration = (fallback: string, description: string) =>
  withDefault(
    z.string().check(
      z.superRefine((value, ctx) => {
        const parsed = parseDuration(value);
        if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
      }),
    ),
    fallback,
    `${description} (ISO 8601 duration, default ${fallback})`,
  );

/** A positive number or a string `parse` accepts (a size or a time budget). */
const limit = (parse: (value: number | string) => number | string, fallback: string, description: string) =>
  withDefault(
    z.union([z.int().check(z.positive()), z.string()]).check(
      z.superRefine((value, ctx) => {
        const parsed = parse(value);
        if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
        else if (parsed <= 0) ctx.addIssue({ code: 'custom', message: `expected more than zero, got \`${value}\`` });
      }),
    ),
    fallback,
    `${description}, default ${fallback}`,
  );

const timeZone = z.string().check(z.refine(isValidTimeZone, { message: 'expected an IANA time zone such as Europe/London' }));

const severity = z.enum(SEVERITIES);
/** `severity` or `[severity, options]`; a rule's declared options are checked, other rules' are passed on as given. */
const ruleSetting = (id: (typeof RULE_IDS)[number]) =>
  z.union([severity, z.tuple([severity, RULE_OPTIONS[id] ?? z.record(z.string(), z.unknown())])]);

export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  timezone: withDefault(timeZone, 'Europe/London', 'Time zone whose calendar dates the review dates are in'),
  content: z.prefault(
    z.strictObject({
      root: withDefault(z.string(), 'content', 'Folder whose files relative links may point to'),
      pages: z._default(z.array(z.string()).check(z.minLength(1)), ['content/pages/**/*.md']),
      glossary: z._default(z.string(), 'content/glossary'),
      editors: z._default(z.string(), 'content/editors.yml'),
      ignore: withDefault(z.array(z.string()), [], 'Glob patterns of files to leave out'),
    }),
    {},
  ),
  policy: z.prefault(
    z.strictObject({
      maxInterval: duration('P3Y', 'Longest allowed time between last_reviewed and next_review'),
      dueSoon: duration('P90D', 'Warning window before next_review'),
      staleAfter: duration('P10Y', 'Age after which a reference is flagged for attention'),
      upcoming: duration('P6M', 'Window before next_review in which a page counts as upcoming'),
      reminders: z.prefault(
        z.strictObject({
          before: withDefault(z.array(z.int().check(z.positive())), [90, 30, 7], 'Days before next_review on which owners are reminded'),
          overdueEvery: withDefault(z.int().check(z.positive()), 7, 'Days between reminders while overdue'),
        }),
        {},
      ),
    }),
    {},
  ),
  repository: z.prefault(
    z.strictObject({
      url: z.optional(z.url({ protocol: /^https?$/ })).check(z.meta({ description: 'Web address of the content repository, for links in emails and reports' })),
      branch: withDefault(z.string(), 'main', 'The base branch pages are published from'),
      remote: withDefault(z.string(), 'origin', 'The git remote review branches are pushed to (GitHub forge)'),
    }),
    {},
  ),
  reports: z.prefault(z.strictObject({ dir: withDefault(z.string(), 'reports', 'Where reports are written') }), {}),
  lint: z.prefault(
    z.strictObject({
      maxFileSize: limit(parseSize, '1MB', 'Largest file checked in full; a larger one is a file-too-complex finding and only its front matter is checked (bytes, or a size such as 512KB or 5MB)'),
      timeBudget: limit(parseTimeBudget, 'PT10S', 'Longest one file may take to check before it is stopped and reported as file-too-complex (milliseconds, or an ISO 8601 duration such as PT10S)'),
    }),
    {},
  ),
  mail: z.prefault(
    z.strictObject({
      from: z.optional(z.string()).check(z.meta({ description: 'Sender; PAGECARE_MAIL_FROM overrides it' })),
      outbox: withDefault(z.string(), 'reports/outbox', 'Folder of .eml files when no SMTP server is set'),
      retries: withDefault(z.int().check(z.minimum(0), z.maximum(10)), 3, 'Retries of a transient SMTP failure'),
    }),
    {},
  ),
  ledger: z.prefault(
    z.strictObject({
      store: withDefault(z.enum(['file', 'git']), 'file', 'file: a local JSON file; git: a branch pushed back to the remote (for CI)'),
      file: z._default(z.string(), '.pagecare/ledger.json'),
      branch: z._default(z.string(), 'pagecare/ledger'),
      remote: z._default(z.string(), 'origin'),
    }),
    {},
  ),
  pullRequests: z.prefault(
    z.strictObject({
      enabled: withDefault(z.boolean(), true, 'Open review pull requests for pages due'),
      forge: withDefault(z.enum(['auto', 'github', 'local']), 'auto', 'auto: GitHub when GITHUB_TOKEN and GITHUB_REPOSITORY are set, else the local forge'),
      window: duration('P30D', 'Open a review pull request this long before next_review (and for overdue pages)'),
      maxOpen: withDefault(z.int().check(z.minimum(0)), 10, 'Most review pull requests open at once'),
      perRun: withDefault(z.int().check(z.minimum(0)), 3, 'Most review pull requests created per run'),
      labels: z._default(z.array(z.string().check(z.minLength(1))), ['content-review']),
      fixFormatting: withDefault(z.boolean(), true, 'Open one pagecare/fix-formatting pull request with the safe fixes'),
    }),
    {},
  ),
  dashboard: withDefault(z.boolean(), false, 'Keep a "Content review dashboard" issue up to date'),
  schedule: z.prefault(
    z.strictObject({
      cron: withDefault(z.string(), '0 8 * * 1-5', 'When `pagecare schedule` runs the job (cron syntax)'),
      timezone: z._default(timeZone, 'Europe/London'),
    }),
    {},
  ),
  rules: withDefault(
    z.strictObject(Object.fromEntries(RULE_IDS.map((id) => [id, z.optional(ruleSetting(id))])) as Record<(typeof RULE_IDS)[number], z.ZodMiniOptional<ReturnType<typeof ruleSetting>>>),
    {},
    'Per-rule severity (off, info, warning, error) or [severity, options]',
  ),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
