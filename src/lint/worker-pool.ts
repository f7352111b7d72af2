import { Worker } from 'node:worker_threads';
import type { FileResult } from './lint-file.js';
import type { WorkerInit, WorkerReply } from './worker-protocol.js';

interface Pending {
  resolve: (result: FileResult) => void;
  reject: (error: Error) => void;
}

/**
 * Lint workers on separate threads, each with its own copy of the run's
 * index, fed one file at a time so a slow page never holds up the rest.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(worker: Worker) => void> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number, init: WorkerInit) {
    const script = new URL('./worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: init });
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.failAll(error));
      this.idle.push(worker);
      return worker;
    });
  }

  /** Lint `bytes` on the next free worker; the buffer is moved, not copied. */
  async lint(path: string, bytes: Uint8Array): Promise<FileResult> {
    const worker = this.idle.pop() ?? (await new Promise<Worker>((resolve) => this.waiting.push(resolve)));
    const id = this.nextId++;
    return new Promise<FileResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
      worker.postMessage({ id, path, bytes }, transfer);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
    if (!pending) return;
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.result);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** Workers only exist as compiled JavaScript; under a TypeScript test runner the engine stays in-process. */
export function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js');
}
