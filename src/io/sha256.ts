/** Lower-case hex SHA-256 of bytes, with the platform's Web Crypto (browser, worker and Node ≥ 20). */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
