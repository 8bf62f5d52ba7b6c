/**
 * Header words as a person reads them (issue 14, point 1): normalised, stemmed, compounds split,
 * noise such as "Dato for", "Seneste", "(J/N)" or "§ 50" taken out and kept as hints. Pure.
 */

/** What a header says besides its words. */
export interface HeaderWords {
  /** Stems of the words that name the field. */
  tokens: string[];
  /** "dato", "tidspunkt": the column holds dates. */
  dateHint: boolean;
  /** "(J/N)", "ja/nej", "?": the column holds yes/no. */
  boolHint: boolean;
}

const fold = (text: string) => text.toLocaleLowerCase('da').replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

const DATE_WORDS = new Set(['dato', 'datoen', 'tidspunkt', 'tidspunktet', 'dd', 'mm', 'aaaa', 'yyyy', 'kl']);
/** Words that do not name a field: articles, prepositions, "seneste", legal qualifiers. */
const NOISE = new Set([
  'for', 'af', 'til', 'med', 'om', 'i', 'paa', 'og', 'er', 'den', 'det', 'de', 'en', 'et', 'ved', 'efter', 'under', 'fra', 'som', 'der', 'har',
  'seneste', 'senest', 'sidste', 'nyeste', 'aktuel', 'aktuelle', 'evt', 'jf', 'ift', 'stk', 'sel', 'bl', 'lov', 'barnets lov', 'serviceloven',
  'ja', 'nej', 'j', 'n', 'x', 'jn', 'felt', 'kolonne', 'vaerdi',
]);
/** "Bevilling fra" / "Bevilget til": a last "fra" or "til" is the start or end of a period, not noise. */
const PERIOD_ENDS = new Set(['fra', 'til']);
const BOOL_QUALIFIER = /\(\s*(j\s*\/\s*n|ja\s*\/\s*nej|x|j|n|0\s*\/\s*1|1\s*\/\s*0)\s*\)|\bja\s*\/\s*nej\b|\bj\s*\/\s*n\b|[_\s-](jn|j_n)$|\?\s*$/;
/** Paragraphs that name a table: a § 50 / BL § 20 column belongs to the investigation. */
const PARAGRAPH_WORDS: Record<string, string> = { '50': 'undersoegelse', '20': 'undersoegelse' };

/** Suffixes stripped once, longest first, after a genitive s: "afholdt"/"afholdelse" → "afhold". */
const SUFFIXES = ['elsen', 'elser', 'else', 'ningen', 'ning', 'ende', 'ede', 'ene', 'erne', 'ing', 'er', 'et', 'en', 'te', 'e', 't'];

export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
  }
  return w;
}

/**
 * Stems that mean the same thing in a header; two stems of one concept are near, not equal, so
 * the header's own word still wins.
 */
const CONCEPTS: Record<string, readonly string[]> = {
  start: ['ivaerksa', 'ivaerksaet', 'ivaerksaett', 'start', 'opstart', 'paabegynd', 'igangsa', 'igangsat', 'begynd', 'startdato'],
  end: ['ophoer', 'ophoert', 'slut', 'afslut', 'afslutt', 'luk', 'lukk', 'lukn', 'stop'],
  receive: ['modtag', 'indkom', 'indgaa'],
  notify: ['underret', 'underrett'],
  investigate: ['undersoeg', 'undersoegels', 'bfu', 'boernefaglig'],
  measure: ['foranstaltning', 'foranstaltn', 'indsats', 'ydel', 'ydelse', 'tilbud'],
  plan: ['handleplan', 'plan', 'boernepl'],
  talk: ['samtal', 'boernesamtal', 'tal', 'talt'],
  approve: ['godkend', 'ledelsesgodkend'],
  inform: ['vejled', 'vejledt', 'informer', 'orienter', 'oplys'],
  decide: ['afgoer', 'afgoerel', 'afgjort', 'beslut', 'bevill', 'bevilg'],
  send: ['send', 'sendt', 'fremsend', 'udlever', 'del', 'delt', 'overdrag'],
  hold: ['afhold', 'gennemfoer', 'udfoer', 'holdt'],
  waive: ['fravalg', 'undlad', 'fravalgt'],
  caseworker: ['sagsbehandl', 'raadgiv', 'socialraadgiv', 'sagsbeh', 'medarbejd'],
  unit: ['enhed', 'team', 'afdeling', 'organisation'],
  child: ['barn', 'boern', 'barnet'],
  assess: ['vurder', 'vurdering'],
  acknowledge: ['kvitter', 'kvittering'],
  aware: ['opmaerksom', 'kendskab', 'kend', 'kendt'],
  group: ['grupp', 'gruppering', 'faggrupp', 'maalgrupp', 'kategori'],
  created: ['opret', 'oprett', 'aabn', 'aabnet'],
  ident: ['nr', 'id', 'nummer', 'numm'],
};
const CONCEPT_OF = new Map<string, string>(Object.entries(CONCEPTS).flatMap(([concept, stems]) => stems.flatMap((s) => [[s, concept], [stem(s), concept]] as const)));

/** How near two stems are: 1 the same, 0.85 the same concept, 0.8 one a clear beginning of the other, else 0. */
export function stemSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ca = CONCEPT_OF.get(a);
  if (ca !== undefined && ca === CONCEPT_OF.get(b)) return 0.85;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3) return 0.8;
  return 0;
}

/** Known stems, for splitting a compound: "modtagelsesdato" → "modtag" + "dato". */
const vocabulary = new Set<string>([...CONCEPT_OF.keys(), ...[...DATE_WORDS].map(stem), 'dato', 'id', 'nr', 'nummer', 'type']);
export function learnWords(texts: readonly string[]): void {
  for (const text of texts) for (const word of fold(text).split(/[^a-z0-9]+/)) if (word.length >= 3) vocabulary.add(stem(word));
}

/** Last parts a compound is split at even when the whole word is known: "foranstaltningstype" = "type af foranstaltning". */
const HEADS = new Set(['dato', 'type', 'id', 'nr', 'nummer', 'tidspunkt', 'kategori', 'art']);

function splitCompound(word: string): string[] {
  if (word.length < 7) return [word];
  const known = vocabulary.has(stem(word));
  const heads: { bare: string; right: string }[] = [];
  for (let at = 3; at <= word.length - 2; at += 1) {
    const right = word.slice(at);
    if (known ? !HEADS.has(right) : !vocabulary.has(stem(right)) && !DATE_WORDS.has(right)) continue;
    const left = word.slice(0, at);
    const bare = left.endsWith('s') || left.endsWith('e') ? left.slice(0, -1) : left;
    if (vocabulary.has(stem(left)) || vocabulary.has(stem(bare)) || vocabulary.has(bare)) return [bare, right];
    heads.push({ bare, right });
  }
  // A Danish compound's last part carries its meaning ("myndighedsteam" is a team, "besøgsdato" a
  // date): a known last part of four letters or more is split off even when the first is unknown.
  const head = heads.find((h) => h.right.length >= 4 && h.bare.length >= 4);
  return head ? [head.bare, head.right] : [word];
}

/**
 * The stems of the last parts of a header's compounds: what each compound is ("Teamleder" is a
 * leader, not a team). A field that does not know a compound's last part is at most unsure of it.
 */
export function compoundHeads(header: string): string[] {
  return fold(header).split(/[^a-z0-9]+/).filter(Boolean).map(splitCompound)
    .filter((parts) => parts.length === 2 && !DATE_WORDS.has(parts[1]!)).map((parts) => stem(parts[1]!));
}

/**
 * The stems of the first parts of a header's compounds: modifiers of a last part that carries the
 * meaning ("myndigheds" in "Myndighedsteam"), so a field need not know them.
 */
export function compoundModifiers(header: string): string[] {
  return fold(header).split(/[^a-z0-9]+/).filter(Boolean).map(splitCompound)
    .filter((parts) => parts.length === 2).map((parts) => stem(parts[0]!));
}

/** Words that make a date or a person another one than the event's own: "Næste opfølgning", "Tidligere sagsbehandler". */
const OTHER_THAN = new Set(['naeste', 'tidligere', 'forrige', 'planlagt', 'planlagte', 'forventet', 'forventede', 'kommende', 'oprindelig', 'oprindelige', 'frist', 'fristen']);

/** Whether a header says it is not the event's own value but a planned, previous or deadline one. */
export const saysOtherThan = (header: string) => fold(header).split(/[^a-z0-9]+/).some((w) => OTHER_THAN.has(w));

/**
 * The last word after a genitive ("Sagsbehandlers leder", "Underretters navn"): what the header is
 * about. Null when the header does not begin with a genitive before another word.
 */
export function genitiveHead(header: string): string | null {
  const words = fold(header.replace(/\([^)]*\)/g, ' ')).split(/[^a-z0-9]+/).filter((w) => w && !NOISE.has(w) && !DATE_WORDS.has(w));
  // Only a header that begins with the genitive: "… til barnets behov" is a complement, not the header's head.
  return words.length >= 2 && words[0]!.length > 5 && /[^s]s$/.test(words[0]!) ? stem(words[words.length - 1]!) : null;
}

/** Words a header may add to a field's own without saying anything else: "Afgørelse truffet", "Besøg foretaget". */
const FILLER = new Set(['truffet', 'foretaget', 'gennemfoert', 'udfoert', 'registreret', 'foreligger', 'dato', 'dag', 'kl', 'tid', 'tidspunkt', 'hvornaar', 'initialer', 'barn', 'barnet', 'boern'].map(stem));
export const isFiller = (word: string) => FILLER.has(word);

/** Reads a header (or a field's label or synonym) into stems and hints. */
export function headerWords(header: string): HeaderWords {
  let text = fold(header);
  const boolHint = BOOL_QUALIFIER.test(text);
  const paragraphs: string[] = [];
  // "§ 50, stk. 7" and "SEL § 52" are references, not words; a known one names its table.
  text = text.replace(/§+\s*(\d+)[a-z]?(\s*,?\s*stk\.?\s*\d+)?(\s*,?\s*nr\.?\s*\d+)?/g, (_m, n: string) => {
    if (PARAGRAPH_WORDS[n]) paragraphs.push(PARAGRAPH_WORDS[n]);
    return ' ';
  });
  // A qualifier in brackets ("(dd-mm-åååå)", "(J/N)", "(BFU)") adds hints and words of lower rank: kept, after the rest.
  const words = text.split(/[^a-z0-9]+/).filter(Boolean).flatMap(splitCompound);
  let dateHint = false;
  const tokens: string[] = [];
  const content = words.filter((w) => !DATE_WORDS.has(w));
  const last = content.length === 2 ? content[1] : undefined;
  for (const [at, word] of words.entries()) {
    if (DATE_WORDS.has(word)) { dateHint = true; continue; }
    if (word === last && at === words.lastIndexOf(word) && PERIOD_ENDS.has(word)) { tokens.push(word); continue; }
    if (NOISE.has(word) || /^\d+$/.test(word)) continue;
    const s = stem(word);
    if (!tokens.includes(s)) tokens.push(s);
  }
  for (const p of paragraphs) if (!tokens.includes(stem(p))) tokens.push(stem(p));
  return { tokens, dateHint, boolHint };
}

/** Words many fields share ("nummer", "id", "navn") say little about which field a header is. */
const WEAK = new Set(['numm', 'nummer', 'nr', 'id', 'navn', 'typ', 'kode', 'tekst'].map(stem));
export const isWeak = (word: string) => WEAK.has(word);
const weight = (word: string) => (WEAK.has(word) ? 0.3 : 1);

/**
 * How well a column's words cover a phrase's, and the phrase's the column's: each word paired with
 * its nearest, weighted to the phrase (a header may add a word the field does not need).
 */
export function phraseScore(column: readonly string[], phrase: readonly string[]): number {
  if (column.length === 0 || phrase.length === 0) return 0;
  const used = new Set<number>();
  let matched = 0;
  for (const p of phrase) {
    let best = 0;
    let bestAt = -1;
    column.forEach((c, at) => {
      if (used.has(at)) return;
      const s = stemSimilarity(c, p);
      if (s > best) { best = s; bestAt = at; }
    });
    if (bestAt >= 0) used.add(bestAt);
    matched += best * weight(p);
  }
  // A matched weak word counts little; an unmatched column word counts fully against the match.
  const phraseTotal = phrase.reduce((sum, w) => sum + weight(w), 0);
  const columnTotal = column.reduce((sum, w, at) => sum + (used.has(at) ? weight(w) : 1), 0);
  return 0.65 * (matched / phraseTotal) + 0.35 * Math.min(1, matched / columnTotal);
}

/** The share of a column's words a description mentions: a weaker sign than a label or synonym. */
export function descriptionScore(column: readonly string[], description: readonly string[]): number {
  if (column.length === 0) return 0;
  let matched = 0;
  for (const c of column) matched += Math.max(0, ...description.map((d) => stemSimilarity(c, d)));
  return matched / column.length;
}
