import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { buildIndex } from '../../src/content/content-index.js';
import { EDITORS, makeRepo, page } from '../helpers/temp-repo.js';

describe('ContentIndex', () => {
  it("fingerprints a linked page's headings by the bytes they were scanned from", async () => {
    const target = 'content/pages/target.md';
    const root = makeRepo({ 'content/editors.yml': EDITORS, [target]: page({}, '# Before surgery\n\nText.\n') });
    const index = await buildIndex(loadConfig({ cwd: root }));
    const scanned = readFileSync(path.join(root, target));
    const recorded = new Set<string>();
    index.recordInto(recorded);
    expect([...index.headingSlugs(target)!]).toEqual(['before-surgery']);
    index.recordInto(undefined);
    expect([...recorded]).toEqual([`h:${target}`]);
    // The page changes between the scan and the fingerprint: the fingerprint still names what was checked.
    writeFileSync(path.join(root, target), page({}, '# After surgery\n'));
    expect(index.fingerprint(`h:${target}`)).toBe(createHash('sha256').update(scanned).digest('hex').slice(0, 16));
  });
});
