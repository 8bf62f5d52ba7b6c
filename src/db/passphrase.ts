import type { WorkspaceLock } from '../domain/workspace';
import { seal, unseal, workspaceKeys } from './encryption';

/**
 * A locked workspace's key comes from its passphrase: PBKDF2-SHA-256 with a random 16-byte salt
 * (OWASP's 600,000 iterations for SHA-256). It lives only in memory while the workspace is open;
 * the catalogue keeps the salt, the iteration count and `check`: a known text sealed with the key,
 * which tells a wrong passphrase without touching the workspace's data.
 */

export const LOCK_ITERATIONS = 600_000;
const CHECK_TEXT = new TextEncoder().encode('tilsynsbaenk-laast-arbejdsomraade');
const CHECK_AAD = new TextEncoder().encode('tilsynsbaenk/check');

/** The 32-byte key of a passphrase. */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, material, 256);
  return new Uint8Array(bits);
}

/** A new lock for a passphrase: what the catalogue keeps, and the key. */
export async function newLock(passphrase: string, iterations = LOCK_ITERATIONS): Promise<{ lock: WorkspaceLock; key: Uint8Array }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations);
  return { lock: { salt, iterations, check: seal(workspaceKeys(key).data, CHECK_AAD, CHECK_TEXT) }, key };
}

/** The key, when the passphrase is the lock's; undefined when it is not. */
export async function openLock(lock: WorkspaceLock, passphrase: string): Promise<Uint8Array | undefined> {
  const key = await deriveKey(passphrase, lock.salt, lock.iterations);
  try {
    unseal(workspaceKeys(key).data, CHECK_AAD, lock.check);
    return key;
  } catch {
    return undefined;
  }
}
