export type TaxIdResult = { ok: true; taxId: string } | { ok: false; reason: string };

const digitsOf = (text: string) => [...text].map(Number);
const weighted = (digits: number[], weights: number[]) =>
  weights.reduce((sum, weight, i) => sum + weight * digits[i], 0);

/** Russian INN: 10 digits for an organisation, 12 for a person or sole trader; check digits mod 11. */
function russianInn(taxId: string): string | undefined {
  if (!/^\d+$/.test(taxId)) return 'must be digits only';
  const d = digitsOf(taxId);
  const check = (weights: number[]) => (weighted(d, weights) % 11) % 10;
  if (taxId.length === 10) {
    return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9] ? undefined : 'has a wrong check digit for an INN';
  }
  if (taxId.length === 12) {
    const ok =
      check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
    return ok ? undefined : 'has a wrong check digit for an INN';
  }
  return `must have 10 digits (organisation) or 12 (person), not ${taxId.length}`;
}

/** Mod 11 with a second set of weights when the first gives 10; 10 again counts as 0. */
function bulgarianCheck(digits: number[], first: number[], second: number[]) {
  const once = weighted(digits, first) % 11;
  if (once !== 10) return once;
  const twice = weighted(digits, second) % 11;
  return twice === 10 ? 0 : twice;
}

/** Bulgarian EIK/BULSTAT: 9 digits for an entity, 13 for a branch (the 9 of the entity, then 4). */
function bulgarianEik(taxId: string): string | undefined {
  if (!/^\d+$/.test(taxId)) return 'must be digits only';
  if (taxId.length !== 9 && taxId.length !== 13)
    return `must have 9 digits (entity) or 13 (branch), not ${taxId.length}`;
  const d = digitsOf(taxId);
  const ninth = bulgarianCheck(d, [1, 2, 3, 4, 5, 6, 7, 8], [3, 4, 5, 6, 7, 8, 9, 10]);
  if (ninth !== d[8]) return 'has a wrong check digit for an EIK/BULSTAT';
  if (taxId.length === 9) return undefined;
  const thirteenth = bulgarianCheck(d.slice(8, 12), [2, 7, 3, 5], [4, 9, 5, 7]);
  return thirteenth === d[12] ? undefined : 'has a wrong check digit for a branch EIK/BULSTAT';
}

function generic(taxId: string): string | undefined {
  if (!/^[A-Z0-9]{5,20}$/.test(taxId)) return 'must be 5 to 20 letters and digits';
  return undefined;
}

/** Countries whose tax ids carry a checksum we know; others get the generic shape check. */
const checks: Record<string, (taxId: string) => string | undefined> = {
  RU: russianInn,
  BG: bulgarianEik,
};

/**
 * A tax id checked by the counterparty's country. Spaces, dashes and dots are dropped; a
 * Bulgarian number may carry its VAT prefix "BG", which is dropped too.
 */
export function checkTaxId(raw: string, country: string): TaxIdResult {
  let taxId = raw.replace(/[\s.\-/]/g, '').toUpperCase();
  if (!taxId) return { ok: false, reason: 'is empty' };
  if (country === 'BG' && taxId.startsWith('BG')) taxId = taxId.slice(2);
  const reason = (checks[country] ?? generic)(taxId);
  return reason ? { ok: false, reason } : { ok: true, taxId };
}
