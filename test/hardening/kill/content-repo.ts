import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLedger } from '../../../src/notify/ledger-file.js';
import type { LedgerEntries } from '../../../src/notify/ledger.js';
import { createLocalForge } from '../../../src/forge/local-forge.js';
import { BASE_CONFIG, EDITORS, PAGES } from '../../job/pull-requests/fixture.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';
import { git } from '../../notify/ledger/git-repos.js';

/** Every run here is on one day. */
export const TODAY = '2026-06-01';

/** Where each editor's mail goes, from EDITORS. */
export const EMAIL: Record<string, string> = {
  jsmith: 'jo.smith@example.org',
  ann: 'ann.lee@example.org',
  'net-clinical': 'nets@example.org',
  'content-lead': 'sam.patel@example.org',
};

/**
 * The pull-request fixture's pages plus one Ann owns: four recipients, seven
 * reminders, three pages inside the pull-request window.
 */
export const KILL_PAGES: Record<string, string> = {
  ...PAGES,
  'content/pages/diet.md': page({ title: 'Eating well', owner: 'ann', next_review: '2026-06-25' }),
};

/** A content repository with no remote (the local forge), its pages committed on main. */
export function localContentRepo(config = ''): string {
  const root = makeRepo({
    'pagecare.config.yml': `${BASE_CONFIG}${config}`,
    'content/editors.yml': EDITORS,
    '.gitignore': 'reports/\n.pagecare/\n.pagecare-cache/\n',
    ...KILL_PAGES,
  });
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'content');
  return root;
}

/** The file ledger, read and validated by pagecare's own parser (throws on a torn or foreign document). */
export function loadLedger(root: string): LedgerEntries {
  const file = path.join(root, '.pagecare', 'ledger.json');
  return existsSync(file) ? parseLedger(readFileSync(file, 'utf8'), file) : {};
}

export interface LocalPull {
  number: number;
  branch: string;
  title: string;
  state: 'open' | 'closed';
  labels: string[];
  reviewers: string[];
  comments: string[];
}

/** The local forge's pull requests, after the forge itself has read and validated its state file. */
export async function localPulls(root: string): Promise<LocalPull[]> {
  const dir = 'reports/pull-requests';
  await createLocalForge({ root, dir }).listOpenPullRequests('');
  const file = path.join(root, dir, 'state.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pullRequests: LocalPull[] }).pullRequests : [];
}

/** Every JSON file the job writes under reports/ (pull-request state aside), each of which must parse. */
export function reportJsonFiles(root: string): string[] {
  return ['reports/lint.json', 'reports/lint.sarif', 'reports/review-schedule.json'].filter((file) => existsSync(path.join(root, file)));
}
