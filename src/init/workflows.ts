/**
 * The two GitHub workflows, for pagecare's own repository (which runs its
 * checkout, `node bin/pagecare.js`) and for a content repository that
 * installs pagecare (`npx --no pagecare`, never fetched on the fly): one
 * text, so they cannot drift. `.github/workflows/` holds the first rendering;
 * a test fails if it differs.
 */

/** How a workflow step runs pagecare. */
export const PAGECARE_IN_ITS_OWN_REPOSITORY = 'node bin/pagecare.js';
export const PAGECARE_INSTALLED = 'npx --no pagecare';

export function contentCheckWorkflow(pagecare: string): string {
  return `# Lints changed content on every pull request: annotations on the diff, a job
# summary, and SARIF for code scanning. Runs only trusted code from the base
# and PR head checkout; no pull_request_target, no secrets.
name: Content check

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

concurrency:
  group: content-check-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  lint:
    name: pagecare lint
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
      security-events: write # upload SARIF to code scanning
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
          fetch-depth: 0 # --changed compares against the base branch
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      # Results are keyed on content hashes, so a cache restored on a fresh runner is safe to reuse.
      - name: Restore the lint cache
        uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3
        with:
          path: .pagecare-cache
          key: pagecare-lint-\${{ runner.os }}-\${{ github.sha }}
          restore-keys: pagecare-lint-\${{ runner.os }}-
      - name: Lint what the pull request changed (annotations and job summary)
        if: \${{ github.event_name == 'pull_request' }}
        env:
          BASE_REF: \${{ github.base_ref }}
        run: ${pagecare} lint --changed "origin/$BASE_REF" --format github
      - name: Lint everything (annotations and job summary)
        if: \${{ github.event_name != 'pull_request' }}
        run: ${pagecare} lint --format github
      - name: Lint everything (SARIF for code scanning)
        if: \${{ !cancelled() }}
        run: ${pagecare} lint --format sarif --output reports/lint.sarif || test $? -eq 1
      - name: Upload SARIF
        if: \${{ !cancelled() }}
        uses: github/codeql-action/upload-sarif@5d4e8d1aca955e8d8589aabd499c5cae939e33c7 # v4.31.9
        with:
          sarif_file: reports/lint.sarif
          category: pagecare
`;
}

export function reviewCycleWorkflow(pagecare: string): string {
  return `# The scheduled review cycle: lint, write the schedule reports, email what
# falls due, open and maintain the review pull requests. The reminder ledger is
# kept on the pagecare/ledger branch of this repository, so a fresh runner knows
# what earlier runs sent.
name: Review cycle

on:
  schedule:
    # 07:00 UTC on weekdays: 07:00 in London in winter (GMT), 08:00 in summer (BST).
    - cron: '0 7 * * 1-5'
  workflow_dispatch:
    inputs:
      dry-run:
        description: Print the plan only; send nothing and push nothing
        type: boolean
        default: false

permissions:
  contents: read

# Two runs never overlap: a second one waits for the first.
concurrency:
  group: review-cycle
  cancel-in-progress: false

jobs:
  review:
    name: pagecare run
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: write # push the ledger branch and the review branches
      pull-requests: write # open and maintain the review pull requests
      issues: write # the dashboard issue and pull request labels
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Run the review cycle
        env:
          PAGECARE_SMTP_URL: \${{ secrets.PAGECARE_SMTP_URL }}
          PAGECARE_MAIL_FROM: \${{ secrets.PAGECARE_MAIL_FROM }}
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
          DRY_RUN: \${{ inputs.dry-run }}
        run: |
          if [ "$DRY_RUN" = "true" ]; then
            ${pagecare} run --dry-run
          else
            ${pagecare} run --ledger git
          fi
      - name: Keep the reports
        if: \${{ !cancelled() }}
        uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        with:
          name: review-reports
          path: reports/
          retention-days: 30
`;
}
