import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file's bytes or text, or its text in pieces (written in order, never joined in memory). */
export type FileData = string | Uint8Array | Iterable<string>;

export interface StagedFile {
  /** Rename the staged copy over the target: readers see the old file or the new one, never half. */
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Write `data` to a temporary file beside `file` (same file system, so the
 * later rename is atomic) and flush it to disk. Nothing replaces `file` until
 * `commit`, so several files can be staged and then committed together.
 */
export async function stageFile(file: string, data: FileData, options: { mode?: number } = {}): Promise<StagedFile> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = tempBeside(file);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o666);
    try {
      await writeFile(handle, data);
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return {
    commit: async () => {
      try {
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    discard: () => rm(temp, { force: true }),
  };
}

/** A fresh hidden name beside `file`, for a copy that is renamed over it once whole. */
export function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Replace `file` atomically (a torn write is impossible by construction).
 * With `durable`, the folder is flushed too, so the rename survives a power cut.
 */
export async function writeFileAtomic(file: string, data: FileData, options: { mode?: number; durable?: boolean } = {}): Promise<void> {
  await (await stageFile(file, data, options)).commit();
  // Windows cannot open a folder to flush it; its rename is already durable.
  if (!options.durable || process.platform === 'win32') return;
  const folder = await open(path.dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
