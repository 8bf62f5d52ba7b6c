import { formatNumber } from './format';
import { fail, ok, type Result } from './result';

/** A passphrase must be long enough to resist guessing offline against a copied profile. */
export const PASSPHRASE_MIN = 10;

/** Checks a new passphrase typed twice. */
export function validatePassphrase(passphrase: string, repeated: string): Result<string> {
  if (passphrase.length < PASSPHRASE_MIN) return fail(`Adgangskoden skal være mindst ${PASSPHRASE_MIN} tegn.`);
  if (passphrase !== repeated) return fail('De to adgangskoder er ikke ens.');
  return ok(passphrase);
}

export const AUTO_LOCK_DEFAULT_MINUTES = 15;
/** From 6 seconds (for a demonstration) to 8 hours. */
const AUTO_LOCK_MIN = 0.1;
const AUTO_LOCK_MAX = 480;

/** Minutes without use before a locked workspace locks itself, as typed: "15", "2,5" or "0,1". */
export function parseAutoLockMinutes(text: string): Result<number> {
  const clean = text.trim().replace(',', '.');
  const minutes = /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : NaN;
  if (!(minutes >= AUTO_LOCK_MIN && minutes <= AUTO_LOCK_MAX)) return fail('Skriv et antal minutter fra 0,1 til 480, fx 15.');
  return ok(minutes);
}

/** Minutes as the setting shows them: "15", "2,5", "0,1". */
export const formatMinutes = (minutes: number) => formatNumber(minutes, Number.isInteger(minutes) ? 0 : Number.isInteger(minutes * 10) ? 1 : 2);
