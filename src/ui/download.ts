import type { OpenWorkspace } from '../app/open-workspace';
import type { AuditDetails } from '../domain/audit';

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

/** Hands an export to the browser, then records it in the workspace's audit log: who took which file of what. */
export async function downloadExport(workspace: OpenWorkspace, bytes: Uint8Array, fileName: string, kind: string, details: AuditDetails = {}): Promise<void> {
  download(bytes, fileName);
  await workspace.logExport(kind, { fileName, ...details });
}
