import { describe, expect, it } from 'vitest';
import { deletionConfirmed, mostRecentlyOpened, validateWorkspaceName, type Workspace } from '../../src/domain/workspace';

describe('workspace names', () => {
  it('accepts a name and trims and folds its spacing', () => {
    expect(validateWorkspaceName('  Varde   Kommune ', [])).toEqual({ ok: true, value: 'Varde Kommune' });
  });

  it.each([
    ['', 'Skriv et navn til arbejdsområdet.'],
    ['   ', 'Skriv et navn til arbejdsområdet.'],
    ['x'.repeat(81), 'Navnet må højst være 80 tegn.'],
    ['Varde\u0007', 'Navnet må ikke indeholde styretegn.'],
  ])('refuses %j with a Danish reason', (name, message) => {
    expect(validateWorkspaceName(name, [])).toEqual({ ok: false, message });
  });

  it('refuses a name already in use, whatever its case and spacing', () => {
    const result = validateWorkspaceName('ærø  KOMMUNE', ['Ærø Kommune']);
    expect(result).toEqual({ ok: false, message: 'Der findes allerede et arbejdsområde med navnet "ærø KOMMUNE".' });
  });

  it('confirms deletion only when the exact name is typed', () => {
    expect(deletionConfirmed('Ærø Kommune', 'Ærø Kommune')).toBe(true);
    expect(deletionConfirmed(' Ærø Kommune ', 'Ærø Kommune')).toBe(true);
    expect(deletionConfirmed('ærø kommune', 'Ærø Kommune')).toBe(false);
    expect(deletionConfirmed('Ærø', 'Ærø Kommune')).toBe(false);
    expect(deletionConfirmed('', 'Ærø Kommune')).toBe(false);
  });
});

describe('the workspace that opens on start', () => {
  const workspace = (id: string, lastOpenedAt: string): Workspace => ({
    id, name: id, createdAt: '2026-01-01T08:00:00.000Z', lastOpenedAt, isDemo: false,
  });

  it('is the one opened most recently', () => {
    const list = [
      workspace('a', '2026-11-20T08:00:00.000Z'),
      workspace('b', '2026-11-26T15:30:00.000Z'),
      workspace('c', '2026-11-26T15:29:59.999Z'),
    ];
    expect(mostRecentlyOpened(list)?.id).toBe('b');
  });

  it('is none when there are no workspaces', () => {
    expect(mostRecentlyOpened([])).toBeUndefined();
  });
});

describe('a name for a new workspace', () => {
  it('is the base name, or the base name numbered after the ones in use', async () => {
    const { uniqueWorkspaceName } = await import('../../src/domain/workspace');
    expect(uniqueWorkspaceName('Demokommune', [])).toBe('Demokommune');
    expect(uniqueWorkspaceName('Demokommune', ['demokommune'])).toBe('Demokommune 2');
    expect(uniqueWorkspaceName('Demokommune', ['Demokommune', 'Demokommune 2', 'Varde'])).toBe('Demokommune 3');
  });
});
