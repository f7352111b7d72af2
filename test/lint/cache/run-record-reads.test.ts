import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadContext } from '../../../src/lint/load-context.js';
import { replayRun, RunRecorder, type RunRequest } from '../../../src/lint/run-record.js';
import { makeRepo } from '../../helpers/temp-repo.js';

// Every whole-file read is watched (and still done), so a miss can be shown to read only the record's start.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, readFileSync: vi.fn(actual.readFileSync) };
});

describe('replaying the last run', () => {
  const request: RunRequest = { cwd: '/', format: 'json', quiet: false, color: false, shard: undefined };
  const summary = { files: 0, errors: 0, warnings: 0, infos: 0 };

  it('reads the whole record only when its identity (day, request, roster, config) matches', async () => {
    const root = makeRepo({});
    const record = path.join(root, '.pagecare-cache', 'last-run');
    const context = await loadContext({ cwd: root, today: '2026-06-01' });
    const recorder = RunRecorder.start(context, { files: [], pairs: [] }, request, summary, undefined)!;
    for (const piece of recorder.tee(['the report\n'])) expect(piece.toString()).toBe('the report\n');
    recorder.finish();
    const wholeReads = () => vi.mocked(readFileSync).mock.calls.filter(([file]) => file === record).length;

    vi.mocked(readFileSync).mockClear();
    const nextDay = await loadContext({ cwd: root, today: '2026-06-02' });
    expect(replayRun(nextDay, [], request)).toBeUndefined();
    expect(replayRun(context, [], { ...request, format: 'sarif' })).toBeUndefined();
    expect(wholeReads()).toBe(0);

    expect(replayRun(context, [], request)?.output.toString()).toBe('the report\n');
    expect(wholeReads()).toBe(1);
  });
});
