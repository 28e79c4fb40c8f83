import { Decimal } from 'decimal.js';

/** An open item a bank line might pay, with what identifies its counterparty. */
export interface MatchCandidate {
  openItemId: string;
  counterpartyId: string;
  counterpartyName: string;
  counterpartyIbans: string[];
  /** The invoice or bill number, if the item is an invoice's. */
  documentNumber: string | null;
  dueDate: string;
  /** What is still owed, positive, in the line's currency. */
  outstanding: string;
}

/** The part of a bank line matching reads. */
export interface MatchLine {
  /** Unsigned: money in is matched against receivables, money out against payables, by the caller. */
  amount: string;
  reference: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
}

export type MatchReason = 'document_number' | 'exact_amount' | 'iban' | 'name';

export interface MatchSuggestion {
  openItemId: string;
  counterpartyId: string;
  /** 0 to 100. */
  score: number;
  reasons: MatchReason[];
  /** What to allocate: the item's outstanding, or the line's amount when it is less. */
  amount: string;
}

/** Points per reason: a document number in the remittance text is the strongest sign. */
export const MATCH_POINTS = { document_number: 60, iban: 25, exact_amount: 20, name: 15 } as const;

/** Legal forms say nothing about who paid. */
const LEGAL_FORMS = new Set([
  'ag',
  'co',
  'corp',
  'eood',
  'gmbh',
  'inc',
  'kg',
  'llc',
  'ltd',
  'ood',
  'plc',
  'sa',
  'sarl',
  'the',
  'ад',
  'еад',
  'еоод',
  'оод',
  'ооо',
  'зао',
  'пао',
  'ао',
  'ип',
  'ххк',
  'хк',
]);

const normalText = (text: string) => text.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
export const normalIban = (iban: string) => iban.replace(/\s+/g, '').toUpperCase();

export function nameTokens(name: string): string[] {
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !LEGAL_FORMS.has(w));
  return [...new Set(words)];
}

const tokenSimilarity = (left: Set<string>, right: Set<string>) => {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / Math.max(left.size, right.size);
};

/** Shared words over the words of the longer name: 1 for the same name in another order or case. */
export function nameSimilarity(a: string, b: string): number {
  return tokenSimilarity(new Set(nameTokens(a)), new Set(nameTokens(b)));
}

/** Names alike enough to count, and how many of the most alike counterparties a name brings in. */
const NAME_THRESHOLD = 0.5;
const NAME_POOL = 5;

const trailingDigits = (text: string) => /\d+$/.exec(text)?.[0] ?? null;

/**
 * The number stands in the text on its own: "INV-2026-0001" is not found in "INV-2026-00015",
 * though its letters are.
 */
function containsNumber(normalizedText: string, normalizedNumber: string): boolean {
  let from = normalizedText.indexOf(normalizedNumber);
  while (from >= 0) {
    const next = normalizedText[from + normalizedNumber.length];
    if (next === undefined || !/\d/.test(next)) return true;
    from = normalizedText.indexOf(normalizedNumber, from + 1);
  }
  return false;
}

interface IndexedCounterparty {
  tokens: Set<string>;
  items: MatchCandidate[];
}

export interface MatchIndex {
  byTrailingDigits: Map<string, MatchCandidate[]>;
  byAmount: Map<string, MatchCandidate[]>;
  byIban: Map<string, MatchCandidate[]>;
  counterparties: Map<string, IndexedCounterparty>;
  byNameToken: Map<string, string[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Indexes the open items once, so a statement of a thousand lines is matched against tens of
 * thousands of items by lookups instead of comparing every line with every item. Names are
 * compared per counterparty, not per item.
 */
export function buildMatchIndex(candidates: MatchCandidate[]): MatchIndex {
  const index: MatchIndex = {
    byTrailingDigits: new Map(),
    byAmount: new Map(),
    byIban: new Map(),
    counterparties: new Map(),
    byNameToken: new Map(),
  };
  for (const c of candidates) {
    const digits = c.documentNumber ? trailingDigits(normalText(c.documentNumber)) : null;
    if (digits) push(index.byTrailingDigits, digits, c);
    push(index.byAmount, new Decimal(c.outstanding).toFixed(), c);
    for (const iban of c.counterpartyIbans) push(index.byIban, normalIban(iban), c);
    const known = index.counterparties.get(c.counterpartyId);
    if (known) {
      known.items.push(c);
      continue;
    }
    const tokens = new Set(nameTokens(c.counterpartyName));
    index.counterparties.set(c.counterpartyId, { tokens, items: [c] });
    for (const token of tokens) push(index.byNameToken, token, c.counterpartyId);
  }
  return index;
}

/** The counterparties whose names are most like the payer's: a shared word alone is not enough. */
function byName(index: MatchIndex, tokens: Set<string>): Map<string, number> {
  const seen = new Set<string>();
  // The few best, kept in order as they are found: a common word ("trade") may bring thousands.
  const best: [id: string, similarity: number][] = [];
  for (const token of tokens)
    for (const id of index.byNameToken.get(token) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      const similarity = tokenSimilarity(tokens, index.counterparties.get(id)!.tokens);
      if (similarity < NAME_THRESHOLD) continue;
      if (best.length === NAME_POOL && !outranks([id, similarity], best[NAME_POOL - 1])) continue;
      const at = best.findIndex((b) => outranks([id, similarity], b));
      best.splice(at === -1 ? best.length : at, 0, [id, similarity]);
      if (best.length > NAME_POOL) best.pop();
    }
  return new Map(best);
}

const outranks = (a: [string, number], b: [string, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);

/** The items whose number the text may hold: every run of digits in it, and each run's endings. */
function byDocumentNumber(index: MatchIndex, normalizedText: string): Set<MatchCandidate> {
  const found = new Set<MatchCandidate>();
  for (const run of normalizedText.match(/\d+/g) ?? [])
    for (let start = 0; start < run.length; start++)
      for (const c of index.byTrailingDigits.get(run.slice(start)) ?? [])
        if (containsNumber(normalizedText, normalText(c.documentNumber!))) found.add(c);
  return found;
}

/**
 * The open items a bank line most likely pays, best first: a document number in its remittance
 * text, the counterparty's IBAN, the exact amount owed and the payer's name add points. Ties go
 * to the item due first, so the oldest debt is suggested before a newer one of the same amount.
 */
export function suggestMatches(index: MatchIndex, line: MatchLine, limit = 5): MatchSuggestion[] {
  const amount = new Decimal(line.amount).abs();
  const text = line.reference ? normalText(line.reference) : '';
  const iban = line.counterpartyIban ? normalIban(line.counterpartyIban) : null;
  const byNumber = text ? byDocumentNumber(index, text) : new Set<MatchCandidate>();
  const payerTokens = new Set(line.counterpartyName ? nameTokens(line.counterpartyName) : []);
  const alike = byName(index, payerTokens);
  const pool = new Set<MatchCandidate>(byNumber);
  for (const c of index.byAmount.get(amount.toFixed()) ?? []) pool.add(c);
  if (iban) for (const c of index.byIban.get(iban) ?? []) pool.add(c);
  for (const id of alike.keys()) for (const c of index.counterparties.get(id)!.items) pool.add(c);

  const scored: (MatchSuggestion & { dueDate: string })[] = [];
  for (const c of pool) {
    const reasons: MatchReason[] = [];
    let score = 0;
    if (byNumber.has(c)) {
      reasons.push('document_number');
      score += MATCH_POINTS.document_number;
    }
    if (iban && c.counterpartyIbans.some((i) => normalIban(i) === iban)) {
      reasons.push('iban');
      score += MATCH_POINTS.iban;
    }
    const outstanding = new Decimal(c.outstanding);
    if (outstanding.equals(amount)) {
      reasons.push('exact_amount');
      score += MATCH_POINTS.exact_amount;
    }
    const similarity =
      alike.get(c.counterpartyId) ??
      tokenSimilarity(payerTokens, index.counterparties.get(c.counterpartyId)!.tokens);
    if (similarity >= NAME_THRESHOLD) {
      reasons.push('name');
      score += Math.round(MATCH_POINTS.name * similarity);
    }
    // In the pool through a name that fell short of the threshold: nothing points to it.
    if (score === 0) continue;
    scored.push({
      openItemId: c.openItemId,
      counterpartyId: c.counterpartyId,
      score: Math.min(score, 100),
      reasons,
      amount: Decimal.min(outstanding, amount).toFixed(),
      dueDate: c.dueDate,
    });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score || a.dueDate.localeCompare(b.dueDate) || a.openItemId.localeCompare(b.openItemId),
  );
  return scored.slice(0, limit).map(({ dueDate: _, ...s }) => s);
}
