import type { OpenWorkspace } from '../app/open-workspace';
import type { AuditDetails } from '../domain/audit';
import { exportFailure } from './state/export-failure.svelte';

/** Hands a file to the browser as a download; nothing leaves the machine. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Hands bytes to the browser as a file download (an xlsx unless `type` says otherwise). */
export function download(bytes: Uint8Array, fileName: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  downloadBlob(new Blob([bytes as BlobPart], { type }), fileName);
}

/**
 * Runs an export button's work: whatever fails becomes a Danish message on the page, never an
 * unhandled rejection (a button's handler has nobody to catch it).
 */
export async function exportSafely(work: () => Promise<unknown>): Promise<void> {
  exportFailure.message = '';
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    exportFailure.message = message.startsWith('Regnearket kunne ikke laves') || message.startsWith('Filen er hentet') ? message : `Eksporten mislykkedes, og der er ikke hentet nogen fil. Fejltekst: ${message}`;
  }
}

/** Hands an export to the browser, then records it in the workspace's audit log: who took which file of what. Never rejects. */
export async function downloadExport(workspace: OpenWorkspace, bytes: Uint8Array, fileName: string, kind: string, details: AuditDetails = {}): Promise<void> {
  await exportSafely(async () => {
    download(bytes, fileName);
    try {
      await workspace.logExport(kind, { fileName, ...details });
    } catch (error) {
      throw new Error(`Filen "${fileName}" er hentet, men kunne ikke skrives i arbejdsområdets log: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
