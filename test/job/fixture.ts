import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { LedgerEntries } from '../../src/notify/ledger.js';
import { makeRepo, page } from '../helpers/temp-repo.js';

/** Every run in this folder is on a fixed day. */
export const TODAY = '2026-06-01';

export const HOSTILE_TITLE = 'Carcinoid <script>alert(1)</script> syndrome';

/**
 * Overdue pages are lint errors by default, which would make every run exit 1;
 * as a warning the exit code tells only about mail. No retries keeps failures fast.
 */
export const CONFIG = `rules:
  review-overdue: warning
mail:
  retries: 0
repository:
  url: https://git.example.org/nets/content
`;

/**
 * Pages at different milestones on TODAY:
 * - overdue (2026-05-20, overdue-8): owner jsmith, reviewer net-clinical, escalation content-lead
 * - soon (2026-06-20, before-30) and later (2026-08-15, before-90): owner jsmith
 * - calm (2027-06-01): no milestone yet
 */
export const PAGES: Record<string, string> = {
  'content/pages/overdue.md': page({ title: HOSTILE_TITLE, next_review: '2026-05-20', reviewers: '[net-clinical]' }),
  'content/pages/soon.md': page({ title: 'Living with NET', next_review: '2026-06-20' }),
  'content/pages/later.md': page({ title: 'Diet after surgery', next_review: '2026-08-15' }),
  'content/pages/calm.md': page({ title: 'Calm page', next_review: '2027-06-01' }),
};

/** What TODAY's first run sends: one digest per recipient, in the order the job sends them. */
export const EXPECTED = [
  { handle: 'content-lead', email: 'sam.patel@example.org', subject: '[pagecare] 1 page due for review (1 overdue)' },
  { handle: 'jsmith', email: 'jo.smith@example.org', subject: '[pagecare] 3 pages due for review (1 overdue)' },
  { handle: 'net-clinical', email: 'nets@example.org', subject: '[pagecare] 1 page due for review (1 overdue)' },
] as const;

/** The ledger keys TODAY's first run records. */
export const EXPECTED_KEYS = [
  'later|2026-08-15|before-90|jsmith',
  'overdue|2026-05-20|overdue-8|content-lead',
  'overdue|2026-05-20|overdue-8|jsmith',
  'overdue|2026-05-20|overdue-8|net-clinical',
  'soon|2026-06-20|before-30|jsmith',
];

/** A content repository with the standard pages (override or add files by path). */
export function jobRepo(files: Record<string, string> = {}): string {
  return makeRepo({ 'pagecare.config.yml': CONFIG, ...PAGES, ...files });
}

export function ledgerFile(root: string): string {
  return path.join(root, '.pagecare', 'ledger.json');
}

export function readLedger(root: string): LedgerEntries {
  const file = ledgerFile(root);
  if (!existsSync(file)) return {};
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: LedgerEntries }).entries;
}

export function outbox(root: string): string[] {
  const dir = path.join(root, 'reports', 'outbox');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.eml')).sort() : [];
}

export async function parseOutbox(root: string): Promise<Array<{ file: string; mail: ParsedMail }>> {
  return Promise.all(
    outbox(root).map(async (file) => ({ file, mail: await simpleParser(readFileSync(path.join(root, 'reports', 'outbox', file))) })),
  );
}

/** Every file under `dir`, relative, excluding `.git`. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes('.git'))
    .sort();
}

/** Replace one front-matter line of a page in place. */
export function setFrontMatter(root: string, file: string, key: string, value: string): void {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  const next = text.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`);
  if (next === text) throw new Error(`${file} has no ${key} line to change`);
  writeFileSync(full, next);
}

export function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((address) => address.value.map((v) => v.address ?? ''));
}
