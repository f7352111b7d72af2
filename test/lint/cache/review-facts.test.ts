import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentIndex, type ReviewChange } from '../../../src/content/content-index.js';
import { lint } from '../../../src/lint/engine.js';
import { loadContext } from '../../../src/lint/load-context.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';

const TODAY = '2026-06-01';

function repo() {
  return makeRepo({
    'content/pages/a.md': page({ last_reviewed: '2026-05-01', next_review: '2029-05-01' }),
    'content/pages/b.md': page({ owner: 'content-lead' }, 'Plain text.\n'),
  });
}

/** A run with what `--changed` would have learnt from git (none: a full run). */
async function run(root: string, reviewChanges?: Record<string, ReviewChange>) {
  const context = await loadContext({ cwd: root, today: TODAY });
  const index = reviewChanges ? new ContentIndex({ ...context.index.data, reviewChanges }) : context.index;
  return lint({ cwd: root, context: { ...context, index }, cache: true });
}

const signoff = (result: Awaited<ReturnType<typeof run>>) =>
  result.findings.filter((f) => f.ruleId === 'review-signoff').map((f) => `${f.file}:${f.line}`);

describe('the lint cache and review sign-off', () => {
  it('re-checks a page when what git says about it differs, and only that page', async () => {
    const root = repo();
    const movedBy = (lastEditors: string[]) => ({ 'content/pages/a.md': { baseLastReviewed: '2025-03-18', lastEditors } });

    // jsmith moved the date and net-clinical signed off: clean, and cached.
    expect(signoff(await run(root, movedBy(['jsmith'])))).toEqual([]);
    const same = await run(root, movedBy(['jsmith']));
    expect(same.cached).toBe(same.files.length);

    // The same bytes, but now net-clinical made the last change and signed it off alone.
    const self = await run(root, movedBy(['net-clinical']));
    expect(signoff(self)).toEqual(['content/pages/a.md:12']);
    expect(self.cached).toBe(self.files.length - 1);

    // A full run knows no base: the page is judged on presence only again, b.md still from the cache.
    const full = await run(root);
    expect(signoff(full)).toEqual([]);
    expect(full.cached).toBe(full.files.length - 1);

    // The base date differs (the change no longer moves it): no sign-off judgement beyond presence.
    const unmoved = await run(root, { 'content/pages/a.md': { baseLastReviewed: '2026-05-01', lastEditors: ['net-clinical'] } });
    expect(signoff(unmoved)).toEqual([]);
    expect(unmoved.cached).toBe(unmoved.files.length - 1);
  });

  it('a reviewer no longer marked clinical in editors.yml fails the pages they signed, from a warm cache', async () => {
    const root = repo();
    expect(signoff(await run(root))).toEqual([]);
    const editors = path.join(root, 'content/editors.yml');
    writeFileSync(editors, readFileSync(editors, 'utf8').replace(', clinical: true', ''));
    expect(signoff(await run(root))).toEqual(['content/pages/a.md:12', 'content/pages/b.md:12']);
  });
});
