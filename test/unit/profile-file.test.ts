import { describe, expect, it } from 'vitest';
import type { MappingProfile } from '../../src/domain/mapping';
import { profileFileText, readProfileFile } from '../../src/io/profile-file';

const PROFILE: MappingProfile = {
  id: 'p1', name: 'DUBU-udtræk', signature: ':sagsnummer,resultat', createdAt: '2025-06-01T10:00:00.000Z',
  mapping: {
    sheets: [{
      sheet: 'udtraek', role: 'wide',
      columns: [
        { column: 0, header: 'Sagsnummer', target: 'cases.caseNumber' },
        { column: 1, header: 'Resultat', target: 'notifications.outcome', values: { ingenvideresagsbehandling: 'ingen', uoplyst: null } } as MappingProfile['mapping']['sheets'][number]['columns'][number],
        { column: 2, header: 'Bemærkning', target: null, blankMeansNo: false },
      ],
    }],
  },
};

const bytes = (text: string) => new TextEncoder().encode(text);
let n = 0;
const newId = () => `new-${++n}`;
const read = (text: string) => readProfileFile(bytes(text), newId, '2026-01-01T00:00:00.000Z');
const message = (text: string) => {
  const result = read(text);
  return result.ok ? 'ok' : result.message;
};
const file = (profiles: unknown) => JSON.stringify({ format: 'tilsynsbaenk-kortlaegninger', version: 1, profiles });

describe('mapping profiles as a file', () => {
  it('writes profiles and reads them back equal, with new ids', () => {
    const result = read(profileFileText([PROFILE]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual([{ ...PROFILE, id: 'new-1' }]);
    // The values record has only the source values as own properties.
    expect(Object.keys((result.value[0]!.mapping.sheets[0]!.columns[1] as unknown as { values: object }).values)).toEqual(['ingenvideresagsbehandling', 'uoplyst']);
  });

  it('refuses what is not a profile file, in Danish', () => {
    expect(message('')).toBe('Filen er tom.');
    expect(message('{ ikke json')).toBe('Filen er ikke en fil med kortlægninger fra Tilsynsbænken. Den kan ikke læses som JSON.');
    expect(message('{"format":"andet"}')).toBe('Filen er ikke en fil med kortlægninger fra Tilsynsbænken.');
    expect(message(JSON.stringify({ format: 'tilsynsbaenk-kortlaegninger', version: 9, profiles: [] }))).toBe('Filen er fra en anden udgave af Tilsynsbænken (version 9), som denne ikke kan læse.');
    expect(message(file([]))).toBe('Filen indeholder ingen kortlægninger.');
    expect(readProfileFile(new Uint8Array(2_000_001), newId, '').ok).toBe(false);
  });

  it('refuses a __proto__ key anywhere, leaving Object.prototype alone', () => {
    const hostile = profileFileText([PROFILE]).replace('"ingenvideresagsbehandling"', '"__proto__"');
    expect(message(hostile)).toBe('Filen indeholder navnet "__proto__", som ikke er tilladt i en kortlægning.');
    expect(message(`{"__proto__":{"polluted":true},"format":"tilsynsbaenk-kortlaegninger","version":1,"profiles":[]}`)).toBe('Filen indeholder navnet "__proto__", som ikke er tilladt i en kortlægning.');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the profile, sheet and column that are wrong', () => {
    const with_ = (change: (p: Record<string, unknown>) => void) => {
      const p = JSON.parse(JSON.stringify(PROFILE)) as Record<string, unknown>;
      change(p);
      return message(file([p]));
    };
    const col = (p: Record<string, unknown>) => (p.mapping as { sheets: { columns: Record<string, unknown>[] }[] }).sheets[0]!.columns;
    expect(with_((p) => (p.name = '  '))).toBe('Kortlægning 1 har intet navn.');
    expect(with_((p) => (col(p)[0]!.target = 'cases.hemmelig'))).toBe('Kortlægningen "DUBU-udtræk", arket "udtraek", kolonnen "Sagsnummer": feltet "cases.hemmelig" findes ikke i Tilsynsbænken.');
    expect(with_((p) => (col(p)[0]!.column = -1))).toBe('Kortlægningen "DUBU-udtræk", arket "udtraek", kolonnen "Sagsnummer": kolonnens nummer er ugyldigt.');
    expect(with_((p) => ((p.mapping as { sheets: Record<string, unknown>[] }).sheets[0]!.role = 'alt'))).toBe('Kortlægningen "DUBU-udtræk", arket "udtraek": hvad arket indeholder, er ugyldigt.');
    expect(with_((p) => (col(p)[1]!.values = { ingen: 5 }))).toBe('Kortlægningen "DUBU-udtræk", arket "udtraek", kolonnen "Resultat": værdien "ingen" skal læses som en tekst eller som ukendt.');
    expect(with_((p) => (col(p)[2]!.blankMeansNo = 'ja'))).toBe('Kortlægningen "DUBU-udtræk", arket "udtraek", kolonnen "Bemærkning": "tomt betyder nej" skal være sand eller falsk.');
  });

  it('reads one profile as the headless command saves it, named when it has no name', () => {
    const one = read(JSON.stringify({ mapping: PROFILE.mapping }));
    expect(one.ok && one.value.map((p) => [p.name, p.mapping])).toEqual([['Kortlægning fra fil', PROFILE.mapping]]);
    const named = read(JSON.stringify({ name: 'KMD', signature: 'x', mapping: PROFILE.mapping }));
    expect(named.ok && named.value[0]!.name).toBe('KMD');
    expect(message(JSON.stringify({ mapping: { sheets: 'ingen' } }))).toBe('Kortlægningen "Kortlægning fra fil": ark mangler.');
  });
});
