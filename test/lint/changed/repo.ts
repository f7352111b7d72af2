import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/config/load-config.js';
import { buildIndex } from '../../../src/content/content-index.js';
import { changedTargets, type ChangedTargets } from '../../../src/lint/changed-files.js';
import { EDITORS, GLOSSARY_CHEMO, makeRepo, page } from '../../helpers/temp-repo.js';
import { git } from '../../notify/ledger/git-repos.js';

export const LYMPH_NODES = `---
term: Lymph nodes
aliases: [lymph node]
owner: jsmith
last_reviewed: 2025-03-18
next_review: 2028-03-18
---
Small glands that filter lymph.
`;

/** Without `reviewed_by`, so only the pages that say so name `net-clinical` (the editors.yml cases count on it). */
const plain = (body: string, front: Partial<Record<string, string>> = {}) => page({ reviewed_by: '', ...front }, `${body}\n`);

/**
 * A content repository with a page for each way one file can depend on
 * another; `main` holds it, and the work tree is on branch `feature`.
 */
export const PAGES: Record<string, string> = {
  'content/glossary/lymph-nodes.md': LYMPH_NODES,
  'content/pages/chemo.md': plain('Some people have [chemo](glossary:chemotherapy).'),
  'content/pages/chemo-reference.md': plain('Some people have [chemo][c].\n\n[c]: Glossary:chemotherapy', { owner: 'content-lead' }),
  'content/pages/lymph.md': plain('Cancer can spread to the [lymph nodes](glossary:lymph-nodes).', { owner: 'content-lead' }),
  'content/pages/surgery.md': plain('# Surgery\n\n## After surgery\n\nRest.', { owner: 'content-lead' }),
  'content/pages/links-surgery.md': plain('Read about [surgery](./surgery.md).', { owner: 'content-lead' }),
  'content/pages/links-surgery-bare.md': plain('Read about [surgery][s].\n\n[s]: surgery', { owner: 'content-lead' }),
  'content/pages/links-surgery-heading.md': plain('See [after surgery](surgery#after-surgery).', { owner: 'content-lead' }),
  'content/pages/reviewed.md': plain('Nothing linked.', { owner: 'content-lead', reviewers: '[net-clinical]' }),
  'content/pages/unrelated.md': plain('Nothing linked.', { owner: 'content-lead' }),
};

export interface Scenario {
  root: string;
  git: (...args: string[]) => string;
  write: (file: string, text: string) => void;
  remove: (file: string) => void;
  changed: (base?: string) => Promise<ChangedTargets>;
}

/** `files` (root-relative) in a repository whose top level is `top` levels above the content root. */
export function scenario(files: Record<string, string> = PAGES, options: { subfolder?: string } = {}): Scenario {
  const top = makeRepo({}, false);
  const root = options.subfolder ? path.join(top, options.subfolder) : top;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const all = { 'content/editors.yml': EDITORS, 'content/glossary/chemotherapy.md': GLOSSARY_CHEMO, ...files };
  for (const [file, text] of Object.entries(all)) write(file, text);
  git(top, 'init', '--quiet', '--initial-branch=main');
  git(top, 'add', '-A');
  git(top, 'commit', '--quiet', '-m', 'content');
  git(top, 'checkout', '--quiet', '-b', 'feature');
  return {
    root,
    git: (...args) => git(root, ...args),
    write,
    remove: (file) => rmSync(path.join(root, file)),
    changed: async (base = 'main') => {
      const config = loadConfig({ cwd: root });
      return changedTargets({ config, index: await buildIndex(config), base });
    },
  };
}
