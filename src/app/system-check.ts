import { runWorkerJob } from './worker-client';

/** SHA-256("abc"), the FIPS 180-2 test vector: proves the worker ran real code, not just started. */
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

export interface SystemCheck {
  indexedDb: boolean;
  worker: boolean;
  secureContext: boolean;
}

/** What this browser, under the kommune's policies, lets the workbench do. */
export async function runSystemCheck(): Promise<SystemCheck> {
  const worker = await runWorkerJob<'sha256'>({ kind: 'sha256', bytes: new TextEncoder().encode('abc').buffer as ArrayBuffer }).then(
    (result) => result.hex === ABC_SHA256,
    () => false,
  );
  return { indexedDb: typeof indexedDB !== 'undefined', worker, secureContext: globalThis.isSecureContext === true };
}
