import { constants } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config/config-error.js';

export interface StarterResult {
  /** Paths relative to the folder, in the order written. */
  written: string[];
  /** Files that already existed and were left as they were. */
  skipped: string[];
}

/**
 * Write the starter files into `dir`, never replacing a file that exists
 * unless `force` is set. The no-overwrite check is the `wx` open itself, so
 * a file that appears meanwhile is still not replaced.
 */
export async function writeStarter(dir: string, files: Record<string, string>, force: boolean): Promise<StarterResult> {
  await writableFolder(dir);
  const result: StarterResult = { written: [], skipped: [] };
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text, { flag: force ? 'w' : 'wx' });
      result.written.push(relative);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') result.skipped.push(relative);
      else throw new UsageError(`Cannot write \`${path.join(dir, relative)}\` (${code ?? String(error)}), expected a path pagecare may create a file at`);
    }
  }
  return result;
}

async function writableFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`Cannot write to \`${dir}\` (${code}), expected a folder pagecare may write in`);
  }
}
