import IoWorker from '../io/io.worker?worker&inline';
import type { WorkerJob, WorkerJobResult, WorkerResponse } from '../io/worker-protocol';

export interface JobOptions {
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the worker at once: the only way to stop a parser mid-file. */
  signal?: AbortSignal;
}

/**
 * Runs one job in a fresh inline worker (a classic worker from a blob: URL, the only kind
 * Chromium runs on file:// pages) and resolves with its result.
 */
export function runWorkerJob(job: WorkerJob, options: JobOptions = {}): Promise<WorkerJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new IoWorker();
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(new DOMException('Afbrudt', 'AbortError'));
    };
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener('abort', abort);
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === 'progress') return options.onProgress?.(message.done, message.total);
      finish();
      if (message.type === 'done') resolve(message.result);
      else reject(new Error(message.message));
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new Error(event.message || 'Baggrundsberegningen kunne ikke starte.'));
    });
    worker.postMessage({ id: 1, job }, job.kind === 'sha256' ? [job.bytes] : []);
  });
}
