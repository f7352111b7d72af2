import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ScratchFile } from '../../src/fs/scratch-file.js';

describe('ScratchFile', () => {
  it('is gone from its folder as soon as it is made, and gives back each piece where it was put', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pagecare-scratch-'));
    const file = ScratchFile.create(path.join(dir, 'made'), 'test')!;
    expect(readdirSync(path.join(dir, 'made'))).toEqual([]);
    const texts = ['', 'first', 'é’💊 '.repeat(5000), 'last'];
    const pieces = texts.map((text) => file.append(Buffer.from(text, 'utf8'))!);
    expect(pieces.map((piece) => piece.at)).toEqual([0, 0, 5, 5 + Buffer.byteLength(texts[2]!)]);
    expect(pieces.map((piece) => file.read(piece).toString('utf8'))).toEqual(texts);
    expect(() => file.read({ at: pieces[3]!.at, length: 100 })).toThrow(/ended at/);
    file.close();
  });

  it('is undefined where no file can be made', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pagecare-scratch-'));
    writeFileSync(path.join(dir, 'folder'), 'not a folder');
    expect(ScratchFile.create(path.join(dir, 'folder'), 'test')).toBeUndefined();
    expect(readFileSync(path.join(dir, 'folder'), 'utf8')).toBe('not a folder');
  });

  it('takes pieces from another thread, which appends through its descriptor', async () => {
    const file = ScratchFile.create(tmpdir(), 'pagecare-scratch-test')!;
    // Plain JavaScript in the worker: it writes as `attach` does, at its own running offset.
    const worker = new Worker(
      `const { writeSync } = require('node:fs'); const { parentPort, workerData } = require('node:worker_threads');
       let at = 0; const pieces = [];
       for (const text of ['one', 'two', 'three']) { const bytes = Buffer.from(text); writeSync(workerData.fd, bytes, 0, bytes.length, at); pieces.push({ at, length: bytes.length }); at += bytes.length; }
       parentPort.postMessage(pieces);`,
      { eval: true, workerData: { fd: file.fd } },
    );
    const pieces = await new Promise<Array<{ at: number; length: number }>>((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(pieces.map((piece) => file.read(piece).toString())).toEqual(['one', 'two', 'three']);
    file.close();
    // `attach` is that writer's side: it appends from the start of the file its owner made.
    const owner = ScratchFile.create(tmpdir(), 'pagecare-scratch-test')!;
    const writer = ScratchFile.attach(owner.fd);
    const written = ['four', 'five'].map((text) => writer.append(Buffer.from(text))!);
    expect(written).toEqual([{ at: 0, length: 4 }, { at: 4, length: 4 }]);
    expect(written.map((piece) => owner.read(piece).toString())).toEqual(['four', 'five']);
    owner.close();
  });
});
