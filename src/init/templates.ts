import { Temporal } from 'temporal-polyfill';
import type { PlainDate } from '../time/calendar-date.js';
import { addDuration } from '../time/duration.js';
import { contentCheckWorkflow, PAGECARE_INSTALLED, reviewCycleWorkflow } from './workflows.js';

/** The review interval the example's dates use: the default `policy.maxInterval`. */
const INTERVAL = Temporal.Duration.from('P3Y');

/** The starter config's time zone: the example's dates are days in its calendar. */
export const STARTER_TIME_ZONE = 'Europe/London';

const CONFIG = `# yaml-language-server: $schema=./node_modules/pagecare/schemas/pagecare.config.schema.json
# pagecare settings. Every key is optional; these are the defaults worth knowing.
# The full list is in pagecare's README, under "Configuration".
timezone: ${STARTER_TIME_ZONE}            # review dates are calendar dates in this zone
policy:
  maxInterval: P3Y                 # review each page at least every 3 years
  dueSoon: P90D                    # warn this long before next_review
  reminders:
    before: [90, 30, 7]            # days before next_review that owners are emailed
    overdueEvery: 7                # then every 7 days while overdue
repository:
  # url: https://github.com/your-org/your-content   # for links in emails and reports
  branch: main                     # the branch pages are published from
mail:
  from: Content team <content@example.org>   # PAGECARE_MAIL_FROM overrides it
pullRequests:
  window: P30D                     # open a review pull request this long before next_review
  perRun: 3
rules:                             # per rule: off | info | warning | error, or [severity, options]
  review-due-soon: warning
`;

const EDITORS = `# yaml-language-server: $schema=../node_modules/pagecare/schemas/editors.schema.json
# Who owns and reviews the pages. Handles are lower-case. \`clinical: true\` marks
# a clinical reviewer: a full review needs one in the page's \`reviewed_by\`.
# Add \`github: their-login\` to have review pull requests request their review.
editors:
  content-lead: { name: Sam Patel, email: sam.patel@example.org }
  jsmith: { name: Jo Smith, email: jo.smith@example.org }
  dr-khan: { name: Dr Aisha Khan, email: aisha.khan@example.org, clinical: true }
escalation: [content-lead]         # told about overdue pages
`;

/** `.remarkrc.mjs`: the preset finds the repository from each page's own path, wherever remark or the editor started. */
export const REMARKRC = `// pagecare's rules in the remark CLI and in editors (the remark extension, pagecare-language-server).
import pagecare from 'pagecare/preset';

export default { plugins: [pagecare] };
`;

const GITIGNORE = `node_modules/
# pagecare's outputs: reports, the file ledger and the lint cache
reports/
.pagecare/
.pagecare-cache/
`;

function examplePage(today: PlainDate): string {
  return `---
title: Getting the flu vaccine
owner: jsmith
reviewers: [dr-khan]
reviewed_by: [dr-khan]
last_reviewed: ${today.toString()}
next_review: ${addDuration(today, INTERVAL).toString()}
references:
  - type: web
    title: Flu vaccine
    publisher: NHS
    url: https://www.nhs.uk/vaccinations/flu-vaccine/
    accessed: ${today.toString()}
---

# Getting the flu vaccine

The flu vaccine helps stop you getting ill with flu.

## Who should have it

Ask your [GP](glossary:gp) if you should have it.
It is free for some people.
You need a new one each year.

## What happens

- A nurse gives you a small jab in your arm.
- It takes a few minutes.
- Your arm may feel sore for a day or two.

## Getting help

Call your GP if you still feel unwell after a few days.
`;
}

function exampleGlossaryEntry(today: PlainDate): string {
  return `---
term: GP
aliases: [family doctor]
owner: jsmith
last_reviewed: ${today.toString()}
next_review: ${addDuration(today, INTERVAL).toString()}
---
A GP is a family doctor. GPs work at a local surgery or health centre.
`;
}

/**
 * Every file \`pagecare init\` writes, by path relative to the repository, for
 * a given today: the example's review dates start today, so the starter lints
 * clean on whatever day it is made.
 */
export function starterFiles(today: PlainDate): Record<string, string> {
  return {
    'pagecare.config.yml': CONFIG,
    'content/editors.yml': EDITORS,
    'content/pages/flu-vaccine.md': examplePage(today),
    'content/glossary/gp.md': exampleGlossaryEntry(today),
    '.remarkrc.mjs': REMARKRC,
    '.gitignore': GITIGNORE,
    '.github/workflows/content-check.yml': contentCheckWorkflow(PAGECARE_INSTALLED),
    '.github/workflows/review-cycle.yml': reviewCycleWorkflow(PAGECARE_INSTALLED),
  };
}
