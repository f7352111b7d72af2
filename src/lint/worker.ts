import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { Temporal } from 'temporal-polyfill';
import { resolveConfig } from '../config/load-config.js';
import { ContentIndex } from '../content/content-index.js';
import { ScratchFile } from '../fs/scratch-file.js';
import { createProcessor, type WorkerInit, type WorkerReply, type WorkerTask } from './worker-protocol.js';
import { toWire } from './wire-result.js';
import { lintFile, type FileResult } from './lint-file.js';

// One lint worker: rebuilds the run's context from plain data once, then lints the files it is sent.
const init = workerData as WorkerInit;
const context = {
  config: resolveConfig(init.root, init.configFile, init.config),
  index: new ContentIndex(init.index),
  today: Temporal.PlainDate.from(init.today),
};
const processor = createProcessor(context);
const reply = (message: WorkerReply) => parentPort!.postMessage(message);
const spill = init.spill === undefined ? undefined : ScratchFile.attach(init.spill);

/**
 * A result written to the scratch file when there is one, so the main thread holds only
 * where it is until the run ends (a full disk sends it instead).
 */
function answer(result: FileResult): void {
  const wire = toWire(result);
  const piece = spill?.append(serialize(wire));
  reply(piece ? { spilled: piece } : { result: wire });
}

// Files may arrive while one is being checked (the pool sends one ahead). They are checked in
// turn and answered in the order sent (the index records one file's dependencies at a time),
// each from a fresh turn of the event loop: V8 finishes its incremental garbage collection in
// tasks there. A worker that went straight from one file to the next ran 15% slower (1,300
// files, with the heap limit of worker-pool.ts and a 24 MB young generation).
const waiting: WorkerTask[] = [];
let busy = false;
const next = () => {
  const task = waiting.shift();
  if (!task) {
    busy = false;
    return;
  }
  void lintFile(processor, context.index, task.bytes, { path: task.path, cwd: init.cwd })
    .then(
      answer,
      (error: unknown) => reply({ error: String((error as Error)?.message ?? error) }),
    )
    .finally(() => setImmediate(next));
};
parentPort!.on('message', (task: WorkerTask) => {
  waiting.push(task);
  if (!busy) {
    busy = true;
    setImmediate(next);
  }
});
reply({ ready: true });
