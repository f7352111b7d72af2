import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe('the progress counter', () => {
  it('prints nothing when the stream is not a terminal', () => {
    const out = stream(false);
    let now = 0;
    const progress = createProgress(out.stream, 'lint:', () => now);
    now = 5000;
    progress.update(10, 100);
    progress.finish();
    expect(out.written).toEqual([]);
  });

  it('on a terminal, stays quiet for the first two seconds, then counts and clears its line', () => {
    const out = stream(true);
    let now = 0;
    const progress = createProgress(out.stream, 'lint:', () => now);
    now = 1500;
    progress.update(10, 100);
    expect(out.written).toEqual([]);
    now = 2500;
    progress.update(50, 100);
    progress.finish();
    expect(out.written).toEqual(['\rlint: 50/100 files (50%)', '\r\u001b[2K']);
  });
});
