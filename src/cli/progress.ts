/**
 * A file counter on a terminal for runs that take more than about two
 * seconds; nothing at all when the stream is not a terminal.
 */
export function createProgress(stream: NodeJS.WriteStream, label: string, now: () => number = Date.now) {
  const started = now();
  let shown = false;
  let last = 0;
  return {
    update(done: number, total: number): void {
      if (!stream.isTTY) return;
      const t = now();
      if (t - started < 2000 || (t - last < 100 && done < total)) return;
      last = t;
      shown = true;
      stream.write(`\r${label} ${done}/${total} files (${Math.floor((done / total) * 100)}%)`);
    },
    finish(): void {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
