import { z } from 'zod';
import { RULE_IDS, SEVERITIES } from '../rules/catalog.js';
import { RULE_OPTIONS } from '../rules/options.js';
import { parseSize, parseTimeBudget } from '../lint/limits.js';
import { parseDuration } from '../time/duration.js';
import { isValidTimeZone } from '../time/today.js';

const duration = (fallback: string, description: string) =>
  z
    .string()
    .superRefine((value, ctx) => {
      const parsed = parseDuration(value);
      if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
    })
    .default(fallback)
    .meta({ description: `${description} (ISO 8601 duration, default ${fallback})` });

/** A positive number or a string `parse` accepts (a size or a time budget). */
const limit = (parse: (value: number | string) => number | string, fallback: string, description: string) =>
  z
    .union([z.int().positive(), z.string()])
    .superRefine((value, ctx) => {
      const parsed = parse(value);
      if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
      else if (parsed <= 0) ctx.addIssue({ code: 'custom', message: `expected more than zero, got \`${value}\`` });
    })
    .default(fallback)
    .meta({ description: `${description}, default ${fallback}` });

const severity = z.enum(SEVERITIES);
/** `severity` or `[severity, options]`; a rule's declared options are checked, other rules' are passed on as given. */
const ruleSetting = (id: (typeof RULE_IDS)[number]) =>
  z.union([severity, z.tuple([severity, RULE_OPTIONS[id] ?? z.record(z.string(), z.unknown())])]);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  timezone: z
    .string()
    .refine(isValidTimeZone, { message: 'expected an IANA time zone such as Europe/London' })
    .default('Europe/London')
    .meta({ description: 'Time zone whose calendar dates the review dates are in' }),
  content: z
    .strictObject({
      root: z.string().default('content').meta({ description: 'Folder whose files relative links may point to' }),
      pages: z.array(z.string()).min(1).default(['content/pages/**/*.md']),
      glossary: z.string().default('content/glossary'),
      editors: z.string().default('content/editors.yml'),
      ignore: z.array(z.string()).default([]).meta({ description: 'Glob patterns of files to leave out' }),
    })
    .prefault({}),
  policy: z
    .strictObject({
      maxInterval: duration('P3Y', 'Longest allowed time between last_reviewed and next_review'),
      dueSoon: duration('P90D', 'Warning window before next_review'),
      staleAfter: duration('P10Y', 'Age after which a reference is flagged for attention'),
      upcoming: duration('P6M', 'Window before next_review in which a page counts as upcoming'),
      reminders: z
        .strictObject({
          before: z
            .array(z.int().positive())
            .default([90, 30, 7])
            .meta({ description: 'Days before next_review on which owners are reminded' }),
          overdueEvery: z.int().positive().default(7).meta({ description: 'Days between reminders while overdue' }),
        })
        .prefault({}),
    })
    .prefault({}),
  repository: z
    .strictObject({
      url: z
        .url({ protocol: /^https?$/ })
        .optional()
        .meta({ description: 'Web address of the content repository, for links in emails and reports' }),
      branch: z.string().default('main').meta({ description: 'The base branch pages are published from' }),
      remote: z.string().default('origin').meta({ description: 'The git remote review branches are pushed to (GitHub forge)' }),
    })
    .prefault({}),
  reports: z
    .strictObject({ dir: z.string().default('reports').meta({ description: 'Where reports are written' }) })
    .prefault({}),
  lint: z
    .strictObject({
      maxFileSize: limit(parseSize, '1MB', 'Largest file checked in full; a larger one is a file-too-complex finding and only its front matter is checked (bytes, or a size such as 512KB or 5MB)'),
      timeBudget: limit(parseTimeBudget, 'PT10S', 'Longest one file may take to check before it is stopped and reported as file-too-complex (milliseconds, or an ISO 8601 duration such as PT10S)'),
    })
    .prefault({}),
  mail: z
    .strictObject({
      from: z.string().optional().meta({ description: 'Sender; PAGECARE_MAIL_FROM overrides it' }),
      outbox: z.string().default('reports/outbox').meta({ description: 'Folder of .eml files when no SMTP server is set' }),
      retries: z.int().min(0).max(10).default(3).meta({ description: 'Retries of a transient SMTP failure' }),
    })
    .prefault({}),
  ledger: z
    .strictObject({
      store: z
        .enum(['file', 'git'])
        .default('file')
        .meta({ description: 'file: a local JSON file; git: a branch pushed back to the remote (for CI)' }),
      file: z.string().default('.pagecare/ledger.json'),
      branch: z.string().default('pagecare/ledger'),
      remote: z.string().default('origin'),
    })
    .prefault({}),
  pullRequests: z
    .strictObject({
      enabled: z.boolean().default(true).meta({ description: 'Open review pull requests for pages due' }),
      forge: z
        .enum(['auto', 'github', 'local'])
        .default('auto')
        .meta({ description: 'auto: GitHub when GITHUB_TOKEN and GITHUB_REPOSITORY are set, else the local forge' }),
      window: duration('P30D', 'Open a review pull request this long before next_review (and for overdue pages)'),
      maxOpen: z.int().min(0).default(10).meta({ description: 'Most review pull requests open at once' }),
      perRun: z.int().min(0).default(3).meta({ description: 'Most review pull requests created per run' }),
      labels: z.array(z.string().min(1)).default(['content-review']),
      fixFormatting: z
        .boolean()
        .default(true)
        .meta({ description: 'Open one pagecare/fix-formatting pull request with the safe fixes' }),
    })
    .prefault({}),
  dashboard: z.boolean().default(false).meta({ description: 'Keep a "Content review dashboard" issue up to date' }),
  schedule: z
    .strictObject({
      cron: z.string().default('0 8 * * 1-5').meta({ description: 'When `pagecare schedule` runs the job (cron syntax)' }),
      timezone: z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as Europe/London' }).default('Europe/London'),
    })
    .prefault({}),
  rules: z
    .strictObject(Object.fromEntries(RULE_IDS.map((id) => [id, ruleSetting(id).optional()])) as Record<(typeof RULE_IDS)[number], z.ZodOptional<ReturnType<typeof ruleSetting>>>)
    .default({})
    .meta({ description: 'Per-rule severity (off, info, warning, error) or [severity, options]' }),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
