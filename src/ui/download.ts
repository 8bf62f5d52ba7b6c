import type { OpenWorkspace } from '../app/open-workspace';
import type { AuditDetails } from '../domain/audit';

/** Hands bytes to the browser as a file download; nothing leaves the machine. */
export function download(bytes: Uint8Array, fileName: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Hands an export to the browser, then records it in the workspace's audit log: who took which file of what. */
export async function downloadExport(workspace: OpenWorkspace, bytes: Uint8Array, fileName: string, kind: string, details: AuditDetails = {}): Promise<void> {
  download(bytes, fileName);
  await workspace.logExport(kind, { fileName, ...details });
}
