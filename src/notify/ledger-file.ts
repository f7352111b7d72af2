import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from '../zod.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { UsageError } from '../config/config-error.js';
import type { Ledger, LedgerEntries } from './ledger.js';

/**
 * A ledger that cannot be read or written safely. The run must stop rather
 * than guess: an unreadable ledger taken as empty would resend everything.
 */
export class LedgerError extends UsageError {
  override name = 'LedgerError';
}

/** The ledger document, shared by the file store and the git store's `ledger.json`. */
const documentSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.object({ sentAt: z.string(), messageId: z.string() })),
});

const RECOVERY =
  'It records which reminders were already sent: restore it from a backup or fix it by hand. ' +
  'Deleting it makes pagecare send every due reminder again.';

/** The entries of a ledger document; `source` names where it came from in the error. */
export function parseLedger(text: string, source: string): LedgerEntries {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LedgerError(`Ledger ${source} is not valid JSON (${(error as Error).message}). ${RECOVERY}`);
  }
  const result = documentSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new LedgerError(`Ledger ${source} is not a pagecare ledger (version 1)${where}: ${issue.message}. ${RECOVERY}`);
  }
  return result.data.entries;
}

/** The document text, keys sorted so successive versions diff cleanly. */
export function formatLedger(entries: LedgerEntries): string {
  const sorted = Object.fromEntries(Object.keys(entries).sort().map((key) => [key, entries[key]!]));
  return `${JSON.stringify({ version: 1, entries: sorted }, null, 2)}\n`;
}

/**
 * `base` plus the keys of `incoming` it lacks. An existing entry wins: a key
 * already recorded was first sent then, and a second record of it (two runs
 * racing) must not rewrite that history.
 */
export function mergeEntries(base: LedgerEntries, incoming: LedgerEntries): LedgerEntries {
  return { ...incoming, ...base };
}

export function keepEntries(entries: LedgerEntries, keep: (key: string) => boolean): LedgerEntries {
  return Object.fromEntries(Object.entries(entries).filter(([key]) => keep(key)));
}

export type LedgerChange = (entries: LedgerEntries) => LedgerEntries;

/**
 * Group commit for one ledger: changes submitted while a write is in flight
 * go together into the next write, and each caller resolves once the write
 * holding its change is durable. So read-modify-write cycles never interleave
 * within a process, and a burst of records costs one or two writes, not one each.
 */
export function changeQueue(write: (change: LedgerChange) => Promise<void>) {
  let waiting: Array<{ change: LedgerChange; done: () => void; fail: (error: unknown) => void }> = [];
  let draining: Promise<void> | undefined;

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await write((entries) => batch.reduce((current, item) => item.change(current), entries));
        for (const item of batch) item.done();
      } catch (error) {
        for (const item of batch) item.fail(error);
      }
    }
    draining = undefined;
  }

  return {
    submit: (change: LedgerChange) =>
      new Promise<void>((done, fail) => {
        waiting.push({ change, done, fail });
        draining ??= drain();
      }),
    /** Settles once every change submitted so far is written or has failed. */
    idle: async () => {
      while (draining) await draining;
    },
  };
}

/** The embedded store: one JSON file, replaced atomically on every change. */
export function createFileLedger(file: string): Ledger {
  async function load(): Promise<LedgerEntries> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new LedgerError(`Cannot read ledger ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    return parseLedger(text, file);
  }

  const queue = changeQueue(async (change) => {
    const before = await load();
    const after = formatLedger(change(before));
    if (after !== formatLedger(before)) await writeAtomically(file, after);
  });

  return {
    kind: 'file',
    description: `file ${file}`,
    load: async () => {
      await queue.idle();
      return load();
    },
    record: (entries) => queue.submit((current) => mergeEntries(current, entries)),
    prune: (keep) => queue.submit((current) => keepEntries(current, keep)),
  };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text, { durable: true });
  } catch (error) {
    throw new LedgerError(`Cannot write ledger ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export const LOCK_FILE = 'ledger.lock';

/**
 * Runs `fn` holding `dir/ledger.lock`, which holds this process's pid from
 * the moment it exists, so two runs never apply at once. A lock left by a
 * process that no longer exists is taken over; one held by a live process
 * makes this reject with a LedgerError naming its pid. A lock left blank
 * (by a version that created it before writing its pid) is taken over once
 * it is 10 s old.
 */
export async function withLedgerLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, LOCK_FILE);
  await mkdir(dir, { recursive: true });
  await removeDeadDrafts(dir);
  await acquire(lock);
  try {
    return await fn();
  } finally {
    // Remove only our own lock, never one another run has since taken over.
    if ((await readPid(lock)) === process.pid) await unlink(lock).catch(() => undefined);
  }
}

/** Where a run writes its pid before linking it into place as the lock: its own file, named by its pid. */
const draftOf = (lock: string) => `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.draft`;

/** Creates the lock holding our pid; false if it exists. Linking a finished draft means a kill can never leave it blank. */
async function tryCreate(lock: string): Promise<boolean> {
  const draft = draftOf(lock);
  try {
    const handle = await open(draft, 'wx');
    try {
      await handle.writeFile(`${process.pid}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(draft, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new LedgerError(`Cannot create lock ${lock}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

/** The pid in a draft's name (`ledger.lock.<pid>.<hex>.draft`, as draftOf makes it); undefined for any other file. */
function draftPid(name: string): number | undefined {
  if (!name.startsWith(`${LOCK_FILE}.`) || !name.endsWith('.draft')) return undefined;
  const pid = name.slice(LOCK_FILE.length + 1).split('.')[0]!;
  return /^\d+$/.test(pid) ? Number(pid) : undefined;
}

/** Drafts left by runs killed before they removed them. */
async function removeDeadDrafts(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const pid = draftPid(name);
    if (pid !== undefined && !isAlive(pid)) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

async function acquire(lock: string): Promise<void> {
  let blankSeen = false;
  for (;;) {
    if (await tryCreate(lock)) return;
    const pid = await readPid(lock);
    if (pid === undefined) continue; // released between our attempt and the read
    if (pid === null && (await olderThan(lock, BLANK_LOCK_STALE_MS))) {
      await removeStale(lock, null);
      continue;
    }
    if (pid === null && !blankSeen) {
      // A run of an older version may be between creating the lock and writing its pid.
      blankSeen = true;
      await sleep(100);
      continue;
    }
    if (pid === null) {
      throw new LedgerError(
        `Lock ${lock} holds no process id. If no pagecare run is active, delete it and run again.`,
      );
    }
    if (isAlive(pid)) {
      throw new LedgerError(
        `Another pagecare run (pid ${pid}) holds ${lock}; wait for it to finish. ` +
          'If that process is not pagecare, delete the lock and run again.',
      );
    }
    await removeStale(lock, pid);
  }
}

/** How old a lock that holds no pid must be before it counts as left by a killed run. */
const BLANK_LOCK_STALE_MS = 10_000;

async function olderThan(file: string, ms: number): Promise<boolean> {
  try {
    return (await stat(file)).mtimeMs < Date.now() - ms;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The pid in the lock; `undefined` if there is no lock, `null` if it holds no pid. */
async function readPid(lock: string): Promise<number | null | undefined> {
  let text: string;
  try {
    text = await readFile(lock, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return /^\d+\n?$/.test(text) ? Number.parseInt(text, 10) : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes a dead process's lock (`null`: a blank one). Takers go one at a time through a short-lived
 * guard file and re-read the lock inside it, so two runs that both saw the same
 * dead pid cannot both delete: the second finds the first one's live lock.
 */
async function removeStale(lock: string, deadPid: number | null): Promise<void> {
  const guard = `${lock}.takeover`;
  const deadline = Date.now() + 2_000;
  for (;;) {
    try {
      await (await open(guard, 'wx')).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // The guard is held for a read and an unlink; one this old was left by a crash.
      if (Date.now() > deadline) await unlink(guard).catch(() => undefined);
      else await sleep(20);
    }
  }
  try {
    if ((await readPid(lock)) === deadPid) await unlink(lock);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}
