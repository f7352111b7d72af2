import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EDITORS = `editors:
  jsmith: { name: Jo Smith, email: jo.smith@example.org, github: jo-smith }
  net-clinical: { name: NET clinical reviewers, email: nets@example.org, clinical: true }
  content-lead: { name: Sam Patel, email: sam.patel@example.org }
escalation: [content-lead]
`;

export const GLOSSARY_CHEMO = `---
term: Chemotherapy
aliases: [chemo]
owner: jsmith
last_reviewed: 2025-03-18
next_review: 2028-03-18
---
Treatment with medicines that kill cancer cells.
`;

/** A second glossary entry, for pages whose links lean on an entry other than chemotherapy. */
export const GLOSSARY_NET = `---
term: Neuroendocrine tumour
aliases: [NET]
owner: jsmith
last_reviewed: 2025-03-18
next_review: 2028-03-18
---
A growth that starts in cells that make hormones.
`;

/**
 * A page that lints clean on 2026-06-01; pass overrides for the front-matter
 * lines. `reviewed_by` (a review needs its sign-off) comes last, in place of
 * the blank line before the body, so every other line number is as it was
 * before pages carried it.
 */
export function page(front: Partial<Record<string, string>> = {}, body = 'Some people have [chemo](glossary:chemotherapy).\n'): string {
  const fields: Record<string, string> = {
    title: 'A page',
    owner: 'jsmith',
    last_reviewed: '2025-03-18',
    next_review: '2028-03-18',
    references:
      '\n  - type: guideline\n    title: ESMO Clinical Practice Guidelines for neuroendocrine neoplasms\n    authors: M Pavel and others\n    journal: Annals of Oncology\n    year: 2020',
    ...front,
  };
  const { reviewed_by: reviewedBy = '[net-clinical]' } = front;
  delete fields.reviewed_by;
  if (reviewedBy !== '') fields.reviewed_by = reviewedBy;
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}:${value!.startsWith('\n') ? '' : ' '}${value}`);
  return `---\n${lines.join('\n')}\n---\n${reviewedBy === '' ? '\n' : ''}${body}`;
}

const made: string[] = [];

/** Remove every repository this test file made (called from test/setup.ts). */
export function removeTempRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A throwaway content repository in the temp folder, removed after the test file. */
export function makeRepo(files: Record<string, string | Uint8Array>, withDefaults = true): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pagecare-'));
  made.push(root);
  const all: Record<string, string | Uint8Array> = withDefaults
    ? { 'content/editors.yml': EDITORS, 'content/glossary/chemotherapy.md': GLOSSARY_CHEMO, ...files }
    : files;
  for (const [name, content] of Object.entries(all)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}
