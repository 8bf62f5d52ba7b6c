import { describe, expect, it } from 'vitest';
import { exportSafely } from '../../src/ui/download';
import { exportFailure } from '../../src/ui/state/export-failure.svelte';

describe('an export button that fails', () => {
  it('shows a Danish message instead of rejecting, and clears it at the next export', async () => {
    await expect(exportSafely(async () => { throw new Error('Sheet name cannot be History'); })).resolves.toBeUndefined();
    expect(exportFailure.message).toBe('Eksporten mislykkedes, og der er ikke hentet nogen fil. Fejltekst: Sheet name cannot be History');
    await exportSafely(async () => undefined);
    expect(exportFailure.message).toBe('');
  });

  it('keeps a message the worker has already put in Danish as it is', async () => {
    const danish = 'Regnearket kunne ikke laves, og der er ikke hentet nogen fil. Prøv igen; sker det igen, så giv fejlteksten til den, der hjælper jer med Tilsynsbænken. Fejltekst: x';
    await exportSafely(async () => { throw new Error(danish); });
    expect(exportFailure.message).toBe(danish);
  });
});
