/** Messages between the page and the I/O worker. Jobs are added here as the importer grows. */
export type WorkerJob = { kind: 'sha256'; bytes: ArrayBuffer };

export type WorkerJobResult = { kind: 'sha256'; hex: string };

export type WorkerRequest = { id: number; job: WorkerJob };

export type WorkerResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: WorkerJobResult }
  | { id: number; type: 'error'; message: string };
