/**
 * Legal forms say how a business is registered, not who it is: "ООО Ромашка" and "Romashka
 * LLC" as typed by two managers should meet. Latin and Cyrillic forms of the markets we serve.
 */
const LEGAL_FORMS = new Set([
  // English-speaking and international
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  // German, Nordic, Romance
  'gmbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'oy',
  'ab',
  'as',
  'sa',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  // Bulgarian, in Cyrillic and as transliterated
  'еоод',
  'оод',
  'ад',
  'еад',
  'ет',
  'сд',
  'кд',
  'eood',
  'ood',
  'ad',
  'ead',
  'et',
  // Russian
  'ооо',
  'оао',
  'зао',
  'пао',
  'нао',
  'ао',
  'ип',
  'ooo',
  'oao',
  'zao',
  'pao',
  'ip',
  // Mongolian
  'ххк',
  'хк',
]);

/** The name reduced for duplicate matching: lower case, no punctuation or quotes, no legal form words. */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    // "L.L.C." and "О.О.О." lose their dots before the split so they read as one word.
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (letters) => letters.replaceAll('.', ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
  const kept = words.filter((w) => !LEGAL_FORMS.has(w));
  // A name that is nothing but legal forms ("AD") keeps them rather than becoming empty.
  return (kept.length ? kept : words).join(' ');
}
