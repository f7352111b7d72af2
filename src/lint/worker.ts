import { parentPort, workerData } from 'node:worker_threads';
import { Temporal } from 'temporal-polyfill';
import { resolveConfig } from '../config/load-config.js';
import { ContentIndex } from '../content/content-index.js';
import { createProcessor, type WorkerInit, type WorkerReply, type WorkerTask } from './worker-protocol.js';
import { lintFile } from './lint-file.js';

// One lint worker: rebuilds the run's context from plain data once, then lints the files it is sent.
const init = workerData as WorkerInit;
const context = {
  config: resolveConfig(init.root, init.configFile, init.config),
  index: new ContentIndex(init.index),
  today: Temporal.PlainDate.from(init.today),
};
const processor = createProcessor(context);
const reply = (message: WorkerReply) => parentPort!.postMessage(message);

// Files may arrive while one is being checked (the pool sends one ahead): they are checked in
// turn, and answered in the order sent, since the index records one file's dependencies at a time.
let turn = Promise.resolve();
parentPort!.on('message', (task: WorkerTask) => {
  turn = turn.then(() =>
    lintFile(processor, context.index, task.bytes, { path: task.path, cwd: init.cwd }).then(
      (result) => reply({ result }),
      (error: unknown) => reply({ error: String((error as Error)?.message ?? error) }),
    ),
  );
});
reply({ ready: true });
