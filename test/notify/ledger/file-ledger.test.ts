import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLedger, LedgerError, LOCK_FILE, withLedgerLock } from '../../../src/notify/ledger-file.js';

const sent = (messageId: string) => ({ sentAt: '2026-06-01T08:00:00.000Z', messageId });

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pagecare-ledger-'));
}

describe('file ledger', () => {
  it('loads what was recorded, merged, as a versioned JSON document', async () => {
    const file = path.join(tempDir(), '.pagecare', 'ledger.json');
    const ledger = createFileLedger(file);
    expect(ledger.kind).toBe('file');
    expect(await ledger.load()).toEqual({});

    await ledger.record({ 'a|2027-01-01|d90|jsmith': sent('<1@x>') });
    await ledger.record({ 'b|2027-01-01|d90|jsmith': sent('<2@x>'), 'a|2027-01-01|d90|jsmith': sent('<again@x>') });

    const expected = { 'a|2027-01-01|d90|jsmith': sent('<1@x>'), 'b|2027-01-01|d90|jsmith': sent('<2@x>') };
    expect(await createFileLedger(file).load()).toEqual(expected);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, entries: expected });
  });

  it('keeps every entry when records are not awaited one by one', async () => {
    const ledger = createFileLedger(path.join(tempDir(), 'ledger.json'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => ledger.record({ [`k${i}`]: sent(`<${i}@x>`) })));
    expect(Object.keys(await ledger.load())).toHaveLength(20);
  });

  it('replaces the file by rename, so a crash before the rename leaves the old state', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.json');
    const ledger = createFileLedger(file);
    await ledger.record({ old: sent('<old@x>') });
    const inode = statSync(file).ino;

    // A run killed between writing its temp file and renaming it leaves this behind.
    const torn = path.join(dir, `.ledger.json.99999.${'0'.repeat(8)}.tmp`);
    writeFileSync(torn, '{ "version": 1, "entries": { "new": { "sentAt": "2026-06-');
    expect(await ledger.load()).toEqual({ old: sent('<old@x>') });

    await ledger.record({ next: sent('<next@x>') });
    expect(await createFileLedger(file).load()).toEqual({ old: sent('<old@x>'), next: sent('<next@x>') });
    expect(statSync(file).ino).not.toBe(inode);
    expect(readdirSync(dir).sort()).toEqual([path.basename(torn), 'ledger.json'].sort());
  });

  it.each([
    ['not JSON', '{ "version": 1, "entries": {'],
    ['empty', ''],
    ['another version', '{ "version": 2, "entries": {} }'],
    ['a malformed entry', '{ "version": 1, "entries": { "k": { "sentAt": 3 } } }'],
  ])('refuses a file that is %s with an error naming it, and leaves it alone', async (_, text) => {
    const file = path.join(tempDir(), 'ledger.json');
    writeFileSync(file, text);
    const ledger = createFileLedger(file);
    const failure = await ledger.load().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LedgerError);
    expect((failure as Error).message).toContain(file);
    expect((failure as Error).message).toMatch(/restore it from a backup or fix it by hand/);
    await expect(ledger.record({ k: sent('<k@x>') })).rejects.toBeInstanceOf(LedgerError);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('prunes the entries the predicate drops', async () => {
    const file = path.join(tempDir(), 'ledger.json');
    const ledger = createFileLedger(file);
    await ledger.record({ a: sent('<a@x>'), b: sent('<b@x>'), c: sent('<c@x>') });
    await ledger.prune((key) => key !== 'b');
    expect(await createFileLedger(file).load()).toEqual({ a: sent('<a@x>'), c: sent('<c@x>') });
  });
});

async function livePid(): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
  return {
    pid: child.pid!,
    stop: async () => {
      child.kill();
      await once(child, 'exit');
    },
  };
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

describe('ledger lock', () => {
  it('holds the pid while running and removes the lock afterwards', async () => {
    const dir = tempDir();
    const lock = path.join(dir, LOCK_FILE);
    const seen = await withLedgerLock(dir, async () => readFileSync(lock, 'utf8'));
    expect(seen).toBe(`${process.pid}\n`);
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses while a live process holds it, naming that pid', async () => {
    const dir = tempDir();
    const holder = await livePid();
    try {
      writeFileSync(path.join(dir, LOCK_FILE), `${holder.pid}\n`);
      let ran = false;
      const failure = await withLedgerLock(dir, async () => {
        ran = true;
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(LedgerError);
      expect((failure as Error).message).toContain(`pid ${holder.pid}`);
      expect(ran).toBe(false);
      expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      await holder.stop();
    }
  });

  it('lets one of two overlapping runs in and turns the other away', async () => {
    const dir = tempDir();
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = withLedgerLock(dir, () => {
      entered();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await inside;
    await expect(withLedgerLock(dir, async () => 'second')).rejects.toThrow(`pid ${process.pid}`);
    release();
    await first;
    await expect(withLedgerLock(dir, async () => 'third')).resolves.toBe('third');
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = tempDir();
    const lock = path.join(dir, LOCK_FILE);
    writeFileSync(lock, `${await deadPid()}\n`);
    const seen = await withLedgerLock(dir, async () => readFileSync(lock, 'utf8'));
    expect(seen).toBe(`${process.pid}\n`);
    expect(existsSync(lock)).toBe(false);
  });

  it('links the lock into place already holding the pid, and clears drafts that runs killed meanwhile left', async () => {
    const dir = tempDir();
    const holder = await livePid();
    try {
      const dead = path.join(dir, `${LOCK_FILE}.${await deadPid()}.0badc0de.draft`);
      const live = path.join(dir, `${LOCK_FILE}.${holder.pid}.0badc0de.draft`);
      for (const draft of [dead, live]) writeFileSync(draft, '');
      const during = await withLedgerLock(dir, async () => readdirSync(dir).sort());
      expect(during).toEqual([LOCK_FILE, path.basename(live)].sort());
      expect(readdirSync(dir)).toEqual([path.basename(live)]);
    } finally {
      await holder.stop();
    }
  });

  it('lets exactly one of two runs take over the same dead lock', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE), `${await deadPid()}\n`);
    let inside = 0;
    const run = () =>
      withLedgerLock(dir, async () => {
        inside++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      });
    const results = await Promise.allSettled([run(), run()]);
    expect(inside).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
});
