/** FNV-1a, 32 bits: a fast, stable fingerprint of a text (not a cryptographic hash; that is `io/sha256.ts`). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
