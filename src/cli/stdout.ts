import { once } from 'node:events';

let gone = false;
let failed = false;

/**
 * Standard output whose reader may leave early (`pagecare lint | head`): the
 * rest is then dropped quietly, as `git log | head` does, and the command
 * still finishes, so its exit code still tells the result. Any other failure
 * to write (a full disk) is said once on standard error and ends the command
 * with exit code 2 (see stdoutFailed).
 */
export function guardStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (gone) return;
    gone = true;
    if (error.code === 'EPIPE') return;
    failed = true;
    process.stderr.write(`pagecare: cannot write to standard output (${error.code ?? error.message})\n`);
  });
}

/** Whether standard output failed other than by its reader leaving: the command then ends with exit code 2, whatever it found. */
export function stdoutFailed(): boolean {
  return failed;
}

/** Write `pieces` in turn, waiting while the reader catches up; nothing once it has gone. */
export async function writeStdout(pieces: Iterable<string | Uint8Array>): Promise<void> {
  for (const piece of pieces) {
    if (gone) return;
    if (!process.stdout.write(piece)) {
      // `once` rejects on the stream's error, which guardStdout has already dealt with.
      await once(process.stdout, 'drain').catch(() => undefined);
    }
  }
}
