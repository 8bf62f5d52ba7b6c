import BackgroundWorker from './background.worker?worker&inline';
import type { WorkerJob, WorkerJobResult, WorkerResponse } from './worker-protocol';

export interface JobOptions {
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Receives a large result in parts, before the job's final answer. */
  onChunk?: (items: unknown[]) => void;
  /** Aborting terminates the worker at once: the only way to stop a parser mid-file. */
  signal?: AbortSignal;
}

/** Jobs sent and not yet answered, in this page: a locked workspace locks itself only when none is left. */
let running = 0;
let settled: (() => void)[] = [];

/** Resolves once no job of this page is running (at once when none is). */
export function whenNoJobs(): Promise<void> {
  return running === 0 ? Promise.resolve() : new Promise((resolve) => settled.push(resolve));
}

function jobEnded(): void {
  running--;
  if (running > 0) return;
  const waiting = settled;
  settled = [];
  waiting.forEach((resolve) => resolve());
}

const transferables = (job: WorkerJob): Transferable[] =>
  'bytes' in job ? [job.bytes] : job.kind === 'screenPart' ? [job.port] : job.kind === 'screen' && job.helper ? [job.helper] : [];

/**
 * A background worker for one piece of work that may take several jobs (read a file, then import
 * it). It is a classic worker from a blob: URL, the only kind Chromium runs on file:// pages.
 */
export class WorkerSession {
  #worker: Worker | undefined;
  #nextId = 1;
  /** Jobs waiting for an answer, each as the way to stop counting it: a terminated worker answers none of them. */
  #pending = new Set<() => void>();

  #ensure(): Worker {
    this.#worker ??= new BackgroundWorker();
    return this.#worker;
  }

  /** Starts the worker now, so that its script is loaded before the first job (it is a megabyte). */
  start(): void {
    this.#ensure();
  }

  run<K extends WorkerJobResult['kind']>(job: WorkerJob, options: JobOptions = {}): Promise<Extract<WorkerJobResult, { kind: K }>> {
    const worker = this.#ensure();
    const id = this.#nextId++;
    running++;
    return new Promise((resolve, reject) => {
      let ended = false;
      const uncount = () => {
        if (!ended) jobEnded();
        ended = true;
        this.#pending.delete(uncount);
      };
      const cleanup = () => {
        uncount();
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const onMessage = (event: MessageEvent<WorkerResponse>) => {
        const message = event.data;
        if (message.id !== id) return;
        if (message.type === 'progress') return options.onProgress?.(message.stage, message.done, message.total);
        if (message.type === 'chunk') return options.onChunk?.(message.items);
        cleanup();
        if (message.type === 'done') resolve(message.result as Extract<WorkerJobResult, { kind: K }>);
        else reject(new Error(message.message));
      };
      const onError = (event: ErrorEvent) => {
        cleanup();
        this.terminate();
        reject(new Error(event.message || 'Baggrundsberegningen kunne ikke starte.'));
      };
      const onAbort = () => {
        cleanup();
        this.terminate();
        reject(new DOMException('Afbrudt', 'AbortError'));
      };
      if (options.signal?.aborted) return onAbort();
      this.#pending.add(uncount);
      options.signal?.addEventListener('abort', onAbort);
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ id, job }, transferables(job));
    });
  }

  terminate(): void {
    // Their promises stay unanswered, as before; they no longer count as running.
    for (const uncount of [...this.#pending]) uncount();
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}

/** Runs one job in a worker of its own. */
export async function runWorkerJob<K extends WorkerJobResult['kind']>(job: WorkerJob, options: JobOptions = {}): Promise<Extract<WorkerJobResult, { kind: K }>> {
  const session = new WorkerSession();
  try {
    return await session.run<K>(job, options);
  } finally {
    session.terminate();
  }
}
