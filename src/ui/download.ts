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
