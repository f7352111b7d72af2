import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ScratchFile } from '../fs/scratch-file.js';
import type { FileResult } from './lint-file.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker-protocol.js';
import { fromWire, type SpilledResult } from './wire-result.js';
import { letYoungGenerationGrow } from './young-generation.js';

/** A file's result (or where its worker wrote it), or why there is none: it ran over the budget, or its worker failed. */
export type WorkerOutcome = { result: FileResult } | { spilled: SpilledResult } | { fault: 'timeout' } | { fault: 'crash'; reason: string };

export interface PoolLimits {
  /** Milliseconds a worker may spend on one file before it is stopped. */
  timeBudgetMs: number;
  /** Heap limit of each worker in MB (default: Node's); a file that needs more is a crash for that file alone. */
  heapMb?: number | undefined;
}

interface Job extends WorkerTask {
  resolve: (outcome: WorkerOutcome) => void;
  reject: (error: Error) => void;
  /** Sent with no file queued behind it: it was in a worker that crashed while holding more than one. */
  alone?: boolean;
}

/**
 * A worker's heap is mostly garbage from the files it just parsed (some 20 MB
 * stay live). With a heap limit of 2 GB or more, V8 lets the heap grow to four
 * times the live size before a full collection; below that, to about twice.
 * Just under 2 GB took a cold lint of 1,300 files from 361 to 277 MB peak for
 * about 3% more time (four interleaved runs each, within the noise). A smaller
 * young generation saved 32 MB more but cost 6%, and both together 16%.
 */
const LEAN_HEAP = { maxOldGenerationSizeMb: 2000 };

/**
 * And a full collection once the heap is 1.75 times its live size, not about twice. A cold lint of
 * 10,000 pages (interleaved runs, schemas on zod/mini) peaked at 272-276 MB in 39-45 s (four runs);
 * with no setting, 280-290 MB in 41-45 s (six); at 1.5 times, 264-267 MB in 41-51 s, median 46 s
 * (six): its extra full collections cost about a tenth more time for 8 MB.
 * A V8 flag is the process's: this thread's heap, small beside the workers', follows it too.
 */
const HEAP_GROWTH = '--heap-growing-percent=75';

/**
 * Files sent to a worker ahead of the one it is on, so it never waits for this
 * thread to hear its answer and send the next: a round trip per file left each
 * worker idle about 3% of a cold run.
 */
export const AHEAD = 1;

/**
 * Lint workers on separate threads, each with its own copy of the run's
 * index, fed a file at a time (and one queued behind it) so a slow page never
 * holds up the rest. Synchronous parsing cannot be interrupted, so a worker
 * that runs over the time budget is terminated and replaced; one that crashes
 * (out of memory, an uncaught error) is replaced too. Either way only the file
 * it was on is lost, as a fault the engine reports on that file; the file
 * queued behind it goes back to the front of the queue. (A crash with two
 * files in the worker sends both back, each to be checked alone.)
 */
export class WorkerPool {
  private readonly script = new URL('./worker.js', import.meta.url);
  /** Live workers, whether each has rebuilt its context, the files sent to it in order (the first is the one it is on), and its scratch file. */
  private readonly workers = new Map<Worker, { ready: boolean; sent: Job[]; timer?: NodeJS.Timeout; spill: ScratchFile | undefined }>();
  private readonly queue: Job[] = [];
  private closed = false;
  /** Why no worker could start, once that happened. */
  private failure: Error | undefined;

  constructor(
    size: number,
    private readonly init: WorkerInit,
    private readonly limits: PoolLimits,
    /** A new scratch file for each worker to write its results to (the caller reads and closes them); none sends results as messages. */
    private readonly spill: () => ScratchFile | undefined = () => undefined,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Lint `bytes` on the next free worker. */
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
    letYoungGenerationGrow();
    setFlagsFromString(HEAP_GROWTH);
    const spill = this.spill();
    const worker = new Worker(this.script, {
      workerData: { ...this.init, spill: spill?.fd } satisfies WorkerInit,
      resourceLimits: this.limits.heapMb ? { maxOldGenerationSizeMb: this.limits.heapMb } : LEAN_HEAP,
    });
    this.workers.set(worker, { ready: false, sent: [], spill });
    worker.on('message', (reply: WorkerReply) => this.receive(worker, reply));
    worker.on('error', (error: Error & { code?: string }) =>
      this.lose(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : error.message, error),
    );
    // After `error`, or on its own (process.exit in the worker); a worker this pool stopped is already forgotten.
    worker.on('exit', (code) => this.lose(worker, `the checker exited with code ${code}`, new Error(`A lint worker exited with code ${code} while starting`)));
  }

  /** Fill every ready worker up to the file it is on and AHEAD more, least loaded first. */
  private dispatch(): void {
    for (let depth = 0; depth <= AHEAD; depth++) {
      for (const [worker, state] of this.workers) {
        if (this.queue.length === 0) return;
        if (!state.ready || state.sent.length > depth) continue;
        // A file under suspicion is checked on its own, so a crash can be pinned on it.
        if (depth > 0 && (state.sent[0]!.alone || this.queue[0]!.alone)) continue;
        const job = this.queue.shift()!;
        state.sent.push(job);
        if (state.sent.length === 1) this.startClock(worker, state);
        // Shared when read into a ReadBuffer, else copied; never moved: a file may be sent again after its worker crashed.
        worker.postMessage({ path: job.path, bytes: job.bytes } satisfies WorkerTask);
      }
    }
  }

  /** The budget runs from when the worker starts a file: when it was sent to an idle worker, or when the one before it was answered. */
  private startClock(worker: Worker, state: { timer?: NodeJS.Timeout }): void {
    state.timer = setTimeout(() => this.overrun(worker), this.limits.timeBudgetMs);
  }

  private receive(worker: Worker, reply: WorkerReply): void {
    const state = this.workers.get(worker);
    if (!state) return;
    if ('ready' in reply) state.ready = true;
    else {
      clearTimeout(state.timer);
      const job = state.sent.shift();
      if (state.sent.length > 0) this.startClock(worker, state);
      job?.resolve(
        'error' in reply
          ? { fault: 'crash', reason: reply.error }
          : 'spilled' in reply
            ? { spilled: { file: state.spill!, piece: reply.spilled } }
            : { result: fromWire(reply.result) },
      );
    }
    this.dispatch();
  }

  /** The file ran over the budget: stop its worker, report it, carry on with a fresh one. */
  private overrun(worker: Worker): void {
    const job = this.forget(worker);
    void worker.terminate();
    job?.resolve({ fault: 'timeout' });
    this.replace();
  }

  /** A worker died: its file (if any) is a crash; one that never started means no worker can. */
  private lose(worker: Worker, reason: string, startError: Error): void {
    const state = this.workers.get(worker);
    if (!state) return;
    // With a file queued behind another, the crash is not pinned on the first: the hardening fault
    // test (budget.test.ts) saw it land on the wrong file about 1 run in 6. Both are checked again, alone.
    if (state.sent.length > 1) {
      for (const queued of state.sent) queued.alone = true;
      this.queue.unshift(...state.sent.splice(0));
    }
    const job = this.forget(worker);
    if (job) job.resolve({ fault: 'crash', reason });
    else if (!state.ready) {
      // Every worker rebuilds the same context: if one cannot start, none can. The run cannot go on.
      this.closed = true;
      this.failure = startError;
      for (const queued of this.queue.splice(0)) queued.reject(startError);
      return;
    }
    this.replace();
  }

  /** Drop a worker: the file it was on is returned; those queued behind it go back to the front of the queue. */
  private forget(worker: Worker): Job | undefined {
    const state = this.workers.get(worker);
    if (!state) return undefined;
    this.workers.delete(worker);
    clearTimeout(state.timer);
    const [job, ...behind] = state.sent;
    this.queue.unshift(...behind);
    return job;
  }

  private replace(): void {
    if (!this.closed) this.spawn();
  }
}

/** Workers only exist as compiled JavaScript; under a TypeScript test runner the engine stays in-process. */
export function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js');
}
