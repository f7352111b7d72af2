import { Worker } from 'node:worker_threads';
import type { FileResult } from './lint-file.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker-protocol.js';

/** A file's result, or why there is none: it ran over the budget, or its worker failed. */
export type WorkerOutcome = { result: FileResult } | { fault: 'timeout' } | { fault: 'crash'; reason: string };

export interface PoolLimits {
  /** Milliseconds a worker may spend on one file before it is stopped. */
  timeBudgetMs: number;
  /** Heap limit of each worker in MB (default: Node's); a file that needs more is a crash for that file alone. */
  heapMb?: number | undefined;
}

interface Job extends WorkerTask {
  resolve: (outcome: WorkerOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Lint workers on separate threads, each with its own copy of the run's
 * index, fed one file at a time so a slow page never holds up the rest.
 * Synchronous parsing cannot be interrupted, so a worker that runs over the
 * time budget is terminated and replaced; one that crashes (out of memory,
 * an uncaught error) is replaced too. Either way only its file is lost, as a
 * fault the engine reports on that file.
 */
export class WorkerPool {
  private readonly script = new URL('./worker.js', import.meta.url);
  /** Live workers, and whether each has rebuilt its context. */
  private readonly workers = new Map<Worker, { ready: boolean }>();
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, { job: Job; timer: NodeJS.Timeout }>();
  private closed = false;
  /** Why no worker could start, once that happened. */
  private failure: Error | undefined;

  constructor(
    size: number,
    private readonly init: WorkerInit,
    private readonly limits: PoolLimits,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Lint `bytes` on the next free worker; the buffer is moved, not copied. */
  lint(path: string, bytes: Uint8Array): Promise<WorkerOutcome> {
    return new Promise<WorkerOutcome>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ path, bytes, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.workers.keys()];
    this.workers.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(this.script, {
      workerData: this.init,
      ...(this.limits.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb } } : {}),
    });
    this.workers.set(worker, { ready: false });
    worker.on('message', (reply: WorkerReply) => this.receive(worker, reply));
    worker.on('error', (error: Error & { code?: string }) =>
      this.lose(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : error.message, error),
    );
    // After `error`, or on its own (process.exit in the worker); a worker this pool stopped is already forgotten.
    worker.on('exit', (code) => this.lose(worker, `the checker exited with code ${code}`, new Error(`A lint worker exited with code ${code} while starting`)));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      const timer = setTimeout(() => this.overrun(worker), this.limits.timeBudgetMs);
      this.running.set(worker, { job, timer });
      const { bytes } = job;
      const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
      worker.postMessage({ path: job.path, bytes } satisfies WorkerTask, transfer);
    }
  }

  private receive(worker: Worker, reply: WorkerReply): void {
    const state = this.workers.get(worker);
    if (!state) return;
    if ('ready' in reply) state.ready = true;
    else {
      const run = this.finish(worker);
      run?.resolve('error' in reply ? { fault: 'crash', reason: reply.error } : { result: reply.result });
    }
    this.idle.push(worker);
    this.dispatch();
  }

  /** The file ran over the budget: stop its worker, report it, carry on with a fresh one. */
  private overrun(worker: Worker): void {
    const run = this.finish(worker);
    this.workers.delete(worker);
    void worker.terminate();
    run?.resolve({ fault: 'timeout' });
    this.replace();
  }

  /** A worker died: its file (if any) is a crash; one that never started means no worker can. */
  private lose(worker: Worker, reason: string, startError: Error): void {
    const state = this.workers.get(worker);
    if (!state) return;
    this.workers.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index !== -1) this.idle.splice(index, 1);
    const run = this.finish(worker);
    if (run) run.resolve({ fault: 'crash', reason });
    else if (!state.ready) {
      // Every worker rebuilds the same context: if one cannot start, none can. The run cannot go on.
      this.closed = true;
      this.failure = startError;
      for (const job of this.queue.splice(0)) job.reject(startError);
      return;
    }
    this.replace();
  }

  private finish(worker: Worker): Job | undefined {
    const run = this.running.get(worker);
    if (!run) return undefined;
    clearTimeout(run.timer);
    this.running.delete(worker);
    return run.job;
  }

  private replace(): void {
    if (!this.closed) this.spawn();
  }
}

/** Workers only exist as compiled JavaScript; under a TypeScript test runner the engine stays in-process. */
export function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js');
}
