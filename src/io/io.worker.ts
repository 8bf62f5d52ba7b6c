/// <reference lib="webworker" />
import { sha256Hex } from './sha256';
import type { WorkerJob, WorkerJobResult, WorkerRequest, WorkerResponse } from './worker-protocol';

const post = (message: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

async function run(job: WorkerJob): Promise<WorkerJobResult> {
  switch (job.kind) {
    case 'sha256':
      return { kind: 'sha256', hex: await sha256Hex(job.bytes) };
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const { id, job } = event.data;
  run(job).then(
    (result) => post({ id, type: 'done', result }),
    (error: unknown) => post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
