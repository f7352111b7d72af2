import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { createLedger } from '../../../src/notify/create-ledger.js';

describe('createLedger', () => {
  it('keeps the file store at ledger.file under the root by default', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pagecare-'));
    const ledger = createLedger(configSchema.parse({}), root);
    expect(ledger.kind).toBe('file');
    expect(ledger.description).toBe(`file ${path.join(root, '.pagecare', 'ledger.json')}`);
    await ledger.record({ k: { sentAt: '2026-06-01T08:00:00.000Z', messageId: '<k@x>' } });
    expect(await createLedger(configSchema.parse({ ledger: { file: '.pagecare/ledger.json' } }), root).load()).toHaveProperty('k');
  });

  it('uses the git store on the configured remote and branch', () => {
    const config = configSchema.parse({ ledger: { store: 'git', remote: 'upstream', branch: 'bots/ledger' } });
    const ledger = createLedger(config, mkdtempSync(path.join(tmpdir(), 'pagecare-')));
    expect(ledger.kind).toBe('git');
    expect(ledger.description).toBe('git ledger.json on branch bots/ledger of upstream');
  });
});
