import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Finding } from '../../../src/lint/finding.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';
import { lineCount, type BadFile } from './arbitraries.js';

export const TODAY = '2026-06-01';
export const GOOD = 'content/pages/good.md';
/** A clean page that links to the glossary: checked beside every batch, its findings must not change. */
export const GOOD_PAGE = page({}, 'Some people have [chemo](glossary:chemotherapy).\n\nSee [the other page](./good.md).\n');
/** Text of the file planted just outside each repository; it must never show in any output. */
export const CANARY = 'CANARY-outside-the-repository-7f3a';

export interface Batch {
  root: string;
  /** Repository-relative path of each bad file, with what was planted. */
  files: Array<{ file: string; bad: BadFile }>;
}

/**
 * A temporary repository holding the batch beside the good page, and a file
 * just outside it (named `outside`, relative to the repository's parent) that
 * links try to reach.
 */
export function writeBatch(bad: BadFile[], outside: string, extra: Record<string, string> = {}): Batch {
  const files = bad.map((file, i) => ({ file: file.kind === 'page' ? `content/pages/bad-${i}.md` : `content/glossary/bad-${i}.md`, bad: file }));
  const root = makeRepo({ [GOOD]: GOOD_PAGE, ...extra, ...Object.fromEntries(files.map(({ file, bad }) => [file, bad.bytes])) });
  writeFileSync(path.join(path.dirname(root), outside), `---\ntitle: ${CANARY}\n---\n# ${CANARY}\n`);
  return { root, files };
}

/** Object.prototype's own keys: any change after a run means a page polluted it. */
export function prototypeKeys(): string[] {
  return Reflect.ownKeys(Object.prototype).map(String).sort();
}

/**
 * The invariants every run over a batch must keep: each bad file has a
 * finding, every finding of a bad file is inside it, and nothing from outside
 * the repository shows.
 */
export function expectInvariants(batch: Batch, findings: readonly Finding[]): void {
  for (const { file, bad } of batch.files) {
    const own = findingsOf(findings, file);
    const why = `${file}: ${bad.planted.join(' | ')}`;
    expect(own.length, `no finding for ${why}`).toBeGreaterThan(0);
    const lines = lineCount(bad.bytes);
    for (const finding of own) {
      expect(finding.line, `line of ${finding.ruleId} in ${why}`).toBeGreaterThanOrEqual(1);
      expect(finding.line, `line of ${finding.ruleId} in ${why}`).toBeLessThanOrEqual(lines);
      expect(finding.column, `column of ${finding.ruleId} in ${why}`).toBeGreaterThanOrEqual(1);
      expect(finding.message, `message of ${finding.ruleId} in ${why}`).toMatch(/expected/i);
    }
  }
  expect(JSON.stringify(findings)).not.toContain(CANARY);
}

export function findingsOf(findings: readonly Finding[], file: string): Finding[] {
  return findings.filter((finding) => finding.file === file);
}
